import Foundation
import OporaDomain
import Plot
import Vapor

/// The monitoring of one year: the scatter of schools, the table of categories, the parameters.
enum MonitoringView {
    static func render(_ ctx: PageContext, _ m: Model?, canImport: Bool) -> Response {
        guard let m else {
            return Layout.page("Мониторинг", ctx) { empty(canImport: canImport) }
        }
        return Layout.page("Мониторинг \(m.year)", ctx) { content(m, countsOnly: ctx.countsOnly) }
    }

    /// Before any results are loaded.
    static func empty(canImport: Bool) -> Component {
        ComponentGroup {
            El("h1") { Tx("Мониторинг результатов") }
            El("p") {
                Tx("Результатов оценочных процедур пока нет. ")
                if canImport { link("Загрузите файл с результатами.", SiteURL.imports.path) }
            }
        }
    }

    /// The page's HTML without the layout; needs no database and no request.
    /// `countsOnly`: no intervals, which are figures of the rows' counts.
    static func content(_ m: Model, countsOnly: Bool = false) -> Component {
        let assessments = m.result.schools
        return ComponentGroup {
            El("h1") { Tx("Мониторинг результатов: \(m.year) год") }
            yearPicker(m)
            if m.isDemo {
                El("p", [("class", "demo-inline")]) { Tx("Результаты и социальные сведения демонстрационных школ придуманы для показа.") }
            }
            El("p", [("class", "muted")]) {
                Tx("Методика: версия \(m.version.number)" + (m.version.comment.map { " — \($0)" } ?? "") + ". ")
                link("Параметры и версии", SiteURL.methodology.path)
            }
            summary(assessments, m)
            El("section", [("aria-labelledby", "h-scatter")]) {
                El("h2", [("id", "h-scatter")]) { Tx("Школы: социальный индекс и сводный результат") }
                El("p", [("class", "muted")]) {
                    Tx("Выше нуля — результаты лучше, чем в среднем по тем же процедурам; правее единицы — условия тяжелее порогов критериев. Цвет — категория."
                       + (countsOnly ? "" : " Вертикальная черта через точку — 90-процентный интервал сводного результата: где черта пересекает ноль, школа от эталона не отличается."))
                }
                let points = assessments.compactMap { a -> ScatterChart.Point? in
                    guard let c = a.composite else { return nil }
                    return ScatterChart.Point(label: m.schools[a.schoolCode]?.shortName ?? a.schoolCode, x: a.socialIndex ?? 0, y: c, category: a.category,
                                              interval: countsOnly ? nil : a.compositeInterval)
                }
                ScatterChart.svg(points, title: "Диаграмма рассеяния: \(points.count) \(RussianNoun.school.form(for: points.count)) за \(m.year) год",
                                 numbered: points.count <= pageSize)
                if points.count <= pageSize {
                    let shown = ScatterChart.numbersShown(points)
                    El("ol", [("class", "point-names")]) {
                        for (i, p) in points.enumerated() {
                            El("li") {
                                El("span", [("class", "swatch c-\(p.category.rawValue)"), ("aria-hidden", "true")])
                                Tx(" \(p.label): \(p.category.russian), ")
                                El("span", [("class", "nowrap")]) { Tx(Format.points(p.y)) }
                                if !shown.contains(i + 1) { Tx(" (рядом другие точки: номер на диаграмме не поместился)") }
                            }
                        }
                    }
                } else {
                    El("p", [("class", "muted")]) { Tx("Каждая школа диаграммы со своей категорией и сводным результатом — в таблице ниже.") }
                }
                legend()
            }
            let listed = m.category.map { c in assessments.filter { $0.category == c } } ?? assessments
            let pages = max(1, (listed.count + pageSize - 1) / pageSize)
            let page = min(max(m.page, 0), pages - 1)
            let shown = listed.dropFirst(page * pageSize).prefix(pageSize)
            El("section", [("aria-labelledby", "h-table")]) {
                El("h2", [("id", "h-table")]) { Tx("Школы и категории" + (m.category.map { ": \($0.russian)" } ?? "")) }
                if m.category != nil || pages > 1 { pager(m, shown: shown.count, of: listed.count, page: page, pages: pages) }
                DataTable("Категории школ на \(m.year) год; " + (countsOnly ? "" : "под сводным результатом — его 90-процентный интервал; ") + "подробности — на странице школы",
                          headers: ["Школа", "Категория", "Сводный результат", "Годы с низкими результатами", "Критериев НСУ", "Социальный индекс", "Признаки необъективности"],
                          items: Array(shown)) { a in
                    Cell.head {
                        if let s = m.schools[a.schoolCode] {
                            link(s.shortName, SiteURL.school(.value(s.id)).with([("year", String(m.year))]))
                        } else { Tx(a.schoolCode) }
                    }
                    Cell.of { CategoryBadge.render(a.category) }
                    Cell.composite(a.composite, countsOnly ? nil : a.compositeInterval)
                    Cell.text(a.yearChecks.filter(\.isLowYear).map { String($0.year) }.joined(separator: ", ").nonEmpty ?? "нет")
                    Cell.number("\(a.criteriaMet) из \(a.criteria.count)")
                    Cell.number(a.socialIndex.map { Format.number($0, digits: 2) } ?? "—")
                    // The signs themselves are on the school's page: the table keeps to a line per school at 1280 px.
                    Cell.of {
                        if a.biasFlags.isEmpty { Tx("нет") } else if let s = m.schools[a.schoolCode] {
                            link("есть: \(a.biasFlags.count)", SiteURL.school(.value(s.id)).with([("year", String(m.year))]) + "#bias-\(m.year)")
                        } else { Tx("есть: \(a.biasFlags.count)") }
                    }
                }
            }
            El("section", [("aria-labelledby", "h-params")]) {
                El("h2", [("id", "h-params")]) { Tx("Параметры методики (версия \(m.version.number))") }
                ParametersTable.render(m.version.parameters)
            }
        }
    }

    static func yearPicker(_ m: Model) -> Component {
        El("form", [("method", "get"), ("action", SiteURL.monitoring.path), ("class", "inline-form")]) {
            Forms.select("Год", name: "year", options: m.years.reversed().map { (String($0), String($0)) }, selected: String(m.year))
            El("button", [("type", "submit")]) { Tx("Показать") }
        }
    }

    /// The count of each category; each links to the table of that category only.
    static func summary(_ a: [SchoolAssessment], _ m: Model) -> Component {
        El("ul", [("class", "summary")]) {
            for c in SchoolCategory.allCases {
                let n = a.filter { $0.category == c }.count
                if n > 0 {
                    El("li") {
                        CategoryBadge.render(c)
                        Tx(" ")
                        link(RussianNoun.school.counted(n), SiteURL.monitoring.with([("year", String(m.year)), ("category", c.rawValue)]) + "#h-table")
                    }
                }
            }
        }
    }

    /// «Школы 101–200 из 800», the way to the other pages and back to every category.
    static func pager(_ m: Model, shown: Int, of total: Int, page: Int, pages: Int) -> Component {
        func href(_ p: Int) -> String {
            SiteURL.monitoring.with([("year", String(m.year))] + (m.category.map { [("category", $0.rawValue)] } ?? []) + [("page", String(p + 1))]) + "#h-table"
        }
        return El("p", [("class", "pager")]) {
            Tx(total == 0 ? "Школ нет. " : "Школы \(page * pageSize + 1)–\(page * pageSize + shown) из \(total). ")
            if page > 0 { link("← Предыдущие \(pageSize)", href(page - 1)); Tx(" ") }
            if page + 1 < pages { link("Следующие →", href(page + 1)); Tx(" ") }
            if m.category != nil { link("Все категории", SiteURL.monitoring.with([("year", String(m.year))]) + "#h-table") }
        }
    }

    static func legend() -> Component {
        El("ul", [("class", "legend")]) {
            for c in SchoolCategory.allCases where c != .insufficientData {
                El("li") { El("span", [("class", "swatch c-\(c.rawValue)"), ("aria-hidden", "true")]); Tx(" \(c.russian) — \(c.russianDescription)") }
            }
        }
    }
}

enum CategoryBadge {
    static func render(_ c: SchoolCategory) -> Component {
        El("span", [("class", "cat c-\(c.rawValue)")]) { Tx(c.russian) }
    }
}

enum ParametersTable {
    static func render(_ p: MethodologyParameters) -> Component {
        DataTable("Параметры", headers: [], items: p.described, classes: "params") { d in
            Cell.head(d.label)
            Cell.number(d.value)
        }
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
