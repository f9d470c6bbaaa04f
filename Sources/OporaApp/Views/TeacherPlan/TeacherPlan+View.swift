import Foundation
import OporaDomain
import Plot
import Vapor

/// A teacher's individual development plan (ИОМ): the deficits it answers, its steps, a draft from
/// the deficits, a step by hand, and completion with evidence.
enum TeacherPlanView {
    struct Model {
        var recordID: UUID
        var teacher: TeacherFact
        var school: School.Facts
        var areas: [CompetenceArea]
        var latest: Day?
        var deficits: [Deficit]
        var plan: PeopleData.Plan?
        var courses: [String: CourseFact]
        var canEdit: Bool
        var today: Day
    }

    typealias Failed = FailedForm

    static func render(_ ctx: PageContext, _ m: Model, failed: Failed?) -> Response {
        func v(_ form: String, _ key: String, _ fallback: String = "") -> String { failed?.form == form ? failed!.values[key] ?? fallback : fallback }
        func e(_ form: String, _ key: String) -> String? { failed?.form == form ? failed!.errors[key] : nil }
        let title = Dictionary(uniqueKeysWithValues: m.areas.map { ($0.key, $0.title) })
        let open = Set(m.plan?.steps.filter { $0.completedOn == nil }.map(\.area) ?? [])
        let unaddressed = m.deficits.filter { !open.contains($0.area) }
        let response = Layout.page("ИОМ: \(m.teacher.name)", ctx) {
            El("p", [("class", "crumbs")]) { link("← Педагоги школы", SiteURL.schoolPeople(.value(m.school.id)).path) }
            El("h1") { Tx("Индивидуальный образовательный маршрут") }
            if let failed { Forms.refusedNotice(failed.form.hasPrefix("complete-") ? "step-" + failed.form.dropFirst("complete-".count) : "form-\(failed.form)") }
            El("p", [("class", "lead")]) { Tx("\(m.teacher.name), \(m.teacher.position). \(m.school.shortName)") }

            El("section", [("aria-labelledby", "h-deficits")]) {
                El("h2", [("id", "h-deficits")]) { Tx("Профессиональные дефициты") }
                if let latest = m.latest {
                    El("p") { Tx("По диагностике \(latest.russian):") }
                    if m.deficits.isEmpty { El("p") { Tx("дефицитов нет: все баллы не ниже порогов.") } } else {
                        El("ul") { for d in m.deficits { El("li") { Tx(d.russian(areas: m.areas)) } } }
                    }
                } else {
                    El("p") { Tx("Диагностика ещё не проводилась: черновик маршрута составляется по её результатам.") }
                }
                if m.canEdit && !unaddressed.isEmpty {
                    El("form", [("method", "post"), ("action", SiteURL.teacherPlanSave(.value(m.recordID), "draft").path), ("class", "inline-form")]) {
                        Forms.csrf(ctx)
                        El("p") { Tx("Без шагов в маршруте: " + unaddressed.map { title[$0.area] ?? $0.area }.joined(separator: ", ") + ".") }
                        El("button", [("type", "submit")]) { Tx(m.plan == nil ? "Составить черновик по дефицитам" : "Добавить шаги по этим дефицитам") }
                    }
                }
            }

            El("section", [("aria-labelledby", "h-steps")]) {
                El("h2", [("id", "h-steps")]) { Tx("Шаги маршрута") }
                if let plan = m.plan {
                    El("p") { Tx("Маршрут составлен \(plan.createdOn.russian); \(plan.progress(today: m.today).russian).") }
                    DataTable("Шаги: что сделать, в какой форме, к какому сроку и с каким результатом",
                              headers: ["№", "Компетенция", "Шаг", "Форма", "Срок", "Ожидаемый результат", "Выполнение"],
                              items: Array(plan.steps.enumerated()), rowAttributes: { _, s in [("id", "step-\(s.id.uuidString)")] }) { (i, s) in
                        Cell.number(String(i + 1))
                        Cell.text(title[s.area] ?? s.area)
                        Cell.text("\(s.kind.russian): \(s.title)")
                        Cell.text(s.form)
                        Cell.of([("class", s.completedOn == nil && s.deadline < m.today ? "nowrap overdue" : "nowrap")]) {
                            Tx(s.deadline.russian + (s.completedOn == nil && s.deadline < m.today ? " (просрочен)" : ""))
                        }
                        Cell.text(s.expectedResult)
                        Cell.of {
                            if let done = s.completedOn {
                                if failed?.form == "complete-\(s.id.uuidString)" { Forms.errorSummary(failed!.errors) }
                                Tx("выполнен \(done.russian); подтверждение: \(s.evidence ?? "—")")
                                if s.kind == .course { El("p", [("class", "muted")]) { Tx("Курс добавлен в сведения о повышении квалификации педагога (их считает индикатор 2).") } }
                            } else if m.canEdit {
                                let form = "complete-\(s.id.uuidString)"
                                El("form", [("method", "post"), ("action", SiteURL.stepComplete(.value(s.id)).path)]) {
                                    if failed?.form == form { Forms.errorSummary(failed!.errors) }
                                    Forms.csrf(ctx)
                                    El("div", [("class", "field")]) {
                                        El("label", [("for", "d-\(s.id.uuidString)")]) { Tx("Дата выполнения") }
                                        VoidEl("input", [("type", "text"), ("id", "d-\(s.id.uuidString)"), ("name", "completed_on"), ("value", v(form, "completed_on", m.today.russian))])
                                        if let err = e(form, "completed_on") { El("p", [("class", "error")]) { Tx(err) } }
                                    }
                                    El("div", [("class", "field")]) {
                                        El("label", [("for", "ev-\(s.id.uuidString)")]) { Tx(s.kind == .course ? "Номер удостоверения" : "Подтверждение") }
                                        VoidEl("input", [("type", "text"), ("id", "ev-\(s.id.uuidString)"), ("name", "evidence"), ("value", v(form, "evidence"))])
                                        if let err = e(form, "evidence") { El("p", [("class", "error")]) { Tx(err) } }
                                    }
                                    El("button", [("type", "submit")]) { Tx("Отметить выполненным") }
                                }
                                El("form", [("method", "post"), ("action", SiteURL.stepRemove(.value(s.id)).path)]) {
                                    Forms.csrf(ctx)
                                    El("button", [("type", "submit")]) { Tx("Убрать шаг из маршрута") }
                                }
                            } else {
                                Tx("не выполнен")
                            }
                        }
                    }
                } else {
                    El("p") { Tx("Маршрута пока нет.") }
                }
                if m.canEdit {
                    El("form", [("method", "post"), ("action", SiteURL.teacherPlanSave(.value(m.recordID), "step").path), ("class", "edit"), ("id", "form-step")]) {
                        El("h3") { Tx("Добавить шаг вручную") }
                        if failed?.form == "step" { Forms.errorSummary(failed!.errors) }
                        Forms.csrf(ctx)
                        Forms.select("Компетенция", name: "area", options: m.areas.map { ($0.key, $0.title) }, selected: v("step", "area", m.deficits.first?.area ?? ""), error: e("step", "area"))
                        Forms.select("Вид шага", name: "kind", options: StepKind.allCases.map { ($0.rawValue, $0.russian) }, selected: v("step", "kind", StepKind.selfStudy.rawValue), error: e("step", "kind"))
                        Forms.field("Что сделать", name: "title", value: v("step", "title"), error: e("step", "title"), required: true)
                        Forms.field("Форма", name: "form", value: v("step", "form"), error: e("step", "form"), hint: "Например: курсы, семинар, открытый урок")
                        Forms.date("Срок", name: "deadline", value: v("step", "deadline"), error: e("step", "deadline"), required: true)
                        Forms.field("Ожидаемый результат", name: "expected_result", value: v("step", "expected_result"), error: e("step", "expected_result"), required: true)
                        El("button", [("type", "submit")]) { Tx("Добавить шаг") }
                    }
                }
            }
        }
        if failed != nil { response.status = .unprocessableEntity }
        return response
    }
}
