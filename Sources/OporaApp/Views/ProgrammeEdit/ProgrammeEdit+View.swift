import Foundation
import OporaDomain
import Plot
import Vapor

/// The editor of the shown programme: passport and analysis, the plan's sections, directions, yearly
/// tasks and measures, and the target indicators. Every form sends one change; a refused one comes
/// back open, with what was typed and the reason next to the field.
enum ProgrammeEditView {
    static func render(_ ctx: PageContext, _ m: Model, failed: FailedForm?) -> Response {
        let page = Page(ctx: ctx, model: m, failed: failed)
        let response = Layout.page("Редактирование программы", ctx) {
            El("p", [("class", "crumbs")]) { link("← Программы", SiteURL.programmes.path) }
            El("h1") { Tx("Редактирование программы") }
            El("p", [("class", "lead")]) { Tx("«\(m.plan.name)», \(m.plan.years.first!)–\(m.plan.years.last!), \(m.status.russian.lowercased()).") }
            if !m.status.isOpen {
                El("p", [("class", "notice")]) { Tx("Программа закрыта: её паспорт, план и индикаторы больше не меняются. Её можно читать на страницах «Паспорт», «План» и «Мероприятия».") }
            } else {
                El("nav", [("class", "toc"), ("aria-label", "Части программы")]) {
                    link("Паспорт и анализ", "#passport"); Tx(" · "); link("План и мероприятия", "#plan"); Tx(" · "); link("Индикаторы", "#indicators")
                }
                if failed?.form == "top", let errors = failed?.errors { Forms.errorSummary(errors) }
                else if failed != nil { Forms.refusedNotice("form-\(failed!.form)") }
                page.passport()
                page.planPart()
                page.indicatorsPart()
            }
        }
        if failed != nil { response.status = .unprocessableEntity }
        return response
    }

    /// Which form a refused change came from, so the page opens that one with what was typed.
    static func formID(part: String, values: [String: String]) -> String {
        let id = values["id"].flatMap { $0.isEmpty ? nil : $0 }
        switch part {
        case "passport": return "passport"
        case "section", "direction", "indicator": return "\(part)-\(id ?? "new")"
        case "task": return id.map { "task-\($0)" } ?? "task-new-\(values["direction_id"] ?? "")"
        case "measure": return "measure-\(values["direction_id"] ?? "")"
        default: return "top"
        }
    }

    /// Where the page returns to after a change.
    static func anchor(part: String, values: [String: String]) -> String {
        if part == "passport" { return "passport" }
        if part.hasPrefix("indicator") { return "indicators" }
        if part.hasPrefix("direction"), let id = values["id"], !id.isEmpty { return "d-\(id)" }
        if let direction = values["direction_id"], !direction.isEmpty { return "d-\(direction)" }
        return "plan"
    }

    /// One rendering of the page: the model and the refused form, if any, at hand for every part.
    struct Page {
        var ctx: PageContext
        var model: Model
        var failed: FailedForm?

        var years: [Int] { model.plan.years }

        /// The value of a field: as typed when `form` was refused, else as stored.
        func value(_ form: String, _ key: String, _ stored: String) -> String {
            failed?.form == form ? failed?.values[key] ?? "" : stored
        }

        func error(_ form: String, _ key: String) -> String? { failed?.form == form ? failed?.errors[key] : nil }

        func isOpen(_ form: String) -> Bool { failed?.form == form }

        func form(_ id: String, part: String, @ComponentBuilder _ fields: @escaping () -> Component) -> Component {
            El("form", [("method", "post"), ("action", SiteURL.programmeEditSave(part).path), ("class", "edit"), ("id", "form-\(id)")]) {
                Forms.csrf(ctx)
                if isOpen(id), let errors = failed?.errors { Forms.errorSummary(errors) }
                fields()
            }
        }

        /// A one-button form: move or delete an item.
        func button(_ title: String, part: String, id: UUID, label: String) -> Component {
            El("form", [("method", "post"), ("action", SiteURL.programmeEditSave(part).path), ("class", "inline")]) {
                Forms.csrf(ctx)
                VoidEl("input", [("type", "hidden"), ("name", "id"), ("value", id.uuidString)])
                El("button", [("type", "submit"), ("class", "secondary small"), ("aria-label", label)]) { Tx(title) }
            }
        }

        func hidden(_ name: String, _ value: String) -> Component {
            VoidEl("input", [("type", "hidden"), ("name", name), ("value", value)])
        }

        func passport() -> Component {
            let stored = ProgrammeEditing.passportValues(model.plan)
            func v(_ key: String) -> String { value("passport", key, stored[key] ?? "") }
            return El("section", [("aria-labelledby", "passport")]) {
                El("h2", [("id", "passport")]) { Tx("Паспорт и анализ") }
                El("details", [("open", isOpen("passport") ? "" : nil)]) {
                    El("summary") { Tx("Изменить паспорт и анализ ситуации") }
                    form("passport", part: "passport") {
                        for (key, label) in ProgrammeEditing.passportFields {
                            Forms.textarea(label, name: key, value: v(key), error: error("passport", key), id: "p-\(key)")
                        }
                        for (key, label) in ProgrammeEditing.passportLists {
                            Forms.textarea(label + " (по одному на строке)", name: key, value: v(key), error: error("passport", key), id: "p-\(key)")
                        }
                        Forms.field("Заголовок анализа", name: "analysis_title", value: v("analysis_title"), error: error("passport", "analysis_title"), id: "p-analysis_title")
                        Forms.textarea("Анализ ситуации (абзацы через пустую строку)", name: "analysis", value: v("analysis"), error: error("passport", "analysis"), id: "p-analysis")
                        El("p", [("class", "muted")]) { Tx("Срок реализации — годы программы \(years.first!)–\(years.last!); он меняется только вместе с периодом.") }
                        El("button", [("type", "submit")]) { Tx("Сохранить паспорт") }
                    }
                }
            }
        }

        func planPart() -> Component {
            El("section", [("aria-labelledby", "plan")]) {
                El("h2", [("id", "plan")]) { Tx("План и мероприятия") }
                if model.plan.sections.isEmpty { El("p") { Tx("Разделов пока нет: начните с раздела, затем добавьте направления, задачи и мероприятия.") } }
                for (n, s) in model.plan.sections.enumerated() { section(s, first: n == 0, last: n == model.plan.sections.count - 1) }
                El("details", [("open", isOpen("section-new") ? "" : nil)]) {
                    El("summary") { Tx("Добавить раздел") }
                    sectionFields("section-new", nil)
                }
                if !model.plan.sections.isEmpty {
                    El("details", [("open", isOpen("direction-new") ? "" : nil)]) {
                        El("summary") { Tx("Добавить направление") }
                        directionFields("direction-new", nil, sectionID: model.plan.sections.last!.id)
                    }
                }
            }
        }

        func sectionFields(_ id: String, _ s: ProgrammePlan.SectionItem?) -> Component {
            form(id, part: "section") {
                if let s { hidden("id", s.id.uuidString) }
                Forms.field("Название раздела", name: "title", value: value(id, "title", s?.title ?? ""), error: error(id, "title"), required: true, id: "\(id)-title")
                Forms.textarea("Прогнозируемый результат", name: "expected_result", value: value(id, "expected_result", s?.expectedResult ?? ""),
                               error: error(id, "expected_result"), id: "\(id)-expected")
                El("button", [("type", "submit")]) { Tx(s == nil ? "Добавить раздел" : "Сохранить раздел") }
            }
        }

        func section(_ s: ProgrammePlan.SectionItem, first: Bool, last: Bool) -> Component {
            let formID = "section-\(s.id.uuidString)"
            return El("section", [("class", "edit-section"), ("id", "s-\(s.id.uuidString)")]) {
                El("h3") { Tx("Раздел \(s.number). \(s.title)") }
                El("details", [("open", isOpen(formID) ? "" : nil)]) {
                    El("summary") { Tx("Изменить раздел") }
                    sectionFields(formID, s)
                }
                El("p", [("class", "actions")]) {
                    if !first { button("Выше", part: "section-up", id: s.id, label: "Раздел \(s.number) выше") }
                    if !last { button("Ниже", part: "section-down", id: s.id, label: "Раздел \(s.number) ниже") }
                    if s.directions.isEmpty { button("Удалить раздел", part: "section-delete", id: s.id, label: "Удалить раздел \(s.number)") }
                }
                for (n, d) in s.directions.enumerated() { direction(d, sectionID: s.id, first: n == 0, last: n == s.directions.count - 1) }
            }
        }

        func directionFields(_ id: String, _ d: ProgrammePlan.DirectionItem?, sectionID: UUID) -> Component {
            form(id, part: "direction") {
                if let d { hidden("id", d.id.uuidString) }
                Forms.field("Название направления", name: "title", value: value(id, "title", d?.title ?? ""), error: error(id, "title"), required: true, id: "\(id)-title")
                Forms.select("Раздел", name: "section_id", options: model.plan.sections.map { ($0.id.uuidString, "\($0.number). \($0.title)") },
                             selected: value(id, "section_id", sectionID.uuidString), error: error(id, "section_id"), id: "\(id)-section")
                El("button", [("type", "submit")]) { Tx(d == nil ? "Добавить направление" : "Сохранить направление") }
            }
        }

        func direction(_ d: ProgrammePlan.DirectionItem, sectionID: UUID, first: Bool, last: Bool) -> Component {
            let formID = "direction-\(d.id.uuidString)"
            return El("div", [("class", "edit-direction"), ("id", "d-\(d.id.uuidString)")]) {
                El("h4") { Tx("\(d.code) \(d.title)") }
                El("details", [("open", isOpen(formID) ? "" : nil)]) {
                    El("summary") { Tx("Изменить направление") }
                    directionFields(formID, d, sectionID: sectionID)
                }
                El("p", [("class", "actions")]) {
                    if !first { button("Выше", part: "direction-up", id: d.id, label: "Направление \(d.code) выше") }
                    if !last { button("Ниже", part: "direction-down", id: d.id, label: "Направление \(d.code) ниже") }
                    if model.heldByDirection[d.id, default: 0] == 0 {
                        button("Удалить направление", part: "direction-delete", id: d.id, label: "Удалить направление \(d.code)")
                    }
                }
                tasks(d)
            }
        }
    }
}
