import Foundation
import OporaDomain
import Plot
import Vapor

/// The monitoring of one year: the scatter of schools, the table of categories, the parameters.
enum MonitoringView {
    struct Model {
        var year: Int
        var years: [Int]
        var result: IdentificationResult
        var version: Methodology.Version
        var schools: [String: School.Facts]
        var isDemo: Bool
    }

    static func render(_ ctx: PageContext, _ m: Model) -> Response {
        let assessments = m.result.schools
        return Layout.page("Мониторинг \(m.year)", ctx) {
            El("h1") { Tx("Мониторинг результатов: \(m.year) год") }
            yearPicker(m)
            if m.isDemo {
                El("p", [("class", "demo-inline")]) { Tx("Результаты и социальные сведения демонстрационных школ придуманы для показа.") }
            }
            El("p", [("class", "muted")]) {
                Tx("Методика: версия \(m.version.number)" + (m.version.comment.map { " — \($0)" } ?? "") + ". ")
                link("Параметры и версии", SiteURL.methodology.path)
            }
            summary(assessments)
            El("section", [("aria-labelledby", "h-scatter")]) {
                El("h2", [("id", "h-scatter")]) { Tx("Школы: социальный индекс и сводный результат") }
                El("p", [("class", "muted")]) {
                    Tx("Выше нуля — результаты лучше, чем в среднем по тем же процедурам; правее единицы — условия тяжелее порогов критериев. Цвет — категория.")
                }
                let points = assessments.compactMap { a -> ScatterChart.Point? in
                    guard let c = a.composite else { return nil }
                    return ScatterChart.Point(label: m.schools[a.schoolCode]?.shortName ?? a.schoolCode, x: a.socialIndex ?? 0, y: c, category: a.category)
                }
                ScatterChart.svg(points, title: "Диаграмма рассеяния: \(points.count) \(RussianNoun.school.form(for: points.count)) за \(m.year) год")
                El("ol", [("class", "point-names")]) {
                    for p in points {
                        El("li") { El("span", [("class", "swatch c-\(p.category.rawValue)"), ("aria-hidden", "true")]); Tx(" \(p.label): \(p.category.russian), \(Format.points(p.y))") }
                    }
                }
                legend()
            }
            El("section", [("aria-labelledby", "h-table")]) {
                El("h2", [("id", "h-table")]) { Tx("Школы и категории") }
                El("div", [("class", "scroll")]) {
                    El("table", [("class", "data")]) {
                        El("caption") { Tx("Категории школ на \(m.year) год; подробности — на странице школы") }
                        El("thead") { El("tr") {
                            for h in ["Школа", "Категория", "Сводный результат", "Годы с низкими результатами", "Критериев НСУ", "Социальный индекс", "Признаки необъективности"] {
                                El("th", [("scope", "col")]) { Tx(h) }
                            }
                        } }
                        El("tbody") {
                            for a in assessments {
                                El("tr") {
                                    El("th", [("scope", "row")]) {
                                        if let s = m.schools[a.schoolCode] {
                                            link(s.shortName, SiteURL.school(.value(s.id)).with([("year", String(m.year))]))
                                        } else { Tx(a.schoolCode) }
                                    }
                                    El("td") { CategoryBadge.render(a.category) }
                                    El("td", [("class", "num")]) { Tx(Format.points(a.composite)) }
                                    El("td") { Tx(a.yearChecks.filter(\.isLowYear).map { String($0.year) }.joined(separator: ", ").nonEmpty ?? "нет") }
                                    El("td", [("class", "num")]) { Tx("\(a.criteriaMet) из \(a.criteria.count)") }
                                    El("td", [("class", "num")]) { Tx(a.socialIndex.map { Format.number($0, digits: 2) } ?? "—") }
                                    El("td") { Tx(a.biasFlags.isEmpty ? "нет" : a.biasFlags.map { $0.russian(parameters: m.version.parameters) }.joined(separator: "; ")) }
                                }
                            }
                        }
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

    static func summary(_ a: [SchoolAssessment]) -> Component {
        El("ul", [("class", "summary")]) {
            for c in SchoolCategory.allCases {
                let n = a.filter { $0.category == c }.count
                if n > 0 { El("li") { CategoryBadge.render(c); Tx(" \(RussianNoun.school.counted(n))") } }
            }
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
        El("table", [("class", "data params")]) {
            El("caption") { Tx("Параметры") }
            El("tbody") {
                for d in p.described {
                    El("tr") {
                        El("th", [("scope", "row")]) { Tx(d.label) }
                        El("td", [("class", "num")]) { Tx(d.value) }
                    }
                }
            }
        }
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
