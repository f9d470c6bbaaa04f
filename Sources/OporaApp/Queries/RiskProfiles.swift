import Fluent
import Foundation
import OporaDomain

/// The risk factors of a municipality: the 10 of project 500+ until the admin saves another list.
/// Reading never writes; the admin's save stores the whole list.
enum RiskFactorList {
    static func load(municipalityID: UUID, on db: any Database) async throws -> [RiskFactor] {
        let rows = try await RiskFactorRecord.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$ordinal).all()
        return rows.isEmpty ? RiskFactors.defaults : rows.map(\.domain)
    }
}

/// A school's risk profile of a year: for each factor, Opora's suggestion from the rows it holds and
/// the methodist's confirmed level with a comment.
struct RiskProfile: Sendable {
    struct Factor: Sendable {
        var factor: RiskFactor
        var suggestion: RiskSuggestion
        var assessment: Assessed?
        /// The level in force: the methodist's when confirmed, otherwise Opora's suggestion.
        var level: RiskLevel? { assessment.map(\.level) ?? suggestion.level }
    }

    struct Assessed: Sendable {
        var level: RiskLevel
        var suggested: RiskLevel?
        var comment: String
        var by: String
        var on: Day
    }

    var school: School.Facts
    var year: Int
    var factors: [Factor]

    /// Factors whose reasons and rows name teachers or count students: an observer sees their level only.
    static let aboutPeople: Set<String> = ["competence", "professionalDevelopment", "studentsAtRisk", "parents", "motivation"]

    /// `peopleVisible` is false for users who may not see the school's people (observers): the
    /// reasons and rows of the factors about people are then left out.
    static func load(school: School, year: Int, peopleVisible: Bool = true, on db: any Database) async throws -> RiskProfile {
        let municipalityID = school.$municipality.id
        let factors = try await RiskFactorList.load(municipalityID: municipalityID, on: db)
        let suggestions = RiskProfileRules.suggest(try await inputs(school: school, year: year, on: db))
        let stored = try await RiskAssessment.query(on: db).filter(\.$school.$id == school.id!).filter(\.$year == year).all()
        return RiskProfile(school: school.facts, year: year, factors: factors.map { f in
            let a = stored.first { $0.factor == f.key }
            var suggestion = RiskProfileRules.suggestion(for: f, in: suggestions)
            if !peopleVisible && aboutPeople.contains(f.key) {
                suggestion.reason = "Основания видят школа, методисты и управление образования: они называют педагогов или считают обучающихся."
                suggestion.rows = []
            }
            return Factor(factor: f, suggestion: suggestion,
                          assessment: a.flatMap { a in RiskLevel(rawValue: a.level).map {
                              Assessed(level: $0, suggested: a.suggestedLevel.flatMap(RiskLevel.init), comment: a.comment, by: a.assessedBy,
                                       on: Day(a.assessedOn) ?? Day(year: year, month: 1, day: 1)!)
                          } })
        })
    }

    /// Everything the rules read, for one school and year.
    static func inputs(school: School, year: Int, on db: any Database) async throws -> RiskInputs {
        let municipalityID = school.$municipality.id
        let people = try await PeopleData.load(municipalityID: municipalityID, on: db)
        let teachers = people.teachers.filter { $0.schoolID == school.id }.map(\.fact)
        let keys = Set(teachers.map(\.id))
        let teacherKey = Dictionary(uniqueKeysWithValues: people.teachers.map { ($0.recordID, $0.fact.id) })
        let trainings = try await TrainingRecord.query(on: db).filter(\.$municipality.$id == municipalityID).all()
            .compactMap { t in teacherKey[t.$teacher.id].flatMap { keys.contains($0) ? t.fact(teacherKey: $0) : nil } }
        let items = try await ChecklistItems.titles(municipalityID: municipalityID, on: db)
        let checklists = try await ChecklistEntryRecord.query(on: db).filter(\.$school.$id == school.id!).filter(\.$year == year).all()
            .map { $0.fact(schoolCode: school.code) }
        let positions = try await StaffPositionRecord.query(on: db).filter(\.$school.$id == school.id!).filter(\.$year == year).all()
            .map { $0.fact(schoolCode: school.code) }
        let results = try await ResultRecord.query(on: db).filter(\.$municipality.$id == municipalityID).filter(\.$schoolCode == school.code)
            .filter(\.$year == year).all().map(\.domain)
        let context = try await SocialContextRecord.query(on: db).filter(\.$school.$id == school.id!).filter(\.$year == year).first()
            .map { $0.domain(schoolCode: school.code) }
        let support = try await StudentSupportRecord.query(on: db).filter(\.$school.$id == school.id!).filter(\.$year == year).all()
            .map { $0.fact(schoolCode: school.code) }
        let families = try await AtRiskFamiliesRecord.query(on: db).filter(\.$school.$id == school.id!).filter(\.$year == year).first()
        let version = try await Methodology.current(municipalityID: municipalityID, on: db)
        return RiskInputs(schoolCode: school.code, year: year, checklistItems: items, checklists: checklists, positions: positions,
                          teachers: teachers, trainings: trainings, diagnostics: people.diagnostics.filter { keys.contains($0.teacherID) },
                          areas: people.areas, results: results, minParticipants: version.parameters.minParticipants, context: context,
                          support: support, atRiskFamilies: families?.families)
    }
}
