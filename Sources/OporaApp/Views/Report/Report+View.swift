import Foundation
import OporaDomain
import Plot
import Vapor

/// The monitoring report as a page that prints on A4: the same tables as the workbook.
enum ReportView {
    static func render(_ ctx: PageContext, _ r: ReportData, years: [Int]) -> Response {
        Layout.page("Отчёт \(r.year)", ctx) {
            El("form", [("method", "get"), ("action", SiteURL.report.path), ("class", "inline-form no-print")]) {
                Forms.select("Год отчёта", name: "year", options: years.map { (String($0), String($0)) }, selected: String(r.year))
                El("button", [("type", "submit")]) { Tx("Показать") }
                link("Скачать XLSX", SiteURL.reportXLSX.with([("year", String(r.year))]), [("class", "button secondary")])
            }
            El("h1") { Tx("Мониторинг реализации муниципальной программы за \(r.year) год") }
            El("p", [("class", "lead")]) { Tx("\(r.passport.name). \(r.municipality). Отчёт составлен \(r.today.russian).") }
            El("section", [("class", "report-part")]) {
                El("h2") { Tx("1. Паспорт программы (кратко)") }
                El("dl", [("class", "facts")]) {
                    MeasureShowView.fact("Цель", r.passport.goal)
                    MeasureShowView.fact("Срок реализации", r.passport.term)
                    MeasureShowView.fact("Разработчики", r.passport.developers)
                    MeasureShowView.fact("Исполнители", r.passport.executors)
                    MeasureShowView.fact("Контроль", r.passport.control)
                }
            }
            El("section", [("class", "report-part")]) {
                El("h2") { Tx("2. Целевые индикаторы") }
                // The report is printed on A4: its tables have no scroll frame, which would cut them on paper.
                DataTable("Значения за \(r.year) год по данным Опоры, %", headers: ["Индикатор", "Исходное", "Цель", "Факт", "Из чего", "Итог"],
                          items: r.indicators, scrolls: false) { i in
                    Cell.head("\(i.number). \(i.title)")
                    Cell.number(i.baseline.map { Format.number($0) } ?? "—")
                    Cell.number(i.target.map { Format.number($0) } ?? "—")
                    // Outside the municipality no count of fewer than 5 people, nor a share that tells one.
                    let masked = SmallCount.indicator(i.number, numerator: i.numerator, denominator: i.denominator, masked: ctx.countsOnly)
                    Cell.number(masked?.shareShown == false && i.value != nil ? "скрыто" : i.value.map { Format.number($0) } ?? "нет данных")
                    Cell.number("\(masked?.part ?? Format.number(i.numerator)) из \(masked?.whole ?? Format.number(i.denominator))")
                    Cell.of {
                        IndicatorsView.achievedMark(i.achieved)
                        if let m = i.manual { El("div", [("class", "manual")]) { Tx("вручную: \(Format.number(m))") } }
                    }
                }
            }
            El("section", [("class", "report-part")]) {
                El("h2") { Tx("3. Выполнение мероприятий по разделам (на \(r.today.russian))") }
                countsTable(r.sections, "Раздел")
                El("h2") { Tx("4. Выполнение мероприятий по планам школ (на \(r.today.russian))") }
                countsTable(r.plans, "План")
            }
            El("section", [("class", "report-part")]) {
                El("h2") { Tx("5. Просроченные мероприятия на \(r.today.russian) (\(r.overdue.count))") }
                if r.overdue.isEmpty { El("p") { Tx("Просроченных мероприятий нет.") } } else {
                    DataTable("На \(r.today.russian)", headers: ["Мероприятие", "План", "Срок", "Ответственные"], items: r.overdue, scrolls: false) { m in
                        Cell.text("\(m.directionCode) \(m.name)")
                        Cell.text(m.schoolName ?? "Муниципальный план")
                        Cell.of([("class", "nowrap")]) { Tx(m.deadline?.russian ?? "") }
                        Cell.text(m.responsible ?? "—")
                    }
                }
            }
            El("section", [("class", "report-part")]) {
                El("h2") { Tx("6. Категории школ" + (r.categoriesYear.map { " (мониторинг \($0) года, методика версии \(r.methodologyVersion))" } ?? "")) }
                if r.categories.isEmpty { El("p") { Tx("Результатов мониторинга нет.") } } else {
                    DataTable("Школы муниципалитета", headers: ["Школа", "Категория", "Сводный результат", "Критериев НСУ", "В программе"],
                              items: r.categories, scrolls: false) { c in
                        Cell.text(c.school)
                        Cell.of { CategoryBadge.render(c.category) }
                        Cell.composite(c.composite, ctx.countsOnly ? nil : c.compositeInterval)
                        Cell.number(String(c.criteriaMet))
                        Cell.text(c.participating ? "да" : "нет")
                    }
                }
            }
        }
    }

    static func countsTable(_ rows: [ReportData.MeasureCounts], _ first: String) -> Component {
        DataTable("Мероприятия: всего и по состояниям", headers: [first, "Всего", "Выполнено", "Выполняется", "Запланировано", "Отменено", "Просрочено"],
                  items: rows, scrolls: false) { c in
            Cell.head(c.title)
            for v in [c.total, c.done, c.inProgress, c.planned, c.cancelled, c.overdue] { Cell.number(String(v)) }
        }
    }
}
