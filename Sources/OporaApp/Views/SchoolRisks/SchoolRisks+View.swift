import Foundation
import OporaDomain
import Plot
import Vapor

/// A school's risk profile of a year (the factors of project 500+, each with Opora's suggestion
/// and the rows behind it, and the methodist's level), and its targeted recommendations.
enum SchoolRisksView {
    struct RecommendationRow {
        var id: UUID
        var year: Int
        var factor: String?
        var text: String
        var status: RecommendationStatus
        var createdBy: String
        var createdOn: Day
        var measures: [(id: UUID, name: String, status: MeasureStatus)]
    }

    struct Model {
        var profile: RiskProfile
        var years: [Int]
        var directions: [String: String]
        var recommendations: [RecommendationRow]
        var measureOptions: [(value: String, title: String)]
        var canAssess: Bool
    }

    typealias Failed = FailedForm

    static func levelBadge(_ level: RiskLevel?) -> Component {
        El("span", [("class", "badge risk-\(level?.rawValue ?? "unknown")")]) { Tx(level?.russian ?? "нет данных") }
    }

    static func render(_ ctx: PageContext, _ m: Model, failed: Failed?) -> Response {
        let s = m.profile.school
        func v(_ form: String, _ key: String, _ fallback: String = "") -> String { failed?.form == form ? failed!.values[key] ?? fallback : fallback }
        func e(_ form: String, _ key: String) -> String? { failed?.form == form ? failed!.errors[key] : nil }
        let titles = Dictionary(uniqueKeysWithValues: m.profile.factors.map { ($0.factor.key, $0.factor.title) })
        let response = Layout.page("Профиль рисков: \(s.shortName)", ctx) {
            El("p", [("class", "crumbs")]) { link("← Профиль школы", SiteURL.school(.value(s.id)).path) }
            El("h1") { Tx("Профиль рисков: \(s.shortName), \(m.profile.year)") }
            if let failed { Forms.refusedNotice(failed.form.hasPrefix("risk-") ? "factor-" + failed.form.dropFirst(5) : "form-\(failed.form)") }
            El("form", [("method", "get"), ("action", SiteURL.schoolRisks(.value(s.id)).path), ("class", "inline-form")]) {
                Forms.select("Год", name: "year", options: m.years.map { (String($0), String($0)) }, selected: String(m.profile.year))
                El("button", [("type", "submit")]) { Tx("Показать") }
            }
            El("p", [("class", "muted")]) {
                Tx("Факторы риска проекта «500+». Опора предлагает уровень по данным, которые она хранит (раскройте «Из каких строк»); методист подтверждает его или ставит другой с комментарием.")
                if ctx.user?.access.canAdminister == true { Tx(" "); link("Изменить список факторов", SiteURL.riskFactors.path) }
            }
            DataTable("Факторы риска, \(m.profile.year)", headers: ["Фактор риска", "Подсказка Опоры и почему", "Уровень методиста", "Направления плана"],
                      items: m.profile.factors, rowAttributes: { f in [("id", "factor-\(f.factor.key)")] }) { f in
                let form = "risk-\(f.factor.key)"
                Cell.head(f.factor.title)
                Cell.of {
                    levelBadge(f.suggestion.level)
                    El("p") { Tx(f.suggestion.reason) }
                    if !f.suggestion.rows.isEmpty {
                        El("details") {
                            El("summary") { Tx("Из каких строк (\(f.suggestion.rows.count))") }
                            El("ul") { for r in f.suggestion.rows { El("li") { Tx(r) } } }
                        }
                    }
                }
                Cell.of {
                    if let a = f.assessment {
                        levelBadge(a.level)
                        El("p", [("class", "muted")]) { Tx("\(a.by), \(a.on.russian)" + (a.comment.isEmpty ? "" : ": \(a.comment)")) }
                    } else { El("p", [("class", "muted")]) { Tx("не подтверждён") } }
                    if m.canAssess {
                        El("form", [("method", "post"), ("action", SiteURL.schoolRisks(.value(s.id)).path), ("id", "form-\(form)")]) {
                            if failed?.form == form { Forms.errorSummary(failed!.errors) }
                            Forms.csrf(ctx)
                            VoidEl("input", [("type", "hidden"), ("name", "year"), ("value", String(m.profile.year))])
                            VoidEl("input", [("type", "hidden"), ("name", "factor"), ("value", f.factor.key)])
                            Forms.select("Уровень", name: "level", options: RiskLevel.allCases.map { ($0.rawValue, $0.russian) },
                                         selected: v(form, "level", (f.assessment?.level ?? f.suggestion.level ?? .none).rawValue),
                                         error: e(form, "level_\(f.factor.key)"), id: "level-\(f.factor.key)")
                            El("div", [("class", e(form, "comment_\(f.factor.key)") == nil ? "field" : "field invalid")]) {
                                El("label", [("for", "comment-\(f.factor.key)")]) { Tx("Комментарий") }
                                let err = e(form, "comment_\(f.factor.key)")
                                VoidEl("input", [("type", "text"), ("id", "comment-\(f.factor.key)"), ("name", "comment"), ("value", v(form, "comment", f.assessment?.comment ?? "")),
                                                 ("aria-invalid", err == nil ? nil : "true"), ("aria-describedby", err == nil ? nil : "comment-\(f.factor.key)-error")])
                                if let err { El("p", [("class", "error"), ("id", "comment-\(f.factor.key)-error")]) { Tx(err) } }
                            }
                            El("button", [("type", "submit")]) { Tx("Подтвердить") }
                        }
                    }
                }
                Cell.text(f.factor.directions.map { "\($0) \(m.directions[$0] ?? "")" }.joined(separator: "; "))
            }

            El("section", [("aria-labelledby", "h-recs")]) {
                El("h2", [("id", "h-recs")]) { Tx("Адресные рекомендации (\(m.recommendations.count))") }
                for r in m.recommendations {
                    El("article", [("class", "pair"), ("id", "rec-\(r.id.uuidString)")]) {
                        El("h3") { Tx("\(r.year): " + (r.factor.flatMap { titles[$0] } ?? "без фактора риска")) }
                        El("p") { Tx(r.text) }
                        El("p", [("class", "muted")]) { Tx("\(r.createdBy), \(r.createdOn.russian). Состояние: \(r.status.russian).") }
                        if r.measures.isEmpty { El("p") { Tx("Мероприятия не связаны.") } } else {
                            El("p") { Tx("Выполняется мероприятиями:") }
                            El("ul") {
                                for x in r.measures {
                                    El("li") { link(x.name, SiteURL.measure(.value(x.id)).path); Tx(" — \(x.status.russian.lowercased())") }
                                }
                            }
                        }
                        if m.canAssess {
                            El("form", [("method", "post"), ("action", SiteURL.recommendationStatus(.value(r.id)).path), ("class", "inline-form")]) {
                                Forms.csrf(ctx)
                                Forms.select("Состояние", name: "status", options: RecommendationStatus.allCases.map { ($0.rawValue, $0.russian) },
                                             selected: r.status.rawValue, id: "status-\(r.id.uuidString)")
                                El("button", [("type", "submit")]) { Tx("Изменить") }
                            }
                        }
                    }
                }
                if m.canAssess {
                    El("form", [("method", "post"), ("action", SiteURL.schoolRecommendations(.value(s.id)).path), ("class", "edit"), ("id", "form-recommendation")]) {
                        El("h3") { Tx("Новая рекомендация") }
                        if failed?.form == "recommendation" { Forms.errorSummary(failed!.errors) }
                        Forms.csrf(ctx)
                        VoidEl("input", [("type", "hidden"), ("name", "year"), ("value", String(m.profile.year))])
                        let risky = m.profile.factors.filter { ($0.level?.rank ?? 0) >= 2 }
                        Forms.select("Фактор риска", name: "factor", options: [("", "— без фактора —")] + (risky + m.profile.factors.filter { ($0.level?.rank ?? 0) < 2 }).map { ($0.factor.key, "\($0.factor.title) (\($0.level?.russian ?? "нет данных"))") },
                                     selected: v("recommendation", "factor", risky.first?.factor.key ?? ""), error: e("recommendation", "factor"))
                        Forms.textarea("Рекомендация", name: "text", value: v("recommendation", "text"), error: e("recommendation", "text"))
                        El("div", [("class", e("recommendation", "measures") == nil ? "field" : "field invalid")]) {
                            El("label", [("for", "f-measures")]) { Tx("Мероприятия, которые её выполняют (можно выбрать несколько)") }
                            El("select", [("id", "f-measures"), ("name", "measures[]"), ("multiple", ""), ("size", "8")]) {
                                let chosen = Set(v("recommendation", "measures").split(separator: ",").map(String.init))
                                for o in m.measureOptions { El("option", [("value", o.value), ("selected", chosen.contains(o.value) ? "" : nil)]) { Tx(o.title) } }
                            }
                            if let err = e("recommendation", "measures") { El("p", [("class", "error")]) { Tx(err) } }
                        }
                        El("button", [("type", "submit")]) { Tx("Сохранить рекомендацию") }
                    }
                }
            }
        }
        if failed != nil { response.status = .unprocessableEntity }
        return response
    }
}
