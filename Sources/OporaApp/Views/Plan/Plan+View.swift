import OporaDomain
import Plot
import Vapor

/// Приложение 1: each section's directions against the programme's years, with the yearly tasks.
enum PlanView {
    static func render(_ ctx: PageContext, _ plan: ProgrammePlan) -> Response {
        Layout.page("План работы", ctx) {
            El("h1") { Tx("Муниципальный план работы (Приложение 1)") }
            if ctx.editsProgramme { El("p") { link("Изменить разделы, направления, задачи и мероприятия", SiteURL.programmeEdit.path + "#plan") } }
            El("p", [("class", "lead")]) {
                Tx("Целевые направления и задачи на календарный год. Задача, общая для нескольких лет, показана в каждом из них.")
            }
            for section in plan.sections {
                El("section", [("aria-labelledby", "s\(section.number)")]) {
                    El("h2", [("id", "s\(section.number)")]) { Tx("Раздел \(section.number). \(section.title)") }
                    DataTable("Раздел \(section.number): направления и задачи по годам",
                              headers: ["Целевое направление"] + plan.years.map(String.init), items: section.directions, classes: "plan") { d in
                        Cell.head {
                            Tx("\(d.code) \(d.title)")
                            VoidEl("br", [])
                            link("Мероприятия", SiteURL.measures.with([("q", d.code + " " + d.title)]), [("class", "small")])
                        }
                        for y in plan.years {
                            Cell.of {
                                let tasks = d.tasks.filter { $0.years.contains(y) }
                                if tasks.isEmpty { El("span", [("class", "muted")]) { Tx("—") } }
                                else { El("ul") { for t in tasks { El("li") { Tx(t.text) } } } }
                            }
                        }
                    }
                    El("p", [("class", "expected")]) {
                        El("strong") { Tx("Прогнозируемый результат: ") }
                        Tx(section.expectedResult)
                    }
                }
            }
        }
    }
}
