import Foundation
import OporaDomain
import Plot
import Vapor

/// Partnerships of schools with schools and social partners, and suggested partners for НРО schools.
enum PartnershipsView {
    struct Row {
        var id: UUID
        var hasFile: Bool
        var events: [String]
        var school: String
        var partner: String
        var kind: PartnerKind
        var agreement: String
        var subject: String
    }

    struct Model {
        var rows: [Row]
        var suggestions: [(school: String, partners: [PartnerSuggestion])]
        var monitoringYear: Int?
        var schools: [(value: String, title: String)]
        var canEdit: Bool
    }

    static func render(_ ctx: PageContext, _ m: Model, failed: FailedForm?) -> Response {
        func v(_ key: String, _ fallback: String = "") -> String { failed?.values[key] ?? fallback }
        func e(_ key: String) -> String? { failed?.errors[key] }
        let response = Layout.page("Партнёрства", ctx) {
            El("h1") { Tx("Сетевое взаимодействие и партнёрства") }
            if m.rows.isEmpty { El("p") { Tx("Партнёрств пока нет.") } } else {
                DataTable("Школы и их партнёры", headers: ["Школа", "Партнёр", "Вид", "Соглашение", "Предмет", "Совместные события"], items: m.rows) { r in
                    Cell.text(r.school)
                    Cell.text(r.partner)
                    Cell.text(r.kind.russian)
                    Cell.of {
                        Tx(r.agreement.ifEmpty("—"))
                        if r.hasFile { Tx(" "); link("(файл)", SiteURL.partnershipFile(.value(r.id)).path) }
                    }
                    Cell.text(r.subject)
                    Cell.text(r.events.joined(separator: "; ").ifEmpty("—"))
                }
            }
            if ctx.user?.access.readsWholeMunicipality == true { El("section", [("aria-labelledby", "h-suggest")]) {
                El("h2", [("id", "h-suggest")]) { Tx("Кого предложить в партнёры школам с НРО" + (m.monitoringYear.map { " (мониторинг \($0) года)" } ?? "")) }
                El("p", [("class", "muted")]) { Tx("Резильентные школы и школы со сводным результатом выше эталона при схожем социальном индексе (разница не больше \(Format.number(PartnerSuggestions.socialIndexTolerance, digits: 2))).") }
                if m.suggestions.isEmpty { El("p") { Tx("Школ с НРО в последнем году мониторинга нет.") } }
                for s in m.suggestions {
                    El("h3") { Tx(s.school) }
                    if s.partners.isEmpty { El("p") { Tx("Подходящих школ нет: нет школ с хорошими результатами при схожих условиях.") } } else {
                        El("ul") { for p in s.partners { El("li") { Tx("\(p.schoolName): \(p.reason)") } } }
                    }
                }
            } }
            if m.canEdit {
                El("form", [("method", "post"), ("action", SiteURL.partnerships.path), ("enctype", "multipart/form-data"), ("class", "edit"), ("id", "form-partnership")]) {
                    El("h2") { Tx("Новое партнёрство") }
                    if let failed { Forms.errorSummary(failed.errors) }
                    Forms.csrf(ctx)
                    Forms.select("Школа", name: "school", options: m.schools, selected: v("school"), error: e("school"))
                    Forms.select("Вид партнёра", name: "partner_kind", options: PartnerKind.allCases.map { ($0.rawValue, $0.russian) }, selected: v("partner_kind", PartnerKind.school.rawValue), error: e("partner_kind"))
                    Forms.select("Школа-партнёр (для вида «Школа»)", name: "partner_school", options: [("", "—")] + m.schools, selected: v("partner_school"), error: e("partner_school"))
                    Forms.field("Название партнёра (для других видов)", name: "partner_name", value: v("partner_name"), error: e("partner_name"))
                    Forms.field("Номер соглашения", name: "agreement_number", value: v("agreement_number"), error: e("agreement_number"))
                    Forms.date("Дата соглашения", name: "agreement_date", value: v("agreement_date"), error: e("agreement_date"))
                    Forms.field("Срок действия", name: "term", value: v("term"), error: e("term"), hint: "Например: до 31.08.2023")
                    Forms.textarea("Предмет соглашения", name: "subject", value: v("subject"), error: e("subject"))
                    Forms.field("Файл соглашения (PDF, DOC(X), JPG, PNG; до 20 МБ)", name: "file", value: "", type: "file", error: e("file"))
                    El("button", [("type", "submit")]) { Tx("Сохранить") }
                }
            }
        }
        if failed != nil { response.status = .unprocessableEntity }
        return response
    }
}
