import OporaDomain
import Plot
import Vapor

enum SchoolPlansView {
    static func show(_ ctx: PageContext, school: School, plan: ProgrammePlan, rows: [MeasureRow]) -> Response {
        Layout.page("План школы", ctx) {
            El("p", [("class", "crumbs")]) { link("← Профиль школы", SiteURL.school(.value(school.id!)).path) }
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
                                        if let d = r.deadline { El("span", [("class", "muted")]) { Tx(" срок\u{00A0}\(d.russian)") } }
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
