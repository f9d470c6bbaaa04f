import Foundation
import OporaDomain
import Plot
import Vapor

/// The region's report as a page that prints on A4: the municipalities side by side, their
/// indicators, and the schools on the lists; the same tables as its workbook.
enum RegionReportView {
    struct Model: Sendable {
        var overview: RegionOverview
        var schools: RegionSchools
        var today: Day
        /// Observers: people-counting indicators as masked counts (`SmallCount.indicator`).
        var countsOnly: Bool

        /// The schools a report names: those with a category of the programme (НРО, НСУ, resilient).
        var listed: [RegionSchools.Item] {
            schools.schools.filter { ![.none, .insufficientData].contains($0.assessment.category) }
                .sorted { ($0.municipality, $0.name) < ($1.municipality, $1.name) }
        }
    }

    static func render(_ ctx: PageContext, _ m: Model) -> Response {
        let o = m.overview
        return Layout.page("Отчёт региона", ctx) {
            El("form", [("method", "get"), ("action", SiteURL.regionReport.path), ("class", "inline-form no-print")]) {
                Forms.select("Год категорий", name: "year", options: o.years.reversed().map { (String($0), String($0)) }, selected: o.year.map(String.init) ?? "")
                El("button", [("type", "submit")]) { Tx("Показать") }
                link("Скачать XLSX", SiteURL.regionReportXLSX.with([("year", o.year.map(String.init) ?? "")]), [("class", "button secondary")])
            }
            El("h1") { Tx("Поддержка школ с низкими результатами и в неблагоприятных условиях: \(o.regionName)") }
            El("p", [("class", "lead")]) {
                Tx("Отчёт составлен \(m.today.russian). Муниципалитетов: \(o.rows.count). Категории школ — за \(o.year.map { "\($0) год" } ?? "—"), по методике каждого муниципалитета; \(o.reference).")
            }
            El("section", [("class", "report-part")]) {
                El("h2") { Tx("1. Муниципалитеты") }
                DataTable("Программы, мероприятия и категории школ", headers: ["Муниципалитет", "Программа", "Выполнено", "Просрочено", "Школ (участвуют)"]
                          + SchoolCategory.allCases.map(\.russian), items: o.rows, scrolls: false) { r in
                    Cell.head(r.name)
                    Cell.text(r.programme.map { "\($0.name), \($0.years.lowerBound)–\($0.years.upperBound)" } ?? "нет действующей программы")
                    Cell.number(r.programme.map { "\($0.done) из \($0.measures)" } ?? "—")
                    Cell.number(r.programme.map { String($0.overdue) } ?? "—")
                    Cell.number("\(r.schools) (\(r.programme.map { String($0.participating) } ?? "—"))")
                    for c in SchoolCategory.allCases { Cell.number(r.categories.map { String($0[c] ?? 0) } ?? "—") }
                }
            }
            El("section", [("class", "report-part")]) {
                El("h2") { Tx("2. Индикаторы программ") }
                DataTable("Значение, цель и итог каждого индикатора, %", headers: ["Муниципалитет", "Индикатор", "Год", "Из чего", "Значение", "Цель", "Итог"],
                          items: indicatorLines(o), scrolls: false) { line in
                    let (r, i) = line
                    let masked = SmallCount.indicator(i.number, numerator: i.numerator, denominator: i.denominator, masked: m.countsOnly)
                    Cell.head(r.name)
                    Cell.text("\(i.number). \(i.title)")
                    Cell.number(String(i.year))
                    Cell.number("\(masked?.part ?? Format.number(i.numerator)) из \(masked?.whole ?? Format.number(i.denominator))")
                    Cell.number(masked?.shareShown == false && i.value != nil ? "скрыто" : i.value.map { Format.number($0) } ?? "нет данных")
                    Cell.number(i.target.map { Format.number($0) } ?? "—")
                    Cell.of { IndicatorsView.achievedMark(masked?.shareShown == false ? nil : i.achieved) }
                }
            }
            El("section", [("class", "report-part")]) {
                El("h2") { Tx("3. Школы с низкими результатами и в неблагоприятных условиях") }
                if m.listed.isEmpty { El("p") { Tx("Таких школ нет.") } }
                else {
                    DataTable("Школы по муниципалитетам", headers: ["Муниципалитет", "Школа", "Категория", "Сводный результат", "Критериев НСУ"],
                              items: m.listed, scrolls: false) { s in
                        Cell.text(s.municipality)
                        Cell.head(s.name)
                        Cell.of { CategoryBadge.render(s.assessment.category) }
                        Cell.composite(s.assessment.composite, m.countsOnly ? nil : s.assessment.compositeInterval)
                        Cell.number("\(s.assessment.criteriaMet) из \(s.assessment.criteria.count)")
                    }
                }
            }
        }
    }

    static func indicatorLines(_ o: RegionOverview) -> [(RegionOverview.Row, RegionOverview.IndicatorFigure)] {
        o.rows.flatMap { r in (r.programme?.indicators ?? []).map { (r, $0) } }
    }
}
