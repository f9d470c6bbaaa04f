import OporaDomain
import Plot
import Vapor

enum SchoolPlansView {
    static func index(_ ctx: PageContext, _ items: [SchoolPlans.Item]) -> Response {
        Layout.page("Планы школ", ctx) {
            El("h1") { Tx("Планы участвующих школ") }
            El("p", [("class", "lead")]) {
                Tx("У каждой школы, участвующей в программе, свой план под теми же целевыми направлениями. Школа отмечает выполнение своих мероприятий и прикладывает подтверждения.")
            }
            if items.isEmpty {
                El("p") { Tx("Участвующих школ пока нет.") }
            } else {
                El("table", [("class", "data")]) {
                    El("caption") { Tx("Участвующие школы") }
                    El("thead") { El("tr") {
                        for h in ["Школа", "Мероприятий", "Выполнено", "Просрочено"] { El("th", [("scope", "col")]) { Tx(h) } }
                    } }
                    El("tbody") {
                        for i in items {
                            El("tr") {
                                El("th", [("scope", "row")]) {
                                    if ctx.user?.role != .school || ctx.user?.schoolID == i.id {
                                        link(i.name, SiteURL.schoolPlan(.value(i.id)).path)
                                    } else { Tx(i.name) }
                                }
                                El("td", [("class", "num")]) { Tx(String(i.measures)) }
                                El("td", [("class", "num")]) { Tx(String(i.done)) }
                                El("td", [("class", "num")]) { Tx(String(i.overdue)) }
                            }
                        }
                    }
                }
            }
        }
    }

    static func show(_ ctx: PageContext, school: School, plan: ProgrammePlan, rows: [MeasureRow]) -> Response {
        Layout.page("План школы", ctx) {
            El("p", [("class", "crumbs")]) { link("← Планы школ", SiteURL.schoolPlans.path) }
            El("h1") { Tx("План школы: \(school.name)") }
            El("p") {
                link("Найти мероприятие в таблице", SiteURL.measures.with([("school", school.id!.uuidString)]))
            }
            for section in plan.sections {
                El("section") {
                    El("h2") { Tx("Раздел \(section.number). \(section.title)") }
                    for d in section.directions {
                        let own = rows.filter { $0.directionCode == d.code }
                        El("h3") { Tx("\(d.code) \(d.title)") }
                        if own.isEmpty {
                            El("p", [("class", "muted")]) { Tx("Мероприятий нет.") }
                        } else {
                            El("ul", [("class", "plan-measures")]) {
                                for r in own {
                                    El("li") {
                                        link(r.name, SiteURL.measure(.value(r.id)).path)
                                        Tx(" ")
                                        Badges.status(r.status, overdue: r.overdue)
                                        if let d = r.deadline { El("span", [("class", "muted")]) { Tx(" срок \(d.russian)") } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
