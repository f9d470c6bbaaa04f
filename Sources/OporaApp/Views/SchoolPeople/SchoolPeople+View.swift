import Foundation
import OporaDomain
import Plot
import Vapor

/// «Педагоги» of one school: each teacher's deficits by the latest diagnostics and the progress of
/// the development plan, the diagnostics form, and mentoring pairs with their meetings.
enum SchoolPeopleView {
    struct Row {
        var recordID: UUID
        var teacher: TeacherFact
        var municipalMentor: Bool
        var latest: Day?
        var deficits: [Deficit]
        var progress: PlanProgress?
    }

    struct Pair {
        var id: UUID
        var mentor: String
        var mentee: String
        var youngSpecialist: Bool
        var startsOn: Day
        var endsOn: Day?
        var plan: String
        var meetings: [(date: Day, topic: String)]
    }

    struct Model {
        var school: School.Facts
        var areas: [CompetenceArea]
        var rows: [Row]
        var pairs: [Pair]
        var mentorOptions: [(value: String, title: String)]
        var menteeOptions: [(value: String, title: String)]
        var common: [AreaCount]
        var canEdit: Bool
        /// Methodists and admins keep the municipality's list of mentors.
        var canListMentors: Bool
        var today: Day
    }

    /// What a form sent back with its problems, so it keeps what the user typed.
    typealias Failed = FailedForm

    static func render(_ ctx: PageContext, _ m: Model, failed: Failed?) -> Response {
        let s = m.school
        func v(_ form: String, _ key: String, _ fallback: String = "") -> String { failed?.form == form ? failed!.values[key] ?? fallback : fallback }
        func e(_ form: String, _ key: String) -> String? { failed?.form == form ? failed!.errors[key] : nil }
        let response = Layout.page("Педагоги: \(s.shortName)", ctx) {
            El("p", [("class", "crumbs")]) { link("← Профиль школы", SiteURL.school(.value(s.id)).path) }
            El("h1") { Tx("Педагоги: профессиональные дефициты, ИОМ, наставничество") }
            if let failed { Forms.refusedNotice("form-\(failed.form)") }
            El("p", [("class", "lead")]) { Tx(s.name) }
            El("p", [("class", "muted")]) {
                Tx("Дефицит — компетенция, балл по которой в последней диагностике педагога ниже порога. Пороги и список компетенций — на странице ")
                link("«Компетенции и курсы»", SiteURL.peopleCatalogue.path)
                Tx(".")
            }

            El("section", [("aria-labelledby", "h-teachers")]) {
                El("h2", [("id", "h-teachers")]) { Tx("Педагоги и их дефициты") }
                if m.rows.isEmpty {
                    El("p") {
                        Tx("Педагогов пока нет: их вносят на странице ")
                        link("«Кадры и условия»", SiteURL.schoolData(.value(s.id)).path)
                        Tx(" или загружают файлом.")
                    }
                } else {
                    DataTable("Последняя диагностика каждого педагога и его индивидуальный образовательный маршрут",
                              headers: ["Педагог", "Диагностика", "Дефициты (почему)", "ИОМ"], items: m.rows) { r in
                        Cell.of {
                            Tx("\(r.teacher.name), \(r.teacher.position)")
                            if r.municipalMentor { El("div", [("class", "muted")]) { Tx("в списке наставников муниципалитета") } }
                        }
                        Cell.of([("class", "nowrap")]) { Tx(r.latest?.russian ?? "не проводилась") }
                        Cell.of {
                            if r.latest == nil { Tx("—") } else if r.deficits.isEmpty { Tx("нет дефицитов") } else {
                                El("ul") { for d in r.deficits { El("li") { Tx(d.russian(areas: m.areas)) } } }
                            }
                        }
                        Cell.of {
                            link(r.progress.map { $0.russian } ?? "составить", SiteURL.teacherPlan(.value(r.recordID)).path)
                            if let p = r.progress, p.overdue > 0 { El("p", [("class", "overdue")]) { Tx("просрочено: \(RussianNoun.step.counted(p.overdue))") } }
                        }
                    }
                }
                if !m.rows.isEmpty && m.common.contains(where: { !$0.teacherIDs.isEmpty }) {
                    El("h3") { Tx("Самые частые дефициты в школе") }
                    CountBarChart.svg(title: "Число педагогов с дефицитом по компетенциям",
                                      m.common.map { ($0.area.title, $0.teacherIDs.count, RussianNoun.teacher.counted($0.teacherIDs.count)) })
                }
            }

            if m.canEdit && !m.rows.isEmpty {
                El("form", [("method", "post"), ("action", SiteURL.schoolPeopleSave(.value(s.id), "diagnostics").path), ("class", "edit"), ("id", "form-diagnostics")]) {
                    El("h2") { Tx("Внести результаты диагностики") }
                    if failed?.form == "diagnostics" { Forms.errorSummary(failed!.errors) }
                    Forms.csrf(ctx)
                    El("p", [("class", "muted")]) { Tx("Баллы — процент выполнения от 0 до 100. Незаполненные компетенции не сохраняются. Файл платформы тестирования загружается на странице «Загрузка данных» (вид «Диагностика профессиональных дефицитов»).") }
                    Forms.select("Педагог", name: "teacher", options: m.rows.map { ($0.recordID.uuidString, "\($0.teacher.name), \($0.teacher.position)") },
                                 selected: v("diagnostics", "teacher"), error: e("diagnostics", "teacher"))
                    Forms.date("Дата диагностики", name: "date", value: v("diagnostics", "date", m.today.russian), error: e("diagnostics", "date"), required: true)
                    for a in m.areas {
                        Forms.field("\(a.title) (порог \(Format.number(a.threshold)) %)", name: "score_\(a.key)", value: v("diagnostics", "score_\(a.key)"),
                                    error: e("diagnostics", "score_\(a.key)"), attributes: [("inputmode", "decimal")])
                    }
                    El("button", [("type", "submit")]) { Tx("Сохранить результаты") }
                }
            }

            if m.canListMentors && !m.rows.isEmpty {
                El("form", [("method", "post"), ("action", SiteURL.schoolPeopleSave(.value(s.id), "mentor-list").path), ("class", "edit"), ("id", "form-mentor-list")]) {
                    El("h2", [("id", "h-mentor-list")]) { Tx("Список наставников муниципалитета") }
                    Forms.csrf(ctx)
                    El("p", [("class", "muted")]) { Tx("Отмеченных педагогов видят и могут выбрать наставниками все школы муниципалитета; остальных — только своя школа.") }
                    for r in m.rows {
                        El("div", [("class", "field check")]) {
                            VoidEl("input", [("type", "checkbox"), ("id", "f-mentor-\(r.recordID.uuidString)"), ("name", "mentor_\(r.recordID.uuidString)"),
                                             ("value", "1"), ("checked", r.municipalMentor ? "" : nil)])
                            El("label", [("for", "f-mentor-\(r.recordID.uuidString)")]) { Tx("\(r.teacher.name), \(r.teacher.position)") }
                        }
                    }
                    El("button", [("type", "submit")]) { Tx("Сохранить список") }
                }
            }

            El("section", [("aria-labelledby", "h-mentoring")]) {
                El("h2", [("id", "h-mentoring")]) { Tx("Наставничество (\(m.pairs.count))") }
                if m.pairs.isEmpty { El("p") { Tx("Наставнических пар пока нет.") } }
                for p in m.pairs {
                    El("article", [("class", "pair")]) {
                        El("h3") { Tx("\(p.mentor) → \(p.mentee)") }
                        El("p") {
                            Tx("С \(p.startsOn.russian)" + (p.endsOn.map { " по \($0.russian)" } ?? "") + (p.youngSpecialist ? "; молодой специалист" : ""))
                        }
                        El("p") { Tx("План: \(p.plan)") }
                        if p.meetings.isEmpty { El("p", [("class", "muted")]) { Tx("Встреч пока не было.") } } else {
                            El("ul") { for x in p.meetings { El("li") { Tx("\(x.date.russian): \(x.topic)") } } }
                        }
                        if m.canEdit {
                            let form = "meeting-\(p.id.uuidString)"
                            El("form", [("method", "post"), ("action", SiteURL.mentoringMeetings(.value(p.id)).path), ("class", "inline-form"), ("id", "form-\(form)")]) {
                                if failed?.form == form { Forms.errorSummary(failed!.errors) }
                                Forms.csrf(ctx)
                                Forms.field("Дата встречи", name: "date", value: v(form, "date", m.today.russian), error: e(form, "date"), id: "f-date-\(p.id.uuidString)")
                                Forms.field("Тема", name: "topic", value: v(form, "topic"), error: e(form, "topic"), id: "f-topic-\(p.id.uuidString)")
                                El("button", [("type", "submit")]) { Tx("Записать встречу") }
                            }
                        }
                    }
                }
                if m.canEdit && !m.menteeOptions.isEmpty {
                    El("form", [("method", "post"), ("action", SiteURL.schoolPeopleSave(.value(s.id), "mentorship").path), ("class", "edit"), ("id", "form-mentorship")]) {
                        El("h3") { Tx("Новая наставническая пара") }
                        if failed?.form == "mentorship" { Forms.errorSummary(failed!.errors) }
                        Forms.csrf(ctx)
                        Forms.select(m.canListMentors ? "Наставник (любая школа муниципалитета)" : "Наставник (своя школа или список наставников муниципалитета)", name: "mentor", options: m.mentorOptions, selected: v("mentorship", "mentor"), error: e("mentorship", "mentor"))
                        Forms.select("Наставляемый", name: "mentee", options: m.menteeOptions, selected: v("mentorship", "mentee", m.menteeOptions.last?.value ?? ""), error: e("mentorship", "mentee"))
                        Forms.select("Молодой специалист", name: "young_specialist", options: [("да", "да"), ("нет", "нет")], selected: v("mentorship", "young_specialist", "да"))
                        Forms.field("Начало", name: "starts_on", value: v("mentorship", "starts_on", m.today.russian), error: e("mentorship", "starts_on"), required: true)
                        Forms.field("Окончание", name: "ends_on", value: v("mentorship", "ends_on"), error: e("mentorship", "ends_on"), hint: "Можно оставить пустым")
                        Forms.textarea("План наставничества", name: "plan", value: v("mentorship", "plan"), error: e("mentorship", "plan"))
                        El("button", [("type", "submit")]) { Tx("Создать пару") }
                    }
                }
            }
        }
        if failed != nil { response.status = .unprocessableEntity }
        return response
    }
}
