import Foundation
import OporaDomain
import Plot
import Vapor

/// Municipal consultation points (tutors, topics, schedule) and the log of consultations given.
enum ConsultationsView {
    struct Point {
        var id: UUID
        var name: String
        var tutors: String
        var topics: [String]
        var schedule: String
    }

    struct Entry {
        var date: Day
        var point: String
        var school: String
        var teacher: String?
        var topic: String
    }

    struct Model {
        var points: [Point]
        var log: [Entry]
        var areas: [CompetenceArea]
        var schools: [(value: String, title: String)]
        var teachers: [(value: String, title: String)]
        var canManage: Bool
        var showTeachers: Bool
        var today: Day
    }

    typealias Failed = FailedForm

    static func render(_ ctx: PageContext, _ m: Model, failed: Failed?, areasChosen: [String] = []) -> Response {
        func v(_ form: String, _ key: String, _ fallback: String = "") -> String { failed?.form == form ? failed!.values[key] ?? fallback : fallback }
        func e(_ form: String, _ key: String) -> String? { failed?.form == form ? failed!.errors[key] : nil }
        let response = Layout.page("Консультационные пункты", ctx) {
            El("p", [("class", "crumbs")]) { link("← Кадры и обучающиеся", SiteURL.people.path) }
            El("h1") { Tx("Муниципальные консультационные пункты") }
            if let failed { Forms.refusedNotice("form-\(failed.form)") }
            El("section", [("aria-labelledby", "h-points")]) {
                El("h2", [("id", "h-points")]) { Tx("Пункты, тьюторы и график") }
                if m.points.isEmpty { El("p") { Tx("Пунктов пока нет.") } } else {
                    DataTable("Консультационные пункты муниципалитета", headers: ["Пункт", "Тьюторы, консультанты", "Темы", "График"], items: m.points) { p in
                        Cell.head(p.name)
                        Cell.text(p.tutors)
                        Cell.text(p.topics.joined(separator: "; "))
                        Cell.text(p.schedule)
                    }
                }
                if m.canManage {
                    El("form", [("method", "post"), ("action", SiteURL.consultationsSave("point").path), ("class", "edit"), ("id", "form-point")]) {
                        El("h3") { Tx("Новый пункт") }
                        if failed?.form == "point" { Forms.errorSummary(failed!.errors) }
                        Forms.csrf(ctx)
                        Forms.field("Название", name: "name", value: v("point", "name"), error: e("point", "name"), required: true)
                        Forms.field("Тьюторы, консультанты", name: "tutors", value: v("point", "tutors"), error: e("point", "tutors"), required: true)
                        Forms.field("График", name: "schedule", value: v("point", "schedule"), error: e("point", "schedule"), hint: "Например: вторник, 15:00–17:00, МКУ «ЦРО»", required: true)
                        El("fieldset", [("class", e("point", "areas") == nil ? "field" : "field invalid")]) {
                            El("legend") { Tx("Темы (компетенции)") }
                            for a in m.areas {
                                El("div", [("class", "field check")]) {
                                    VoidEl("input", [("type", "checkbox"), ("id", "f-area-\(a.key)"), ("name", "area_\(a.key)"), ("value", "да"),
                                                     ("checked", areasChosen.contains(a.key) ? "" : nil)])
                                    El("label", [("for", "f-area-\(a.key)")]) { Tx(a.title) }
                                }
                            }
                            if let err = e("point", "areas") { El("p", [("class", "error")]) { Tx(err) } }
                        }
                        El("button", [("type", "submit")]) { Tx("Создать пункт") }
                    }
                }
            }
            El("section", [("aria-labelledby", "h-log")]) {
                El("h2", [("id", "h-log")]) { Tx("Журнал консультаций (\(m.log.count))") }
                if !m.log.isEmpty {
                    DataTable("Консультации: дата, пункт, школа, тема", headers: ["Дата", "Пункт", "Школа"] + (m.showTeachers ? ["Педагог"] : []) + ["Тема"],
                              items: m.log) { x in
                        Cell.of([("class", "nowrap")]) { Tx(x.date.russian) }
                        Cell.text(x.point)
                        Cell.text(x.school)
                        if m.showTeachers { Cell.text(x.teacher ?? "—") }
                        Cell.text(x.topic)
                    }
                }
                if m.canManage && !m.points.isEmpty {
                    El("form", [("method", "post"), ("action", SiteURL.consultationsSave("consultation").path), ("class", "edit"), ("id", "form-consultation")]) {
                        El("h3") { Tx("Записать консультацию") }
                        if failed?.form == "consultation" { Forms.errorSummary(failed!.errors) }
                        Forms.csrf(ctx)
                        Forms.select("Пункт", name: "point", options: m.points.map { ($0.id.uuidString, $0.name) }, selected: v("consultation", "point"), error: e("consultation", "point"))
                        Forms.field("Дата", name: "date", value: v("consultation", "date", m.today.russian), error: e("consultation", "date"), required: true)
                        Forms.select("Школа", name: "school", options: m.schools, selected: v("consultation", "school"), error: e("consultation", "school"))
                        Forms.select("Педагог", name: "teacher", options: [("", "— не указан —")] + m.teachers, selected: v("consultation", "teacher"), error: e("consultation", "teacher"))
                        Forms.field("Тема", name: "topic", value: v("consultation", "topic"), error: e("consultation", "topic"), required: true)
                        El("button", [("type", "submit")]) { Tx("Записать") }
                    }
                }
            }
        }
        if failed != nil { response.status = .unprocessableEntity }
        return response
    }
}
