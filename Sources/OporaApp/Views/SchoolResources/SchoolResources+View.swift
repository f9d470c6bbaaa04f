import Foundation
import OporaDomain
import Plot
import Vapor

/// A school's resource inventory of a year: each item available or missing, a note, published or
/// not. The equal-access items are the checklist of indicator 1.
enum SchoolResourcesView {
    struct Item {
        var title: String
        var available: Bool?
        var note: String
        var isPublic: Bool
        var feedsIndicator: Bool
    }

    struct Model {
        var school: School.Facts
        var year: Int
        var years: [Int]
        var items: [Item]
        var canEdit: Bool
    }

    static func render(_ ctx: PageContext, _ m: Model, failed: FailedForm?) -> Response {
        let errors = failed?.errors
        let s = m.school
        let response = Layout.page("Ресурсы: \(s.shortName)", ctx) {
            El("p", [("class", "crumbs")]) { link("← Профиль школы", SiteURL.school(.value(s.id)).path) }
            El("h1") { Tx("Ресурсы школы: \(s.shortName), \(m.year)") }
            El("form", [("method", "get"), ("action", SiteURL.schoolResources(.value(s.id)).path), ("class", "inline-form")]) {
                Forms.select("Год", name: "year", options: m.years.map { (String($0), String($0)) }, selected: String(m.year))
                El("button", [("type", "submit")]) { Tx("Показать") }
            }
            El("p", [("class", "muted")]) { Tx("Пункты со знаком «*» — перечень условий равного доступа: они входят в индикатор 1. Отмеченные «публиковать» видны на открытой странице программы.") }
            let missing = m.items.filter { $0.available == false }
            El("p") { Tx(missing.isEmpty ? "Недостающих ресурсов не отмечено." : "Не хватает: " + missing.map(\.title).joined(separator: "; ") + ".") }
            El("form", [("method", "post"), ("action", SiteURL.schoolResources(.value(s.id)).path), ("id", "form-resources")]) {
                if let errors { Forms.errorSummary(errors) }
                Forms.csrf(ctx)
                VoidEl("input", [("type", "hidden"), ("name", "year"), ("value", String(m.year))])
                DataTable("Ресурсы и условия, \(m.year)", headers: ["Ресурс", "Есть ли", "Примечание", "Публиковать"], items: Array(m.items.enumerated())) { (i, item) in
                    Cell.head { El("label", [("for", "av-\(i)")]) { Tx(item.title + (item.feedsIndicator ? " *" : "")) } }
                    Cell.of {
                        let state = failed?.values["state_\(i)"] ?? item.available.map { $0 ? "есть" : "нет" } ?? ""
                        El("select", [("id", "av-\(i)"), ("name", "state_\(i)"), ("disabled", m.canEdit ? nil : "")]) {
                            for (value, title) in [("", "не указано"), ("есть", "есть"), ("нет", "нет")] {
                                El("option", [("value", value), ("selected", value == state ? "" : nil)]) { Tx(title) }
                            }
                        }
                    }
                    Cell.of {
                        VoidEl("input", [("type", "text"), ("name", "note_\(i)"), ("value", failed?.values["note_\(i)"] ?? item.note), ("aria-label", "Примечание: \(item.title)"),
                                         ("disabled", m.canEdit ? nil : "")])
                        if let err = errors?["note_\(i)"] { El("p", [("class", "error")]) { Tx(err) } }
                    }
                    Cell.of {
                        VoidEl("input", [("type", "checkbox"), ("name", "public_\(i)"), ("value", "да"), ("aria-label", "Публиковать: \(item.title)"),
                                         ("checked", (failed.map { $0.values["public_\(i)"] != nil } ?? item.isPublic) ? "" : nil), ("disabled", m.canEdit ? nil : "")])
                    }
                }
                if m.canEdit { El("button", [("type", "submit")]) { Tx("Сохранить") } }
            }
        }
        if errors != nil { response.status = .unprocessableEntity }
        return response
    }
}
