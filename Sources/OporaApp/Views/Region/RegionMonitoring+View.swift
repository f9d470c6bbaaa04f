import Foundation
import OporaDomain
import Plot
import Vapor

/// «Школы региона»: every school of the region with its municipality and category, filtered by
/// municipality and category, a hundred at a time; the scatter of all of them with one municipality
/// highlighted.
enum RegionMonitoringView {
    struct Model: Sendable {
        var schools: RegionSchools
        var municipalities: [(id: UUID, name: String)]
        var municipality: UUID?
        var category: SchoolCategory?
        /// 0-based.
        var page: Int
    }

    static let pageSize = MonitoringView.pageSize

    static func render(_ ctx: PageContext, _ m: Model) -> Response {
        Layout.page("Школы региона", ctx) { content(m, countsOnly: ctx.countsOnly) }
    }

    /// `countsOnly`: no intervals, which are figures of the rows' counts.
    static func content(_ m: Model, countsOnly: Bool = false) -> Component {
        let all = m.schools.schools
        let inMunicipality = m.schools.listed(municipality: m.municipality, category: nil)
        let listed = m.schools.listed(municipality: m.municipality, category: m.category)
        let pages = max(1, (listed.count + pageSize - 1) / pageSize)
        let page = min(max(m.page, 0), pages - 1)
        let shown = Array(listed.dropFirst(page * pageSize).prefix(pageSize))
        return ComponentGroup {
            El("h1") { Tx("Школы региона" + (m.schools.year.map { ": \($0) год" } ?? "")) }
            if let year = m.schools.year {
                filters(m, year: year)
                El("p", [("class", "muted")]) {
                    Tx("Категории — как на страницах каждого муниципалитета; \(RegionOverview.reference(scopes: m.schools.scopes)).")
                }
                if !m.schools.withoutResults.isEmpty {
                    El("p") { Tx("Нет результатов за \(year) год: \(m.schools.withoutResults.joined(separator: ", ")).") }
                }
                summary(inMunicipality, m, year: year)
                scatter(all, m, year: year)
                El("section", [("aria-labelledby", "h-table")]) {
                    El("h2", [("id", "h-table")]) { Tx("Школы и категории") }
                    pager(m, year: year, shown: shown.count, of: listed.count, page: page, pages: pages)
                    DataTable("Школы региона за \(year) год; подробности — на странице школы",
                              headers: ["Школа", "Муниципалитет", "Категория", "Сводный результат", "Критериев НСУ", "Социальный индекс"],
                              items: shown) { s in
                        Cell.head {
                            if let f = s.school { link(f.shortName, SiteURL.school(.value(f.id)).with([("year", String(year))])) } else { Tx(s.name) }
                        }
                        Cell.text(s.municipality)
                        Cell.of { CategoryBadge.render(s.assessment.category) }
                        Cell.composite(s.assessment.composite, countsOnly ? nil : s.assessment.compositeInterval)
                        Cell.number("\(s.assessment.criteriaMet) из \(s.assessment.criteria.count)")
                        Cell.number(s.assessment.socialIndex.map { Format.number($0, digits: 2) } ?? "—")
                    }
                }
            } else {
                El("p") { Tx("Результатов оценочных процедур в муниципалитетах региона пока нет.") }
            }
        }
    }

    static func query(_ m: Model, year: Int, category: SchoolCategory?, page: Int? = nil) -> [(String, String)] {
        [("year", String(year)), ("municipality", m.municipality?.uuidString ?? ""), ("category", category?.rawValue ?? "")]
            + (page.map { [("page", String($0 + 1))] } ?? [])
    }

    static func filters(_ m: Model, year: Int) -> Component {
        El("form", [("method", "get"), ("action", SiteURL.regionMonitoring.path), ("class", "inline-form")]) {
            Forms.select("Год", name: "year", options: m.schools.years.reversed().map { (String($0), String($0)) }, selected: String(year))
            Forms.select("Муниципалитет", name: "municipality", options: [("", "Все муниципалитеты")] + m.municipalities.map { ($0.id.uuidString, $0.name) },
                         selected: m.municipality?.uuidString ?? "")
            Forms.select("Категория", name: "category", options: [("", "Все категории")] + SchoolCategory.allCases.map { ($0.rawValue, $0.russian) },
                         selected: m.category?.rawValue ?? "")
            El("button", [("type", "submit")]) { Tx("Показать") }
        }
    }

    static func summary(_ schools: [RegionSchools.Item], _ m: Model, year: Int) -> Component {
        El("ul", [("class", "summary")]) {
            for c in SchoolCategory.allCases {
                let n = schools.filter { $0.assessment.category == c }.count
                if n > 0 {
                    El("li") {
                        CategoryBadge.render(c)
                        Tx(" ")
                        link(RussianNoun.school.counted(n), SiteURL.regionMonitoring.with(query(m, year: year, category: c)) + "#h-table")
                    }
                }
            }
        }
    }

    static func scatter(_ all: [RegionSchools.Item], _ m: Model, year: Int) -> Component {
        let points = all.compactMap { s -> ScatterChart.Point? in
            guard let c = s.assessment.composite else { return nil }
            return ScatterChart.Point(label: "\(s.name) (\(s.municipality))", x: s.assessment.socialIndex ?? 0, y: c, category: s.assessment.category,
                                      dim: m.municipality.map { $0 != s.municipalityID } ?? false)
        }
        let highlighted = m.municipality.flatMap { id in m.municipalities.first { $0.id == id }?.name }
        return El("section", [("aria-labelledby", "h-scatter")]) {
            El("h2", [("id", "h-scatter")]) { Tx("Школы: социальный индекс и сводный результат") }
            El("p", [("class", "muted")]) {
                Tx("Каждая точка — школа; где точек много, облако темнее. " + (highlighted.map { "Цветом выделены школы муниципалитета «\($0)», серым — остальные школы региона." }
                    ?? "Выберите муниципалитет выше, чтобы выделить его школы."))
            }
            ScatterChart.svg(points, title: "Диаграмма рассеяния: \(RussianNoun.school.counted(points.count)) региона за \(year) год", numbered: false)
            MonitoringView.legend()
        }
    }

    static func pager(_ m: Model, year: Int, shown: Int, of total: Int, page: Int, pages: Int) -> Component {
        El("p", [("class", "pager")]) {
            Tx(total == 0 ? "Школ нет. " : "Школы \(page * pageSize + 1)–\(page * pageSize + shown) из \(total). ")
            if page > 0 { link("← Предыдущие \(pageSize)", SiteURL.regionMonitoring.with(query(m, year: year, category: m.category, page: page - 1)) + "#h-table"); Tx(" ") }
            if page + 1 < pages { link("Следующие →", SiteURL.regionMonitoring.with(query(m, year: year, category: m.category, page: page + 1)) + "#h-table") }
        }
    }
}
