import Foundation
import OporaDomain
import Plot
import Vapor

/// The database of successful practices: search by any word form, direction, risk factor and
/// school; one practice with its files; the form to describe one.
enum PracticesView {
    struct Item {
        var id: UUID
        var title: String
        var school: String?
        var authors: String
        var directions: [String]
        var factors: [String]
        var level: EvidenceLevel
        var isPublic: Bool
    }

    struct Model {
        var filter: Practices.Filter
        var items: [Item]
        var directions: [(code: String, title: String)]
        var factors: [RiskFactor]
        var schools: [(value: String, title: String)]
        var toDescribe: [(school: School.Facts, reason: String)]
        var canCreate: Bool
    }

    static func index(_ ctx: PageContext, _ m: Model) -> Response {
        Layout.page("База успешных практик", ctx) {
            El("h1") { Tx("База успешных практик") }
            El("form", [("method", "get"), ("action", SiteURL.practices.path), ("class", "filters")]) {
                Forms.field("Слова", name: "q", value: m.filter.text, hint: "Ищутся все формы слова: «стажировка» найдёт «стажировки»")
                Forms.select("Направление плана", name: "direction", options: [("", "Любое")] + m.directions.map { ($0.code, "\($0.code) \($0.title)") }, selected: m.filter.direction)
                Forms.select("Фактор риска", name: "factor", options: [("", "Любой")] + m.factors.map { ($0.key, $0.title) }, selected: m.filter.factor)
                Forms.select("Школа", name: "school", options: [("", "Любая")] + m.schools, selected: m.filter.school?.uuidString ?? "")
                El("button", [("type", "submit")]) { Tx("Найти") }
            }
            if m.canCreate { El("p") { link("Описать практику", SiteURL.practiceNew.path) } }
            El("p") { Tx("Найдено: \(m.items.count).") }
            El("ul", [("class", "practices")]) {
                for p in m.items {
                    El("li") {
                        link(p.title, SiteURL.practice(.value(p.id)).path)
                        Tx(" — " + [p.school ?? "муниципальная", p.authors, "уровень доказанности: \(p.level.russian)", p.isPublic ? "опубликована" : "не публикуется"].joined(separator: "; "))
                    }
                }
            }
            if !m.toDescribe.isEmpty {
                El("section", [("aria-labelledby", "h-describe")]) {
                    El("h2", [("id", "h-describe")]) { Tx("Школам стоит описать свои практики") }
                    El("ul") { for s in m.toDescribe { El("li") { Tx("\(s.school.shortName): \(s.reason)") } } }
                }
            }
        }
    }

    struct Detail {
        var id: UUID?
        var values: [String: String]
        var directions: [String]
        var factors: [String]
        var files: [(id: UUID, name: String, size: Int)]
        var canEdit: Bool
    }

    static func form(_ ctx: PageContext, _ d: Detail, directions: [(code: String, title: String)], factors: [RiskFactor],
                     schools: [(value: String, title: String)], failed: RefusedForm<Detail>?) -> Response {
        let v = { (k: String) in d.values[k] ?? "" }
        // The form shows what the user typed when it was refused; the facts above it, what is stored.
        let typed = failed?.values ?? d
        let t = { (k: String) in typed.values[k] ?? "" }
        let errors = failed?.errors
        let title = d.id == nil ? "Новая практика" : v("title")
        let response = Layout.page(title, ctx) {
            El("p", [("class", "crumbs")]) { link("← База практик", SiteURL.practices.path) }
            El("h1") { Tx(title) }
            if d.id != nil {
                El("dl", [("class", "facts")]) {
                    for (k, t) in [("school_name", "Школа"), ("authors", "Авторы"), ("description", "Описание"), ("results", "Результаты"), ("evidence", "Подтверждение результатов")] {
                        El("dt") { Tx(t) }
                        El("dd") { Tx(v(k).isEmpty ? "—" : v(k)) }
                    }
                    El("dt") { Tx("Уровень доказанности") }
                    El("dd") { Tx(EvidenceLevel(rawValue: v("evidence_level")).map { "\($0.russian): \($0.explanation)" } ?? "—") }
                    El("dt") { Tx("Направления плана") }
                    El("dd") { Tx(directions.filter { d.directions.contains($0.code) }.map { "\($0.code) \($0.title)" }.joined(separator: "; ").ifEmpty("—")) }
                    El("dt") { Tx("Факторы риска") }
                    El("dd") { Tx(factors.filter { d.factors.contains($0.key) }.map(\.title).joined(separator: "; ").ifEmpty("—")) }
                    El("dt") { Tx("Файлы") }
                    El("dd") {
                        if d.files.isEmpty { Tx("нет") }
                        for f in d.files { El("p") { link("\(f.name) (\(Format.number(Double(f.size) / 1024, digits: 0)) КБ)", SiteURL.practiceFile(.value(f.id)).path) } }
                    }
                }
            }
            if d.canEdit {
                El("form", [("method", "post"), ("action", d.id.map { SiteURL.practice(.value($0)).path } ?? SiteURL.practiceNew.path),
                            ("enctype", "multipart/form-data"), ("class", "edit"), ("id", "form-practice")]) {
                    El("h2") { Tx(d.id == nil ? "Описание практики" : "Изменить описание") }
                    if let errors { Forms.errorSummary(errors) }
                    Forms.csrf(ctx)
                    Forms.field("Название", name: "title", value: t("title"), error: errors?["title"], required: true)
                    if ctx.user?.access.readsWholeMunicipality == true {
                        Forms.select("Школа", name: "school", options: [("", "— муниципальная практика —")] + schools, selected: t("school"), error: errors?["school"])
                    }
                    Forms.field("Авторы", name: "authors", value: t("authors"), error: errors?["authors"], required: true)
                    Forms.textarea("Описание: что делается, кем, для кого", name: "description", value: t("description"), error: errors?["description"])
                    Forms.textarea("Результаты", name: "results", value: t("results"), error: errors?["results"])
                    Forms.textarea("Чем подтверждены результаты", name: "evidence", value: t("evidence"), error: errors?["evidence"])
                    Forms.select("Уровень доказанности", name: "evidence_level", options: EvidenceLevel.allCases.map { ($0.rawValue, "\($0.russian) — \($0.explanation)") },
                                 selected: t("evidence_level").ifEmpty(EvidenceLevel.promising.rawValue), error: errors?["evidence_level"])
                    El("fieldset", [("class", errors?["directions"] == nil ? "field" : "field invalid")]) {
                        El("legend") { Tx("Направления плана, которые практика поддерживает") }
                        for dir in directions {
                            El("div", [("class", "field check")]) {
                                VoidEl("input", [("type", "checkbox"), ("id", "dir-\(dir.code)"), ("name", "directions[]"), ("value", dir.code), ("checked", typed.directions.contains(dir.code) ? "" : nil)])
                                El("label", [("for", "dir-\(dir.code)")]) { Tx("\(dir.code) \(dir.title)") }
                            }
                        }
                        if let err = errors?["directions"] { El("p", [("class", "error")]) { Tx(err) } }
                    }
                    El("fieldset", [("class", "field")]) {
                        El("legend") { Tx("Факторы риска, на которые она отвечает") }
                        for f in factors {
                            El("div", [("class", "field check")]) {
                                VoidEl("input", [("type", "checkbox"), ("id", "fac-\(f.key)"), ("name", "factors[]"), ("value", f.key), ("checked", typed.factors.contains(f.key) ? "" : nil)])
                                El("label", [("for", "fac-\(f.key)")]) { Tx(f.title) }
                            }
                        }
                    }
                    Forms.field("Файл (PDF, DOC(X), XLS(X), ODT, ODS, JPG, PNG; до 20 МБ)", name: "file", value: "", type: "file", error: errors?["file"])
                    El("div", [("class", "field check")]) {
                        VoidEl("input", [("type", "checkbox"), ("id", "f-is_public"), ("name", "is_public"), ("value", "да"), ("checked", t("is_public").isEmpty ? nil : "")])
                        El("label", [("for", "f-is_public")]) { Tx("Публиковать на открытых страницах (без персональных данных обучающихся)") }
                    }
                    El("button", [("type", "submit")]) { Tx("Сохранить") }
                }
            }
        }
        if errors != nil { response.status = .unprocessableEntity }
        return response
    }
}

extension String {
    func ifEmpty(_ fallback: String) -> String { isEmpty ? fallback : self }
}
