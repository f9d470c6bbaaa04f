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
        let measures = try await Measure.query(on: db).filter(\.$programme.$id == programmeID)
            .with(\.$direction).with(\.$task).with(\.$school).all().map { MeasureList.row($0, today: today) }
            .sorted(by: MeasureList.planOrder)
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
                            criteriaMet: a.criteriaMet, participating: participating.contains(a.schoolCode))
            }
        }
        let municipality = try await Municipality.find(programme.$municipality.id, on: db)?.name ?? ""
        return ReportData(year: year, today: today, passport: plan.passport, municipality: municipality, indicators: indicators,
                          sections: sections, plans: plans, overdue: measures.filter(\.overdue), categoriesYear: categoriesYear,
                          methodologyVersion: version.number, categories: categories)
    }

    /// The workbook: one sheet per part of the report. For readers outside the municipality
    /// (observers) the indicators' numerators and denominators under 5 are written as «<5»:
    /// they count people.
    func workbook(maskSmallCounts: Bool = false) throws -> [UInt8] {
        let countColumns = [XLSXColumn(title: "Всего", width: 10), XLSXColumn(title: "Выполнено", width: 12), XLSXColumn(title: "Выполняется", width: 13),
                            XLSXColumn(title: "Запланировано", width: 15), XLSXColumn(title: "Отменено", width: 11), XLSXColumn(title: "Просрочено", width: 12)]
        func countRow(_ c: MeasureCounts) -> [XLSXCell] {
            [.text(c.title), .integer(c.total), .integer(c.done), .integer(c.inProgress), .integer(c.planned), .integer(c.cancelled), .integer(c.overdue)]
        }
        let percent = { (v: Double?) -> XLSXCell in v.map { .percent($0 / 100) } ?? .empty }
        let plain = { (v: Double) -> XLSXCell in v == v.rounded() && abs(v) < 1e9 ? .integer(Int(v)) : .number(v) }
        let cell = { (text: String) -> XLSXCell in Int(text).map { .integer($0) } ?? .text(text) }

        return try XLSXWriter.workbook([
            XLSXSheet(name: "Паспорт", columns: [XLSXColumn(title: "Раздел паспорта", width: 34), XLSXColumn(title: "Содержание", width: 110)], rows: [
                [.text("Наименование программы"), .text(passport.name)],
                [.text("Муниципалитет"), .text(municipality)],
                [.text("Отчётный год"), .integer(year)],
                [.text("Дата отчёта"), .date(today)],
                [.text("Основные разработчики"), .text(passport.developers)],
                [.text("Основные исполнители"), .text(passport.executors)],
                [.text("Цель программы"), .text(passport.goal)],
                [.text("Задачи программы"), .text(passport.tasks.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: " "))],
                [.text("Срок реализации"), .text(passport.term)],
                [.text("Контроль реализации"), .text(passport.control)],
            ]),
            XLSXSheet(name: "Индикаторы", columns: [
                XLSXColumn(title: "№", width: 5), XLSXColumn(title: "Целевой индикатор", width: 70), XLSXColumn(title: "Исходное значение", width: 12),
                XLSXColumn(title: "Цель \(year)", width: 11), XLSXColumn(title: "Факт \(year)", width: 11), XLSXColumn(title: "Числитель", width: 11),
                XLSXColumn(title: "Знаменатель", width: 13), XLSXColumn(title: "Достигнут", width: 11), XLSXColumn(title: "Введено вручную", width: 14),
            ], rows: indicators.map { i in
                // The same masking rule as the pages: no count under 5 people, no share that tells one.
                let m = SmallCount.indicator(i.number, numerator: i.numerator, denominator: i.denominator, masked: maskSmallCounts)
                return [.integer(i.number), .text(i.title), percent(i.baseline), percent(i.target),
                        m?.shareShown == false && i.value != nil ? .text("скрыто") : percent(i.value),
                        m.map { cell($0.part) } ?? plain(i.numerator), m.map { cell($0.whole) } ?? plain(i.denominator),
                 .text(i.achieved.map { $0 ? "да" : "нет" } ?? "нет данных"), percent(i.manual)]
            }),
            XLSXSheet(name: "Мероприятия по разделам", columns: [XLSXColumn(title: "Раздел", width: 60)] + countColumns, rows: sections.map(countRow)),
            XLSXSheet(name: "Мероприятия по школам", columns: [XLSXColumn(title: "План", width: 45)] + countColumns, rows: plans.map(countRow)),
            XLSXSheet(name: "Просроченные", columns: [
                XLSXColumn(title: "Направление", width: 10), XLSXColumn(title: "Мероприятие", width: 70), XLSXColumn(title: "План", width: 30),
                XLSXColumn(title: "Срок", width: 12), XLSXColumn(title: "Ответственные", width: 30), XLSXColumn(title: "Состояние", width: 15),
            ], rows: overdue.map { r in
                [.text(r.directionCode), .text(r.name), .text(r.schoolName ?? "Муниципальный план"), r.deadline.map { .date($0) } ?? .empty,
                 .text(r.responsible ?? ""), .text(r.status.russian)]
            }),
            XLSXSheet(name: "Категории школ", columns: [
                XLSXColumn(title: "Школа", width: 36), XLSXColumn(title: "Категория", width: 18), XLSXColumn(title: "Сводный результат", width: 16),
                XLSXColumn(title: "Критериев НСУ", width: 14), XLSXColumn(title: "В программе", width: 12),
                XLSXColumn(title: "Год мониторинга \(categoriesYear.map(String.init) ?? "—"), методика версии \(methodologyVersion)", width: 40),
            ], rows: categories.map { c in
                [.text(c.school), .text(c.category.russian), c.composite.map { .percent($0) } ?? .empty, .integer(c.criteriaMet),
                 .text(c.participating ? "да" : "нет"), .empty]
            }),
        ])
    }
}
