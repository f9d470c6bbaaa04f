import Foundation
import OporaDomain
import Plot
import Vapor

/// The admin's list of risk factors: titles and the plan directions that address each.
enum RiskFactorsView {
    static func render(_ ctx: PageContext, factors: [RiskFactor], failed: FailedForm?) -> Response {
        let errors = failed?.errors
        func v(_ key: String, _ fallback: String) -> String { failed?.values[key] ?? fallback }
        let response = Layout.page("Факторы риска", ctx) {
            El("p", [("class", "crumbs")]) { link("← Управленческий цикл", SiteURL.cycle.path) }
            El("h1") { Tx("Список факторов риска") }
            El("p", [("class", "muted")]) { Tx("По умолчанию — 10 факторов проекта «500+». Для своих факторов Опора не подсказывает уровень: его ставит методист. Пустое название убирает фактор из списка; оценки прежних лет сохраняются.") }
            El("form", [("method", "post"), ("action", SiteURL.riskFactors.path), ("class", "edit"), ("id", "form-factors")]) {
                if let errors { Forms.errorSummary(errors) }
                Forms.csrf(ctx)
                for (i, f) in factors.enumerated() {
                    El("fieldset") {
                        El("legend") { Tx("Фактор \(i + 1)") }
                        VoidEl("input", [("type", "hidden"), ("name", "key_\(i)"), ("value", f.key)])
                        Forms.field("Название", name: "title_\(i)", value: v("title_\(i)", f.title), error: errors?["title_\(i)"])
                        Forms.field("Направления плана (коды через запятую)", name: "directions_\(i)", value: v("directions_\(i)", f.directions.joined(separator: ", ")),
                                    error: errors?["directions_\(i)"])
                    }
                }
                El("fieldset") {
                    El("legend") { Tx("Новый фактор") }
                    Forms.field("Название", name: "new_title", value: v("new_title", ""), error: errors?["new_title"])
                    Forms.field("Направления плана (коды через запятую)", name: "new_directions", value: v("new_directions", ""), error: errors?["new_directions"])
                }
                El("button", [("type", "submit")]) { Tx("Сохранить список") }
            }
        }
        if errors != nil { response.status = .unprocessableEntity }
        return response
    }
}
