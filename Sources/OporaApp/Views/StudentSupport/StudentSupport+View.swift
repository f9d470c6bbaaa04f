import Foundation
import OporaDomain
import Plot
import Vapor

/// Support of a school's students in a year: difficulties and motivation by grade, families at
/// risk, extracurricular work, and individual support plans known by participant code only.
enum StudentSupportView {
    struct Model {
        var school: School.Facts
        var year: Int
        var years: [Int]
        var grades: [StudentSupportFact]
        var families: Int?
        var plans: [SupportPlanInput]
        var canEdit: Bool
    }

    typealias Failed = FailedForm

    static func render(_ ctx: PageContext, _ m: Model, failed: Failed?) -> Response {
        let s = m.school
        func v(_ form: String, _ key: String, _ fallback: String = "") -> String { failed?.form == form ? failed!.values[key] ?? fallback : fallback }
        func e(_ form: String, _ key: String) -> String? { failed?.form == form ? failed!.errors[key] : nil }
        let n = { (x: Int?) in x.map(String.init) ?? "—" }
        let motivation = MotivationDistribution.sum(m.grades)
        let response = Layout.page("Поддержка обучающихся: \(s.shortName)", ctx) {
            El("p", [("class", "crumbs")]) { link("← Профиль школы", SiteURL.school(.value(s.id)).path) }
            El("h1") { Tx("Поддержка обучающихся: \(s.shortName)") }
            if let failed { Forms.refusedNotice("form-\(failed.form)") }
            El("p", [("class", "muted")]) { Tx("Обучающиеся не называются по именам: только числа по классам и коды участников в планах сопровождения.") }
            El("form", [("method", "get"), ("action", SiteURL.schoolSupport(.value(s.id)).path), ("class", "inline-form")]) {
                Forms.select("Год", name: "year", options: m.years.map { (String($0), String($0)) }, selected: String(m.year))
                El("button", [("type", "submit")]) { Tx("Показать") }
            }
            El("p") { link("Скачать таблицы (XLSX)", SiteURL.schoolSupportXLSX(.value(s.id)).with([("year", String(m.year))])) }

            El("section", [("aria-labelledby", "h-grades")]) {
                El("h2", [("id", "h-grades")]) { Tx("По классам, \(m.year)") }
                if m.grades.isEmpty { El("p") { Tx("Сведений за \(m.year) год нет.") } } else {
                    DataTable("Трудности в освоении программ, учебная мотивация и внеурочная деятельность",
                              headers: ["Класс", "С трудностями", "Мотивация: низкая", "средняя", "высокая", "Во внеурочной деятельности"], items: m.grades) { g in
                        Cell.head("\(g.grade)")
                        for x in [g.difficulties, g.motivationLow, g.motivationMedium, g.motivationHigh, g.extracurricular] { Cell.number(n(x)) }
                    }
                    if let shares = motivation.shares {
                        El("p") {
                            Tx("Учебная мотивация по школе: низкая — \(Format.percent(shares.low)), средняя — \(Format.percent(shares.medium)), "
                               + "высокая — \(Format.percent(shares.high)) (продиагностировано \(RussianNoun.student.counted(motivation.total))).")
                        }
                    }
                }
                if m.canEdit {
                    El("form", [("method", "post"), ("action", SiteURL.schoolSupportSave(.value(s.id), "grade").path), ("class", "edit"), ("id", "form-grade")]) {
                        El("h3") { Tx("Внести или изменить сведения класса за \(m.year) год") }
                        if failed?.form == "grade" { Forms.errorSummary(failed!.errors) }
                        Forms.csrf(ctx)
                        VoidEl("input", [("type", "hidden"), ("name", "year"), ("value", String(m.year))])
                        Forms.count("Класс (1–11)", name: "grade", value: v("grade", "grade"), error: e("grade", "grade"), required: true, range: 1...11)
                        Forms.count("Испытывают трудности в освоении программ", name: "difficulties", value: v("grade", "difficulties"), error: e("grade", "difficulties"))
                        Forms.count("Мотивация низкая", name: "motivation_low", value: v("grade", "motivation_low"), error: e("grade", "motivation_low"))
                        Forms.count("Мотивация средняя", name: "motivation_medium", value: v("grade", "motivation_medium"), error: e("grade", "motivation_medium"))
                        Forms.count("Мотивация высокая", name: "motivation_high", value: v("grade", "motivation_high"), error: e("grade", "motivation_high"))
                        Forms.count("Во внеурочной деятельности, направленной на результаты обучения", name: "extracurricular", value: v("grade", "extracurricular"), error: e("grade", "extracurricular"))
                        El("button", [("type", "submit")]) { Tx("Сохранить") }
                    }
                }
            }

            El("section", [("aria-labelledby", "h-families")]) {
                El("h2", [("id", "h-families")]) { Tx("Семьи «зоны риска», \(m.year)") }
                El("p") { Tx(m.families.map { "Семей: \($0)." } ?? "Сведений нет.") }
                if m.canEdit {
                    El("form", [("method", "post"), ("action", SiteURL.schoolSupportSave(.value(s.id), "families").path), ("class", "inline-form"), ("id", "form-families")]) {
                        if failed?.form == "families" { Forms.errorSummary(failed!.errors) }
                        Forms.csrf(ctx)
                        VoidEl("input", [("type", "hidden"), ("name", "year"), ("value", String(m.year))])
                        Forms.count("Число семей", name: "families", value: v("families", "families", m.families.map(String.init) ?? ""), error: e("families", "families"))
                        El("button", [("type", "submit")]) { Tx("Сохранить") }
                    }
                }
            }

            El("section", [("aria-labelledby", "h-plans")]) {
                El("h2", [("id", "h-plans")]) { Tx("Индивидуальные планы сопровождения (\(m.plans.count))") }
                if !m.plans.isEmpty {
                    DataTable("Планы по кодам участников", headers: ["Код участника", "Класс", "Цель", "Меры", "Специалист", "Пересмотр", "Итог"], items: m.plans) { p in
                        Cell.head(p.participantCode)
                        Cell.text(n(p.grade))
                        Cell.text(p.goal)
                        Cell.text(p.measures)
                        Cell.text(p.specialistRole)
                        Cell.text(p.reviewDates.map(\.russian).joined(separator: ", "))
                        Cell.text(p.outcome ?? "—")
                    }
                }
                if m.canEdit {
                    El("form", [("method", "post"), ("action", SiteURL.schoolSupportSave(.value(s.id), "plan").path), ("class", "edit"), ("id", "form-plan")]) {
                        El("h3") { Tx("Новый план или изменение плана (по коду участника)") }
                        if failed?.form == "plan" { Forms.errorSummary(failed!.errors) }
                        Forms.csrf(ctx)
                        Forms.field("Код участника", name: "participant_code", value: v("plan", "participant_code"), error: e("plan", "participant_code"),
                                    hint: "Например 7А-015. Имя, дату рождения и адрес не вносите.", required: true)
                        Forms.count("Класс", name: "grade", value: v("plan", "grade"), error: e("plan", "grade"), range: 1...11, id: "f-plan-grade")
                        Forms.textarea("Цель", name: "goal", value: v("plan", "goal"), error: e("plan", "goal"))
                        Forms.textarea("Меры", name: "measures", value: v("plan", "measures"), error: e("plan", "measures"))
                        Forms.select("Специалист", name: "specialist_role", options: SupportPlanRules.specialistRoles.map { ($0, $0) },
                                     selected: v("plan", "specialist_role", SupportPlanRules.specialistRoles[0]), error: e("plan", "specialist_role"))
                        Forms.field("Даты пересмотра", name: "review_dates", value: v("plan", "review_dates"), error: e("plan", "review_dates"), hint: "Через запятую, каждая вида ДД.ММ.ГГГГ", required: true)
                        Forms.textarea("Итог (когда есть)", name: "outcome", value: v("plan", "outcome"), error: e("plan", "outcome"))
                        El("button", [("type", "submit")]) { Tx("Сохранить план") }
                    }
                }
            }
        }
        if failed != nil { response.status = .unprocessableEntity }
        return response
    }
}
