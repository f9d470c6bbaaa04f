import Foundation
import OporaDomain
import Plot
import Vapor

/// «Кадры и условия» of one school: teachers, their trainings, staff positions, the equal-access
/// checklist and ГИА of a year, each with a form. The forms check their row with the same rules as
/// an imported file.
enum SchoolDataView {
    struct Model {
        var school: School.Facts
        var year: Int
        var years: [Int]
        /// False for observers: the counts below are shown, masked when under 5, and no names.
        var namesShown: Bool
        var teacherCount: Int
        var trainingCount: Int
        var teachers: [TeacherFact]
        var trainings: [TrainingFact]
        var positions: [StaffPositionFact]
        var checklistItems: [String]
        var checklist: [String: Bool]
        var gia: GIAOutcomeFact?
        var canEdit: Bool
    }

    /// What a form sent back with its problems (the form is the import kind), so it keeps what the user typed.
    typealias Failed = FailedForm

    static func render(_ ctx: PageContext, _ m: Model, failed: Failed?) -> Response {
        let s = m.school
        func values(_ kind: ImportKind) -> [String: String] { failed?.form == kind.rawValue ? failed!.values : [:] }
        func errors(_ kind: ImportKind) -> [String: String]? { failed?.form == kind.rawValue ? failed!.errors.messages : nil }
        let teacherNames = Dictionary(uniqueKeysWithValues: m.teachers.map { ($0.id, $0.name) })
        let response = Layout.page("Кадры и условия", ctx) {
            El("p", [("class", "crumbs")]) { link("← Профиль школы", SiteURL.school(.value(s.id)).path) }
            El("h1") { Tx("Кадры и условия: \(s.shortName)") }
            El("form", [("method", "get"), ("action", SiteURL.schoolData(.value(s.id)).path), ("class", "inline-form")]) {
                Forms.select("Год", name: "year", options: m.years.map { (String($0), String($0)) }, selected: String(m.year))
                El("button", [("type", "submit")]) { Tx("Показать") }
            }
            El("p", [("class", "muted")]) { Tx("Эти сведения — основа целевых индикаторов. Их можно также загрузить файлом на странице «Загрузка данных».") }

            El("section", [("aria-labelledby", "h-teachers")]) {
                El("h2", [("id", "h-teachers")]) { Tx("Педагогические работники (\(m.namesShown ? String(m.teacherCount) : SmallCount.masked(m.teacherCount)))") }
                if !m.namesShown {
                    El("p", [("class", "muted")]) { Tx("Наблюдатель видит только число работников и курсов; имена, должности и курсы каждого видят школа, методисты и управление образования.") }
                }
                if !m.teachers.isEmpty {
                    DataTable("Работники школы", headers: ["Таб. №", "ФИО", "Должность", "Педагогический", "Категория", "Работает"], items: m.teachers) { t in
                        Cell.text(t.teacherCode)
                        Cell.text(t.name)
                        Cell.text(t.position)
                        Cell.text(t.pedagogical ? "да" : "нет")
                        Cell.text(t.qualification ?? "—")
                        Cell.of([("class", "nowrap")]) { Tx("с \(t.employedFrom?.russian ?? "—")" + (t.employedTo.map { " по \($0.russian)" } ?? "")) }
                    }
                }
                if m.canEdit {
                    form(ctx, s, .teachers, "Добавить или изменить работника (по табельному номеру)", errors: errors(.teachers)) {
                        let v = values(.teachers)
                        Forms.field("Табельный номер", name: "teacher_code", value: v["teacher_code"] ?? "", error: errors(.teachers)?["teacher_code"], required: true)
                        Forms.field("ФИО", name: "name", value: v["name"] ?? "", error: errors(.teachers)?["name"], required: true)
                        Forms.field("Должность", name: "position", value: v["position"] ?? "", error: errors(.teachers)?["position"], required: true)
                        Forms.select("Педагогический работник", name: "pedagogical", options: [("да", "да"), ("нет", "нет")], selected: v["pedagogical"] ?? "да")
                        Forms.field("Квалификационная категория", name: "qualification", value: v["qualification"] ?? "", error: errors(.teachers)?["qualification"])
                        Forms.date("Работает с", name: "employed_from", value: v["employed_from"] ?? "", error: errors(.teachers)?["employed_from"])
                        Forms.field("Работает по", name: "employed_to", value: v["employed_to"] ?? "", error: errors(.teachers)?["employed_to"], hint: "Пусто — работает сейчас")
                    }
                }
            }

            El("section", [("aria-labelledby", "h-trainings")]) {
                El("h2", [("id", "h-trainings")]) { Tx("Повышение квалификации (\(m.trainingCount))") }
                if !m.trainings.isEmpty {
                    DataTable("Курсы работников школы", headers: ["Работник", "Курс", "Часов", "Окончен", "По качеству образования"],
                              items: m.trainings.sorted(by: { $0.completedOn > $1.completedOn })) { t in
                        Cell.text(teacherNames[t.teacherID] ?? t.teacherID)
                        Cell.text(t.title + (t.provider.map { " (\($0))" } ?? ""))
                        Cell.number(t.hours.map(String.init) ?? "—")
                        Cell.of([("class", "nowrap")]) { Tx(t.completedOn.russian) }
                        Cell.text(t.concernsQuality ? "да" : "нет")
                    }
                }
                if m.canEdit && !m.teachers.isEmpty {
                    form(ctx, s, .trainings, "Добавить курс", errors: errors(.trainings)) {
                        let v = values(.trainings)
                        Forms.select("Работник", name: "teacher_code", options: m.teachers.map { ($0.teacherCode, "\($0.name), \($0.position)") },
                                     selected: v["teacher_code"] ?? "", error: errors(.trainings)?["teacher_code"])
                        Forms.field("Название курса", name: "title", value: v["title"] ?? "", error: errors(.trainings)?["title"], required: true)
                        Forms.field("Организация", name: "provider", value: v["provider"] ?? "", error: errors(.trainings)?["provider"])
                        Forms.count("Часов", name: "hours", value: v["hours"] ?? "", error: errors(.trainings)?["hours"])
                        Forms.date("Дата окончания", name: "completed_on", value: v["completed_on"] ?? "", error: errors(.trainings)?["completed_on"], required: true)
                        Forms.select("По вопросам качества образования (ФГОС)", name: "quality", options: [("да", "да"), ("нет", "нет")], selected: v["quality"] ?? "да")
                        Forms.field("Номер удостоверения", name: "certificate", value: v["certificate"] ?? "", error: errors(.trainings)?["certificate"])
                    }
                }
            }

            El("section", [("aria-labelledby", "h-positions")]) {
                El("h2", [("id", "h-positions")]) { Tx("Штатное расписание, \(m.year)") }
                if m.positions.isEmpty { El("p") { Tx("Сведений за \(m.year) год нет.") } } else {
                    DataTable("Ставки и вакансии", headers: ["Должность", "Педагогическая", "Ставок", "Занято", "Квалифицированными", "Вакансии"], items: m.positions) { p in
                        Cell.text(p.position)
                        Cell.text(p.pedagogical ? "да" : "нет")
                        for v in [p.positions, p.filled, p.filledQualified, p.vacancies] { Cell.number(Format.number(v, digits: 2)) }
                    }
                }
                if m.canEdit {
                    form(ctx, s, .staffPositions, "Добавить или изменить должность за \(m.year) год", year: m.year, errors: errors(.staffPositions)) {
                        let v = values(.staffPositions)
                        Forms.field("Должность", name: "position", value: v["position"] ?? "", error: errors(.staffPositions)?["position"], required: true)
                        Forms.select("Педагогическая", name: "pedagogical", options: [("да", "да"), ("нет", "нет")], selected: v["pedagogical"] ?? "да")
                        Forms.field("Ставок", name: "positions", value: v["positions"] ?? "", error: errors(.staffPositions)?["positions"], required: true, attributes: [("inputmode", "decimal")])
                        Forms.field("Занято ставок", name: "filled", value: v["filled"] ?? "", error: errors(.staffPositions)?["filled"], required: true, attributes: [("inputmode", "decimal")])
                        Forms.field("Из них квалифицированными педагогами", name: "filled_qualified", value: v["filled_qualified"] ?? "", error: errors(.staffPositions)?["filled_qualified"], attributes: [("inputmode", "decimal")])
                    }
                }
            }

            El("section", [("aria-labelledby", "h-checklist")]) {
                El("h2", [("id", "h-checklist")]) { Tx("Условия равного доступа, \(m.year)") }
                if m.canEdit {
                    form(ctx, s, .checklist, "Отметьте, что есть в школе", year: m.year, errors: errors(.checklist)) {
                        for (i, item) in m.checklistItems.enumerated() {
                            El("div", [("class", "field check")]) {
                                VoidEl("input", [("type", "checkbox"), ("id", "f-item-\(i)"), ("name", "item_\(i)"), ("value", "да"),
                                                 ("checked", m.checklist[item] == true ? "" : nil)])
                                El("label", [("for", "f-item-\(i)")]) { Tx(item) }
                            }
                        }
                    }
                } else {
                    El("ul") {
                        for item in m.checklistItems {
                            El("li") { Tx("\(item): " + (m.checklist[item].map { $0 ? "есть" : "нет" } ?? "нет сведений")) }
                        }
                    }
                }
            }

            El("section", [("aria-labelledby", "h-gia")]) {
                El("h2", [("id", "h-gia")]) { Tx("Итоги ГИА, \(m.year)") }
                El("p") { Tx(m.gia.map { g in m.namesShown ? "Участников: \(g.participants), успешно прошли: \(g.passed)."
                                                           : "Участников: \(SmallCount.masked(g.participants)), успешно прошли: \(SmallCount.masked(g.passed))." } ?? "Сведений нет.") }
                if m.canEdit {
                    form(ctx, s, .gia, "Внести итоги ГИА за \(m.year) год", year: m.year, errors: errors(.gia)) {
                        let v = values(.gia)
                        Forms.count("Участников ГИА", name: "participants", value: v["participants"] ?? m.gia.map { String($0.participants) } ?? "",
                                    error: errors(.gia)?["participants"], required: true)
                        Forms.count("Успешно прошли (все обязательные предметы)", name: "passed", value: v["passed"] ?? m.gia.map { String($0.passed) } ?? "",
                                    error: errors(.gia)?["passed"], required: true)
                    }
                }
            }
        }
        if failed != nil { response.status = .unprocessableEntity }
        return response
    }

    static func form(_ ctx: PageContext, _ s: School.Facts, _ kind: ImportKind, _ title: String, year: Int? = nil,
                     errors: [String: String]?, @ComponentBuilder fields: @escaping () -> Component) -> Component {
        El("form", [("method", "post"), ("action", SiteURL.schoolDataSave(.value(s.id), kind.rawValue).path), ("class", "edit"), ("id", "form-\(kind.rawValue)")]) {
            El("h3") { Tx(title) }
            if let errors { Forms.errorSummary(FieldErrors(errors)) }
            Forms.csrf(ctx)
            if let year { VoidEl("input", [("type", "hidden"), ("name", "year"), ("value", String(year))]) }
            fields()
            El("button", [("type", "submit")]) { Tx("Сохранить") }
        }
    }
}
