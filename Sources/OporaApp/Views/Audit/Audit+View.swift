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
                DataTable("Записи журнала, новые сверху", headers: ["Когда", "Кто", "Что", "Было → стало"], items: entries) { e in
                    let before = Audit.decode(e.beforeJSON)
                    let after = Audit.decode(e.afterJSON)
                    let fields = Set(before.keys).union(after.keys).sorted().filter { before[$0] != after[$0] }
                    Cell.text(e.at.map(MeasureShowView.dateTime) ?? "")
                    Cell.text(e.userName)
                    Cell.of {
                        if e.entityType == "measure", let id = e.entityID {
                            link(e.summary, SiteURL.measure(.value(id)).path)
                        } else { Tx(e.summary) }
                    }
                    Cell.of {
                        El("ul") {
                            for f in fields {
                                El("li") { Tx("\(f): «\(before[f].map { $0.isEmpty ? "—" : $0 } ?? "—")» → «\(after[f].map { $0.isEmpty ? "—" : $0 } ?? "—")»") }
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
