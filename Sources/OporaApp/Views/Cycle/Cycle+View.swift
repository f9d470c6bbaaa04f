import Foundation
import OporaDomain
import Plot
import Vapor

/// The management cycle of a year: the nine steps, what Opora holds for each and where; a step
/// with nothing yet is marked as a gap.
enum CycleView {
    struct Step {
        var step: CycleStep
        var holds: [String]
        var link: (title: String, href: String)?
        var isGap: Bool { holds.isEmpty }
    }

    struct Model {
        var year: Int
        var years: [Int]
        var steps: [Step]
    }

    static func render(_ ctx: PageContext, _ m: Model) -> Response {
        Layout.page("Управленческий цикл", ctx) {
            El("h1") { Tx("Управленческий цикл, \(m.year)") }
            El("p", [("class", "lead")]) { Tx("Девять шагов механизма управления качеством: цели → показатели → сбор данных → мониторинг → анализ → адресные рекомендации → меры → управленческие решения → анализ эффективности мер. Для каждого шага — что есть в Опоре за год и где это посмотреть.") }
            El("form", [("method", "get"), ("action", SiteURL.cycle.path), ("class", "inline-form")]) {
                Forms.select("Год", name: "year", options: m.years.map { (String($0), String($0)) }, selected: String(m.year))
                El("button", [("type", "submit")]) { Tx("Показать") }
            }
            let gaps = m.steps.filter(\.isGap)
            El("p") { Tx(gaps.isEmpty ? "Все шаги цикла за \(m.year) год подтверждены данными." : "Пробелы: " + gaps.map { "\($0.step.number). \($0.step.russian)" }.joined(separator: ", ") + ".") }
            El("ol", [("class", "cycle")]) {
                for s in m.steps {
                    El("li", [("class", s.isGap ? "step gap" : "step"), ("id", "step-\(s.step.rawValue)")]) {
                        El("h2") { Tx("\(s.step.number). \(s.step.russian)" + (s.isGap ? " — пробел" : "")) }
                        if s.isGap { El("p") { Tx("За \(m.year) год в Опоре для этого шага ничего нет.") } } else {
                            El("ul") { for h in s.holds { El("li") { Tx(h) } } }
                        }
                        if let l = s.link { El("p") { link(l.title, l.href) } }
                    }
                }
            }
        }
    }
}
