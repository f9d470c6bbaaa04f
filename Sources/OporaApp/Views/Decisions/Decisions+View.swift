import Foundation
import OporaDomain
import Plot
import Vapor

/// Management decisions: date, body, decision, basis, the school or measure it concerns.
enum DecisionsView {
    struct Row {
        var date: Day
        var body: String
        var decision: String
        var basis: String
        var school: String?
        var measure: (id: UUID, name: String)?
    }

    struct Model {
        var rows: [Row]
        var schools: [(value: String, title: String)]
        var measures: [(value: String, title: String)]
        var canEdit: Bool
        var today: Day
    }

    static func render(_ ctx: PageContext, _ m: Model, failed: FailedForm?) -> Response {
        func v(_ key: String, _ fallback: String = "") -> String { failed?.values[key] ?? fallback }
        func e(_ key: String) -> String? { failed?.errors[key] }
        let response = Layout.page("Управленческие решения", ctx) {
            El("p", [("class", "crumbs")]) { link("← Управленческий цикл", SiteURL.cycle.path) }
            El("h1") { Tx("Управленческие решения") }
            if m.rows.isEmpty { El("p") { Tx("Решений пока нет.") } } else {
                DataTable("Решения по программе: кто, что и на каком основании", headers: ["Дата", "Кто принял", "Решение", "Основание", "Касается"], items: m.rows) { r in
                    Cell.of([("class", "nowrap")]) { Tx(r.date.russian) }
                    Cell.text(r.body)
                    Cell.text(r.decision)
                    Cell.text(r.basis)
                    Cell.of {
                        if let s = r.school { Tx(s) }
                        if let x = r.measure { if r.school != nil { Tx("; ") }; link(x.name, SiteURL.measure(.value(x.id)).path) }
                        if r.school == nil && r.measure == nil { Tx("—") }
                    }
                }
            }
            if m.canEdit {
                El("form", [("method", "post"), ("action", SiteURL.decisions.path), ("class", "edit"), ("id", "form-decision")]) {
                    El("h2") { Tx("Записать решение") }
                    if let failed { Forms.errorSummary(failed.errors) }
                    Forms.csrf(ctx)
                    Forms.field("Дата", name: "date", value: v("date", m.today.russian), error: e("date"), required: true)
                    Forms.field("Кто принял (орган, документ)", name: "body", value: v("body"), error: e("body"), hint: "Например: приказ управления образования № 45", required: true)
                    Forms.textarea("Решение", name: "decision", value: v("decision"), error: e("decision"))
                    Forms.textarea("Основание", name: "basis", value: v("basis"), error: e("basis"))
                    Forms.select("Школа", name: "school", options: [("", "— не указана —")] + m.schools, selected: v("school"), error: e("school"))
                    Forms.select("Мероприятие", name: "measure", options: [("", "— не указано —")] + m.measures, selected: v("measure"), error: e("measure"))
                    El("button", [("type", "submit")]) { Tx("Сохранить решение") }
                }
            }
        }
        if failed != nil { response.status = .unprocessableEntity }
        return response
    }
}
