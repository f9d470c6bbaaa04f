import OporaDomain
import Plot
import Vapor

enum PassportView {
    static func render(_ ctx: PageContext, _ plan: ProgrammePlan) -> Response {
        let p = plan.passport
        return Layout.page("Паспорт программы", ctx) {
            El("h1") { Tx("Паспорт программы") }
            if ctx.editsProgramme { El("p") { link("Изменить паспорт, анализ и индикаторы", SiteURL.programmeEdit.path) } }
            El("dl", [("class", "passport")]) {
                item("Наименование программы") { El("p") { Tx(p.name) } }
                item("Основания разработки") { list(p.basis) }
                item("Понятия и термины") { list(p.terms) }
                item("Основные разработчики") { El("p") { Tx(p.developers) } }
                item("Основные исполнители") { El("p") { Tx(p.executors) } }
                item("Цель программы") { El("p") { Tx(p.goal) } }
                item("Задачи программы") { numbered(p.tasks) }
                item("Основные показатели (индикаторы)") {
                    El("p") { Tx(p.indicatorsIntro) }
                    list(p.indicators)
                }
                item("Срок реализации программы") { El("p") { Tx(p.term) } }
                item("Механизм реализации") { El("p") { Tx(p.mechanism) } }
                item("Ожидаемые результаты реализации") { numbered(p.expectedResults) }
                item("Контроль реализации программы") { El("p") { Tx(p.control) } }
            }
            El("h2") { Tx("Целевые индикаторы по годам") }
            DataTable("Результативность муниципальной программы",
                      headers: ["Целевой индикатор", "Исходное значение (\(plan.indicators.first?.baselineYear ?? plan.years.first! - 1))"] + plan.years.map(String.init),
                      items: plan.indicators) { i in
                Cell.head("\(i.number). \(i.title)")
                Cell.number(i.baseline.map(number) ?? "—")
                for y in plan.years { Cell.number(i.targets[y].map(number) ?? "—") }
            }
            El("h2") { Tx(plan.analysis.title) }
            for paragraph in plan.analysis.paragraphs { El("p") { Tx(paragraph) } }
        }
    }

    static func number(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(v).replacingOccurrences(of: ".", with: ",")
    }

    static func item(_ term: String, @ComponentBuilder _ content: @escaping () -> Component) -> Component {
        ComponentGroup {
            El("dt") { Tx(term) }
            El("dd") { content() }
        }
    }

    static func list(_ items: [String]) -> Component {
        El("ul") { for i in items { El("li") { Tx(i) } } }
    }

    static func numbered(_ items: [String]) -> Component {
        El("ol") { for i in items { El("li") { Tx(i) } } }
    }
}
