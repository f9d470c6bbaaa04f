import Fluent
import Foundation
import OporaDomain

/// «Мониторинг реализации муниципальной программы» for a year: every table of the report, as values
/// the print page and the workbook both draw from.
struct ReportData: Sendable {
    struct IndicatorRow: Sendable {
        var number: Int
        var title: String
        var baseline: Double?
        var target: Double?
        var value: Double?
        var numerator: Double
        var denominator: Double
        var achieved: Bool?
        var manual: Double?
    }

    struct MeasureCounts: Sendable {
        var title: String
        var total: Int
        var done: Int
        var inProgress: Int
        var planned: Int
        var cancelled: Int
        var overdue: Int
    }

    struct CategoryRow: Sendable {
        var school: String
        var category: SchoolCategory
        var composite: Double?
        var compositeInterval: Interval?
        var criteriaMet: Int
        var participating: Bool
    }

    var year: Int
    var today: Day
    var passport: ProgrammePassport
    var municipality: String
    var indicators: [IndicatorRow]
    var sections: [MeasureCounts]
    var plans: [MeasureCounts]
    var overdue: [MeasureRow]
    var categoriesYear: Int?
    var methodologyVersion: Int
    var categories: [CategoryRow]

    static func make(programme: Programme, year: Int, today: Day, cache: MonitoringCache, on db: any Database) async throws -> ReportData {
        let programmeID = try programme.requireID()
        let plan = try await ProgrammePlan.fetch(programme, on: db)
        let indicatorData = try await IndicatorData.load(programme, cache: cache, on: db)
        let indicators = indicatorData.numbers.map { n -> IndicatorRow in
            let v = indicatorData.value(n, year)
            let target = indicatorData.targets[n]?[year]
            return IndicatorRow(number: n, title: indicatorData.titles[n] ?? "", baseline: indicatorData.baselines[n], target: target,
                                value: v.value, numerator: v.numerator, denominator: v.denominator,
                                achieved: IndicatorAssessment.achieved(value: v.value, target: target), manual: indicatorData.manual[n]?[year]?.value)
        }
        let measures = try await MeasureList.all(programmeID: programmeID, today: today, on: db)
        func counts(_ title: String, _ rows: [MeasureRow]) -> MeasureCounts {
            MeasureCounts(title: title, total: rows.count, done: rows.filter { $0.status == .done }.count,
                          inProgress: rows.filter { $0.status == .inProgress }.count, planned: rows.filter { $0.status == .planned }.count,
                          cancelled: rows.filter { $0.status == .cancelled }.count, overdue: rows.filter(\.overdue).count)
        }
        let sections = plan.sections.map { s in counts("\(s.number). \(s.title)", measures.filter { $0.sectionNumber == s.number }) }
        let schoolNames = Array(Set(measures.compactMap(\.schoolName))).sorted()
        let plans = [counts("Муниципальный план", measures.filter { $0.schoolID == nil })]
            + schoolNames.map { name in counts("План школы: \(name)", measures.filter { $0.schoolName == name }) }

        let monitoring = indicatorData.monitoring
        let version = indicatorData.methodology
        let categoriesYear = monitoring.years.last { $0 <= year }
        var categories: [CategoryRow] = []
        if let cy = categoriesYear {
            let participating = Set(indicatorData.inputs.participating)
            categories = (try await cache.identified(municipalityID: programme.$municipality.id, year: cy, on: db)?.result.schools ?? []).map { a in
                CategoryRow(school: indicatorData.inputs.schoolNames[a.schoolCode] ?? a.schoolName, category: a.category, composite: a.composite,
                            compositeInterval: a.compositeInterval, criteriaMet: a.criteriaMet, participating: participating.contains(a.schoolCode))
            }
        }
        let municipality = try await Municipality.find(programme.$municipality.id, on: db)?.name ?? ""
        return ReportData(year: year, today: today, passport: plan.passport, municipality: municipality, indicators: indicators,
                          sections: sections, plans: plans, overdue: measures.filter(\.overdue), categoriesYear: categoriesYear,
                          methodologyVersion: version.number, categories: categories)
    }
}
