import Fluent
import Foundation
import OporaDomain

extension SchoolProfileView {
    /// A readable school's profile: its category and why for every year of monitoring, with the
    /// references of each year, its rows and social context, and whether the user may change the context.
    /// `programme`: the shown one, whose participation and plan the page names.
    static func query(school: School, programme: Programme?, user: CurrentUser, selectedYear: Int?, cache: MonitoringCache,
                      on db: any Database) async throws -> Model {
        let municipalityID = school.$municipality.id
        let data = try await cache.data(municipalityID: municipalityID, on: db)
        let version = try await Methodology.current(municipalityID: municipalityID, on: db)
        var assessments: [SchoolAssessment] = []
        var references: [ResultRow.Key: Double] = [:]
        for year in data.years.reversed() {
            guard let result = try await cache.identified(municipalityID: municipalityID, year: year, on: db)?.result
            else { continue }
            if let a = result.schools.first(where: { $0.schoolCode == school.code }) { assessments.append(a) }
            for r in result.references where r.year == year {
                references[ResultRow.Key(year: year, procedure: r.procedure, schoolCode: "")] = r.value
            }
        }
        var hasPlan = false, participating = false
        if let programmeID = programme?.id {
            hasPlan = try await Measure.query(on: db).filter(\.$programme.$id == programmeID).filter(\.$school.$id == school.id!).count() > 0
            participating = try await Participation.takesPart(school.id!, in: programmeID, on: db)
        }
        let model = Model(
            school: school.facts, settlement: school.settlement, type: school.type, isDemo: school.isDemo, hasPlan: hasPlan,
            participating: participating,
            assessments: assessments, references: references,
            rows: data.rows.filter { $0.schoolCode == school.code },
            contexts: data.contexts.filter { $0.schoolCode == school.code }, version: version,
            canEditContext: user.canEditSchoolData(school), selectedYear: selectedYear)
        return model
    }
}
