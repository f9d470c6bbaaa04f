import Foundation
import OporaDomain

/// The monitoring report as an XLSX workbook, the same for the web page and `opora report`.
extension ReportData {
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
