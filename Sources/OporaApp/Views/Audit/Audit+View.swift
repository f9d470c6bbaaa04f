import Foundation
import OporaDomain
import Plot
import Vapor

enum AuditView {
    static func render(_ ctx: PageContext, entries: [AuditEntry], page: Int, hasMore: Bool) -> Response {
        Layout.page("Журнал изменений", ctx) {
            El("h1") { Tx("Журнал изменений") }
            El("p", [("class", "lead")]) { Tx("Кто, когда и что изменил: значения до и после изменения.") }
            if entries.isEmpty {
                El("p") { Tx("Записей нет.") }
            } else {
                El("div", [("class", "scroll")]) {
                    El("table", [("class", "data")]) {
                        El("caption") { Tx("Записи журнала, новые сверху") }
                        El("thead") { El("tr") {
                            for h in ["Когда", "Кто", "Что", "Было → стало"] { El("th", [("scope", "col")]) { Tx(h) } }
                        } }
                        El("tbody") {
                            for e in entries {
                                let before = Audit.decode(e.beforeJSON)
                                let after = Audit.decode(e.afterJSON)
                                let fields = Set(before.keys).union(after.keys).sorted().filter { before[$0] != after[$0] }
                                El("tr") {
                                    El("td") { Tx(e.at.map(MeasureShowView.dateTime) ?? "") }
                                    El("td") { Tx(e.userName) }
                                    El("td") {
                                        if e.entityType == "measure", let id = e.entityID {
                                            link(e.summary, SiteURL.measure(.value(id)).path)
                                        } else { Tx(e.summary) }
                                    }
                                    El("td") {
                                        El("ul") {
                                            for f in fields {
                                                El("li") { Tx("\(f): «\(before[f].map { $0.isEmpty ? "—" : $0 } ?? "—")» → «\(after[f].map { $0.isEmpty ? "—" : $0 } ?? "—")»") }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                El("nav", [("class", "pages"), ("aria-label", "Страницы")]) {
                    if page > 1 { link("← Новее", SiteURL.audit.with([("page", String(page - 1))])) }
                    if hasMore { link("Старее →", SiteURL.audit.with([("page", String(page + 1))])) }
                }
            }
        }
    }
}
