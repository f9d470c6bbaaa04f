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
                El("table", [("class", "data")]) {
                    El("caption") { Tx("Значения за \(r.year) год по данным Опоры, %") }
                    El("thead") { El("tr") { for h in ["Индикатор", "Исходное", "Цель", "Факт", "Из чего", "Итог"] { El("th", [("scope", "col")]) { Tx(h) } } } }
                    El("tbody") {
                        for i in r.indicators {
                            El("tr") {
                                El("th", [("scope", "row")]) { Tx("\(i.number). \(i.title)") }
                                El("td", [("class", "num")]) { Tx(i.baseline.map { Format.number($0) } ?? "—") }
                                El("td", [("class", "num")]) { Tx(i.target.map { Format.number($0) } ?? "—") }
                                // Outside the municipality no count of fewer than 5 people, nor a share that tells one.
                                let masked = SmallCount.indicator(i.number, numerator: i.numerator, denominator: i.denominator, masked: ctx.countsOnly)
                                El("td", [("class", "num")]) { Tx(masked?.shareShown == false && i.value != nil ? "скрыто" : i.value.map { Format.number($0) } ?? "нет данных") }
                                El("td", [("class", "num")]) { Tx("\(masked?.part ?? Format.number(i.numerator)) из \(masked?.whole ?? Format.number(i.denominator))") }
                                El("td") {
                                    IndicatorsView.achievedMark(i.achieved)
                                    if let m = i.manual { El("div", [("class", "manual")]) { Tx("вручную: \(Format.number(m))") } }
                                }
                            }
                        }
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
                    El("table", [("class", "data")]) {
                        El("caption") { Tx("На \(r.today.russian)") }
                        El("thead") { El("tr") { for h in ["Мероприятие", "План", "Срок", "Ответственные"] { El("th", [("scope", "col")]) { Tx(h) } } } }
                        El("tbody") {
                            for m in r.overdue {
                                El("tr") {
                                    El("td") { Tx("\(m.directionCode) \(m.name)") }
                                    El("td") { Tx(m.schoolName ?? "Муниципальный план") }
                                    El("td", [("class", "nowrap")]) { Tx(m.deadline?.russian ?? "") }
                                    El("td") { Tx(m.responsible ?? "—") }
                                }
                            }
                        }
                    }
                }
            }
            El("section", [("class", "report-part")]) {
                El("h2") { Tx("6. Категории школ" + (r.categoriesYear.map { " (мониторинг \($0) года, методика версии \(r.methodologyVersion))" } ?? "")) }
                if r.categories.isEmpty { El("p") { Tx("Результатов мониторинга нет.") } } else {
                    El("table", [("class", "data")]) {
                        El("caption") { Tx("Школы муниципалитета") }
                        El("thead") { El("tr") { for h in ["Школа", "Категория", "Сводный результат", "Критериев НСУ", "В программе"] { El("th", [("scope", "col")]) { Tx(h) } } } }
                        El("tbody") {
                            for c in r.categories {
                                El("tr") {
                                    El("td") { Tx(c.school) }
                                    El("td") { CategoryBadge.render(c.category) }
                                    El("td", [("class", "num")]) { Tx(Format.points(c.composite)) }
                                    El("td", [("class", "num")]) { Tx(String(c.criteriaMet)) }
                                    El("td") { Tx(c.participating ? "да" : "нет") }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func countsTable(_ rows: [ReportData.MeasureCounts], _ first: String) -> Component {
        El("table", [("class", "data")]) {
            El("caption") { Tx("Мероприятия: всего и по состояниям") }
            El("thead") { El("tr") { for h in [first, "Всего", "Выполнено", "Выполняется", "Запланировано", "Отменено", "Просрочено"] { El("th", [("scope", "col")]) { Tx(h) } } } }
            El("tbody") {
                for c in rows {
                    El("tr") {
                        El("th", [("scope", "row")]) { Tx(c.title) }
                        for v in [c.total, c.done, c.inProgress, c.planned, c.cancelled, c.overdue] { El("td", [("class", "num")]) { Tx(String(v)) } }
                    }
                }
            }
        }
    }
}
