import Foundation
import OporaDomain
import Plot
import Vapor

/// Events of the network: seminars, internships, olympiads, subject days, parent meetings.
enum EventsView {
    struct Row {
        var date: Day
        var kind: EventKind
        var title: String
        var school: String?
        var organiser: String
        var audience: String
        var participants: Int?
        var materials: String
        var isPublic: Bool
    }

    struct Model {
        var rows: [Row]
        var schools: [(value: String, title: String)]
        var partnerships: [(value: String, title: String)]
        var canEdit: Bool
    }

    static func render(_ ctx: PageContext, _ m: Model, failed: FailedForm?) -> Response {
        func v(_ key: String, _ fallback: String = "") -> String { failed?.values[key] ?? fallback }
        func e(_ key: String) -> String? { failed?.errors[key] }
        let response = Layout.page("События", ctx) {
            El("h1") { Tx("События сети: семинары, стажировки, олимпиады") }
            if m.rows.isEmpty { El("p") { Tx("Событий пока нет.") } } else {
                DataTable("События по датам", headers: ["Дата", "Вид", "Название", "Организатор", "Для кого", "Участников", "Материалы", "Публикуется"], items: m.rows) { r in
                    Cell.of([("class", "nowrap")]) { Tx(r.date.russian) }
                    Cell.text(r.kind.russian)
                    Cell.text(r.title + (r.school.map { " (\($0))" } ?? ""))
                    Cell.text(r.organiser)
                    Cell.text(r.audience)
                    Cell.number(r.participants.map { ctx.countsOnly ? SmallCount.masked($0) : String($0) } ?? "—")
                    Cell.text(r.materials.ifEmpty("—"))
                    Cell.text(r.isPublic ? "да" : "нет")
                }
            }
            if m.canEdit {
                El("form", [("method", "post"), ("action", SiteURL.events.path), ("class", "edit"), ("id", "form-event")]) {
                    El("h2") { Tx("Новое событие") }
                    if let failed { Forms.errorSummary(failed.errors) }
                    Forms.csrf(ctx)
                    Forms.select("Вид", name: "kind", options: EventKind.allCases.map { ($0.rawValue, $0.russian) }, selected: v("kind", EventKind.seminar.rawValue), error: e("kind"))
                    Forms.field("Название", name: "title", value: v("title"), error: e("title"), required: true)
                    Forms.date("Дата", name: "date", value: v("date"), error: e("date"), required: true)
                    Forms.select("Школа-площадка", name: "school", options: [("", "— муниципальное —")] + m.schools, selected: v("school"), error: e("school"))
                    Forms.select("Совместное событие партнёрства", name: "partnership", options: [("", "— нет —")] + m.partnerships, selected: v("partnership"), error: e("partnership"))
                    Forms.field("Организатор", name: "organiser", value: v("organiser"), error: e("organiser"), required: true)
                    Forms.field("Для кого", name: "audience", value: v("audience"), error: e("audience"), hint: "Например: учителя математики школ с НРО", required: true)
                    Forms.count("Участников", name: "participants", value: v("participants"), error: e("participants"))
                    Forms.field("Материалы (ссылка или описание)", name: "materials", value: v("materials"), error: e("materials"))
                    El("div", [("class", "field check")]) {
                        VoidEl("input", [("type", "checkbox"), ("id", "f-is_public"), ("name", "is_public"), ("value", "да"), ("checked", v("is_public").isEmpty ? nil : "")])
                        El("label", [("for", "f-is_public")]) { Tx("Публиковать на открытых страницах") }
                    }
                    El("button", [("type", "submit")]) { Tx("Сохранить") }
                }
            }
        }
        if failed != nil { response.status = .unprocessableEntity }
        return response
    }
}
