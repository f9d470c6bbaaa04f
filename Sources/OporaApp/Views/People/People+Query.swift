import Fluent
import Foundation
import OporaDomain

extension PeopleView {
    /// The municipal overview of teachers and students for one year: per school the teachers,
    /// diagnostics, deficits, plans, mentoring and student support; names only for municipal staff.
    static func query(programme: Programme, year: Int, years: [Int], user: CurrentUser, today: Day, on db: any Database) async throws -> Model {
        let municipalityID = programme.$municipality.id
        let people = try await PeopleData.load(municipalityID: municipalityID, on: db)
        let schools = try await School.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$code).all()
        let support = try await StudentSupportRecord.query(on: db).filter(\.$municipality.$id == municipalityID).filter(\.$year == year).all()
        let families = try await AtRiskFamiliesRecord.query(on: db).filter(\.$municipality.$id == municipalityID).filter(\.$year == year).all()
        let consultations = try await Consultation.query(on: db).filter(\.$municipality.$id == municipalityID).count()
        let current = people.teachers.filter { $0.fact.pedagogical && ($0.fact.employedTo.map { $0 >= today } ?? true) }
        let names = Dictionary(uniqueKeysWithValues: schools.map { ($0.code, $0.shortName) })
        let rows = schools.map { s -> SchoolRow in
            let teachers = current.filter { $0.schoolID == s.id }
            let keys = Set(teachers.map(\.fact.id))
            let plans = people.plans.filter { keys.contains($0.teacherKey) }
            let grades = support.filter { $0.$school.id == s.id }
            let sum = { (f: (StudentSupportRecord) -> Int?) -> Int? in
                let values = grades.compactMap(f)
                return values.isEmpty ? nil : values.reduce(0, +)
            }
            return SchoolRow(
                school: s.facts, teachers: teachers.count,
                diagnosed: teachers.filter { DeficitAnalysis.latestDate(of: $0.fact.id, in: people.diagnostics) != nil }.count,
                withDeficits: teachers.filter { !people.deficits(of: $0.fact.id).isEmpty }.count, plans: plans.count,
                stepsDone: plans.flatMap(\.steps).filter { $0.completedOn != nil }.count, steps: plans.flatMap(\.steps).count,
                pairs: people.pairs.filter { $0.schoolID == s.id }.count, difficulties: sum { $0.difficulties }, lowMotivation: sum { $0.motivationLow },
                families: families.first { $0.$school.id == s.id }?.families)
        }
        let named = user.access.isMunicipalStaff
        let model = Model(
            year: year, years: years,
            common: DeficitAnalysis.common(teachers: current.map(\.fact), facts: people.diagnostics, areas: people.areas),
            undiagnosed: named ? DeficitAnalysis.undiagnosed(teachers: current.map(\.fact), facts: people.diagnostics)
                .map { ($0, names[$0.schoolCode] ?? $0.schoolCode) } : [],
            schools: rows, consultations: consultations, named: named)
        return model
    }
}
