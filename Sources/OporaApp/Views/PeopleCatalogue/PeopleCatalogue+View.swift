import Foundation
import OporaDomain
import Plot
import Vapor

/// The competence areas of the diagnostics with their thresholds (admin edits), and the catalogue
/// of courses the development plans draw on (admin and methodists add).
enum PeopleCatalogueView {
    struct Model {
        var areas: [CompetenceArea]
        var courses: [CourseFact]
        var canEditAreas: Bool
        var canEditCourses: Bool
    }

    typealias Failed = FailedForm

    static func render(_ ctx: PageContext, _ m: Model, failed: Failed?) -> Response {
        func v(_ form: String, _ key: String, _ fallback: String = "") -> String { failed?.form == form ? failed!.values[key] ?? fallback : fallback }
        func e(_ form: String, _ key: String) -> String? { failed?.form == form ? failed!.errors[key] : nil }
        let title = Dictionary(uniqueKeysWithValues: m.areas.map { ($0.key, $0.title) })
        let response = Layout.page("Компетенции и курсы", ctx) {
            El("p", [("class", "crumbs")]) { link("← Кадры и обучающиеся", SiteURL.people.path) }
            El("h1") { Tx("Компетенции и каталог курсов") }
            El("section", [("aria-labelledby", "h-areas")]) {
                El("h2", [("id", "h-areas")]) { Tx("Компетенции диагностики") }
                El("p", [("class", "muted")]) { Tx("Балл ниже порога в последней диагностике педагога — профессиональный дефицит.") }
                if m.canEditAreas {
                    El("form", [("method", "post"), ("action", SiteURL.peopleCatalogueSave("areas").path), ("class", "edit"), ("id", "form-areas")]) {
                        if failed?.form == "areas" { Forms.errorSummary(failed!.errors) }
                        Forms.csrf(ctx)
                        for (i, a) in m.areas.enumerated() {
                            El("fieldset") {
                                El("legend") { Tx("Компетенция \(i + 1)") }
                                VoidEl("input", [("type", "hidden"), ("name", "key_\(i)"), ("value", a.key)])
                                Forms.field("Название (пусто — убрать из списка)", name: "title_\(i)", value: v("areas", "title_\(i)", a.title), error: e("areas", "title_\(i)"))
                                Forms.field("Порог, %", name: "threshold_\(i)", value: v("areas", "threshold_\(i)", Format.number(a.threshold)), error: e("areas", "threshold_\(i)"), attributes: [("inputmode", "decimal")])
                            }
                        }
                        El("fieldset") {
                            El("legend") { Tx("Новая компетенция") }
                            Forms.field("Название", name: "new_title", value: v("areas", "new_title"), error: e("areas", "new_title"))
                            Forms.field("Порог, %", name: "new_threshold", value: v("areas", "new_threshold", Format.number(CompetenceAreas.defaultThreshold)), error: e("areas", "new_threshold"), attributes: [("inputmode", "decimal")])
                        }
                        El("button", [("type", "submit")]) { Tx("Сохранить список") }
                    }
                } else {
                    El("ul") { for a in m.areas { El("li") { Tx("\(a.title): порог \(Format.number(a.threshold)) %") } } }
                }
            }
            El("section", [("aria-labelledby", "h-courses")]) {
                El("h2", [("id", "h-courses")]) { Tx("Каталог курсов (\(m.courses.count))") }
                if !m.courses.isEmpty {
                    DataTable("Курсы, которые предлагает черновик ИОМ по дефицитам", headers: ["Курс", "Организация", "Часов", "Компетенции", "По качеству образования"],
                              items: m.courses) { c in
                        Cell.text(c.title)
                        Cell.text(c.provider ?? "—")
                        Cell.number(c.hours.map(String.init) ?? "—")
                        Cell.text(c.areas.map { title[$0] ?? $0 }.joined(separator: "; "))
                        Cell.text(c.concernsQuality ? "да" : "нет")
                    }
                }
                if m.canEditCourses {
                    El("form", [("method", "post"), ("action", SiteURL.peopleCatalogueSave("course").path), ("class", "edit"), ("id", "form-course")]) {
                        El("h3") { Tx("Добавить или изменить курс (по названию)") }
                        if failed?.form == "course" { Forms.errorSummary(failed!.errors) }
                        Forms.csrf(ctx)
                        Forms.field("Название курса", name: "title", value: v("course", "title"), error: e("course", "title"), required: true)
                        Forms.field("Организация", name: "provider", value: v("course", "provider"), error: e("course", "provider"))
                        Forms.count("Часов", name: "hours", value: v("course", "hours"), error: e("course", "hours"))
                        El("fieldset", [("class", e("course", "areas") == nil ? "field" : "field invalid")]) {
                            El("legend") { Tx("Какие компетенции развивает") }
                            for a in m.areas {
                                El("div", [("class", "field check")]) {
                                    VoidEl("input", [("type", "checkbox"), ("id", "f-area-\(a.key)"), ("name", "area_\(a.key)"), ("value", "да"),
                                                     ("checked", v("course", "area_\(a.key)").isEmpty ? nil : "")])
                                    El("label", [("for", "f-area-\(a.key)")]) { Tx(a.title) }
                                }
                            }
                            if let err = e("course", "areas") { El("p", [("class", "error")]) { Tx(err) } }
                        }
                        Forms.select("По вопросам качества образования (ФГОС)", name: "quality", options: [("да", "да"), ("нет", "нет")], selected: v("course", "quality", "да"))
                        El("button", [("type", "submit")]) { Tx("Сохранить курс") }
                    }
                }
            }
        }
        if failed != nil { response.status = .unprocessableEntity }
        return response
    }
}
