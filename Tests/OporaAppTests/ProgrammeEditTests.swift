import Fluent
@testable import OporaApp
import OporaDomain
import Testing
import Vapor
import VaporTesting

/// The programme editor through HTTP: a methodist writes an empty draft from nothing; the seed's
/// active programme gains and loses measures that its schools' plans follow; whoever must not edit is refused.
@Suite struct ProgrammeEditTests {
    /// An empty 2023–2025 draft made by the admin and shown on the pages; answers its id.
    func emptyDraft(_ app: Application) async throws -> UUID {
        var admin = WebClient(app)
        try await admin.login("admin")
        let created = try await admin.post("/programmes/new", form: [("start", "empty"), ("first_year", "2023"), ("last_year", "2025"), ("name", "Черновик")])
        #expect(created.status == .seeOther)
        return try #require(try await Programme.query(on: app.db).filter(\.$status == .draft).first()?.id)
    }

    func choose(_ client: inout WebClient, _ id: UUID) async throws {
        #expect(try await client.post("/programmes/\(id.uuidString)/choose", form: []).status == .seeOther)
    }

    @Test func aMethodistWritesAPlanFromNothingAndEveryRefusalKeepsWhatWasTyped() async throws {
        try await withDemoApp { app in
            let draftID = try await emptyDraft(app)
            var m = WebClient(app)
            try await m.login("metodist")
            try await choose(&m, draftID)
            #expect(try await m.get("/programme/edit").body.contains("Разделов пока нет"))

            // Passport: an empty name is refused and the typed goal stays; a good one is saved and audited.
            let noName = try await m.post("/programme/edit/passport", form: [("name", " "), ("goal", "Цель, набранная вручную")])
            #expect(noName.status == .unprocessableEntity && noName.body.contains("Наименование программы: поле не заполнено"))
            #expect(noName.body.contains("Цель, набранная вручную"))
            let named = try await m.post("/programme/edit/passport", form: [("name", "Программа поддержки школ Усть-Удинского района на 2023-2025 годы"),
                                                                          ("goal", "Повысить качество"), ("tasks", "Первая\n\nВторая\n"),
                                                                          ("analysis", "Абзац один.\n\nАбзац два.")])
            #expect(named.status == .seeOther)
            let draft = try #require(try await Programme.find(draftID, on: app.db))
            #expect(draft.name == "Программа поддержки школ Усть-Удинского района на 2023-2025 годы")
            let plan = try await ProgrammePlan.fetch(draft, on: app.db)
            #expect(plan.passport.tasks == ["Первая", "Вторая"] && plan.analysis.paragraphs == ["Абзац один.", "Абзац два."])
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "programme.passport").count() == 1)

            // Two sections, a direction in the first, a task, a measure.
            for title in ["Кадры", "Ресурсы"] {
                #expect(try await m.post("/programme/edit/section", form: [("title", title), ("expected_result", "")]).status == .seeOther)
            }
            var sections = try await ProgrammeSection.query(on: app.db).filter(\.$programme.$id == draftID).sort(\.$number).all()
            #expect(sections.map(\.title) == ["Кадры", "Ресурсы"] && sections.map(\.number) == [1, 2])
            let noSection = try await m.post("/programme/edit/direction", form: [("title", "Наставничество"), ("section_id", UUID().uuidString)])
            #expect(noSection.status == .unprocessableEntity && noSection.body.contains("Выберите раздел"))
            #expect(try await m.post("/programme/edit/direction", form: [("title", "Наставничество"), ("section_id", sections[0].id!.uuidString)]).status == .seeOther)
            let direction = try #require(try await Direction.query(on: app.db).filter(\.$programme.$id == draftID).first())
            #expect(direction.code == "1.1")
            let outside = try await m.post("/programme/edit/task", form: [("direction_id", direction.id!.uuidString), ("text", "Пары наставников"),
                                                                         ("first_year", "2022"), ("last_year", "2023")])
            #expect(outside.status == .unprocessableEntity && outside.body.contains("внутри периода программы 2023–2025"))
            #expect(outside.body.contains("Пары наставников"))
            #expect(try await m.post("/programme/edit/task", form: [("direction_id", direction.id!.uuidString), ("text", "Пары наставников"),
                                                                   ("first_year", "2023"), ("last_year", "2024")]).status == .seeOther)
            let task = try #require(try await YearTask.query(on: app.db).filter(\.$direction.$id == direction.id!).first())
            #expect(task.firstYear == 2023 && task.lastYear == 2024)

            // A deadline outside the period is said, not refused; the measure's year comes from its deadline within the task's years.
            let late = try await m.post("/programme/edit/measure", form: [("direction_id", direction.id!.uuidString), ("task_id", task.id!.uuidString),
                                                                         ("name", "Семинар наставников"), ("deadline", "15.03.2026"), ("level", "municipal")])
            #expect(late.status == .seeOther)
            #expect(try await m.get("/programme/edit").body.contains("вне периода программы 2023–2025"))
            let inPeriod = try await m.post("/programme/edit/measure", form: [("direction_id", direction.id!.uuidString), ("task_id", task.id!.uuidString),
                                                                             ("name", "Школа молодого педагога"), ("deadline", "20.05.2024"), ("level", "both")])
            #expect(inPeriod.status == .seeOther)
            let measures = try await Measure.query(on: app.db).filter(\.$programme.$id == draftID).sort(\.$ordinal).all()
            #expect(measures.map(\.year) == [2023, 2024] && measures.map(\.level) == [.municipal, .both])
            #expect(measures.allSatisfy { $0.sectionNumber == 1 && $0.searchText.contains("наставничество") })

            // Moving the section «Ресурсы» up: the direction becomes 2.1 and its measures follow.
            #expect(try await m.post("/programme/edit/section-up", form: [("id", sections[1].id!.uuidString)]).status == .seeOther)
            sections = try await ProgrammeSection.query(on: app.db).filter(\.$programme.$id == draftID).sort(\.$number).all()
            #expect(sections.map(\.title) == ["Ресурсы", "Кадры"])
            #expect(try await Direction.find(direction.id, on: app.db)?.code == "2.1")
            #expect(try await Measure.query(on: app.db).filter(\.$programme.$id == draftID).all().allSatisfy { $0.sectionNumber == 2 })

            // A direction, task or section that holds something is not deleted; emptied, they are.
            let held = try await m.post("/programme/edit/direction-delete", form: [("id", direction.id!.uuidString)])
            #expect(held.status == .unprocessableEntity && held.body.contains("2 мероприятия"))
            #expect(try await m.post("/programme/edit/task-delete", form: [("id", task.id!.uuidString)]).status == .unprocessableEntity)
            #expect(try await m.post("/programme/edit/section-delete", form: [("id", sections[1].id!.uuidString)]).status == .unprocessableEntity)
            for measure in measures {
                #expect(try await m.post("/measures/\(measure.id!.uuidString)/delete", form: []).status == .seeOther)
            }
            #expect(try await m.post("/programme/edit/direction-delete", form: [("id", direction.id!.uuidString)]).status == .seeOther)
            #expect(try await m.post("/programme/edit/section-delete", form: [("id", sections[1].id!.uuidString)]).status == .seeOther)
            #expect(try await YearTask.query(on: app.db).filter(\.$programme.$id == draftID).count() == 0)
            #expect(try await ProgrammeSection.query(on: app.db).filter(\.$programme.$id == draftID).all().map(\.number) == [1])

            // Indicators: a percentage above 100 and a value by hand without a source are refused; a sound one is saved.
            var indicator: [(String, String)] = [("title", "Доля школ с наставниками"), ("unit", "%"), ("baseline_year", "2022"), ("baseline", "40"),
                                                 ("target_2023", "120"), ("target_2024", "60"), ("target_2025", "80,5"), ("formula", "manual"), ("source", "")]
            let refused = try await m.post("/programme/edit/indicator", form: indicator)
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Цель на 2023 год — процент от 0 до 100"))
            #expect(refused.body.contains("укажите источник") && refused.body.contains("80,5"))
            indicator[4] = ("target_2023", "50")
            indicator[8] = ("source", "отчёт ЦНППМ")
            #expect(try await m.post("/programme/edit/indicator", form: indicator).status == .seeOther)
            let saved = try #require(try await Indicator.query(on: app.db).filter(\.$programme.$id == draftID).first())
            #expect(saved.number == 1 && saved.formula == nil && saved.source == "отчёт ЦНППМ" && saved.baseline == 40)
            let targets = try await IndicatorTarget.query(on: app.db).filter(\.$indicator.$id == saved.id!).sort(\.$year).all()
            #expect(targets.map(\.year) == [2023, 2024, 2025] && targets.map(\.value) == [50, 60, 80.5])
            let indicators = try await m.get("/indicators")
            #expect(indicators.status == .ok && indicators.body.contains("Доля школ с наставниками"))
        }
    }

    @Test func aNewMeasureForSchoolsReachesEverySchoolPlanAndAMeasureWithWorkOnItIsNotDeleted() async throws {
        try await withDemoApp { app in
            var m = WebClient(app)
            try await m.login("metodist")
            let programme = try #require(try await Programme.query(on: app.db).first())
            let schoolPlans = try await SchoolPlans.schoolIDs(programmeID: programme.id!, on: app.db)
            #expect(schoolPlans.count >= 2)
            let task = try #require(try await YearTask.query(on: app.db).filter(\.$programme.$id == programme.id!).with(\.$direction).first())
            let added = try await m.post("/programme/edit/measure", form: [("direction_id", task.$direction.id.uuidString), ("task_id", task.id!.uuidString),
                                                                          ("name", "Новое мероприятие для школ"), ("deadline", "01.06.2021"), ("level", "school")])
            #expect(added.status == .seeOther)
            let rows = try await Measure.query(on: app.db).filter(\.$name == "Новое мероприятие для школ").all()
            #expect(rows.count == schoolPlans.count + 1)
            #expect(Set(rows.compactMap { $0.$school.id }) == Set(schoolPlans))

            // A school marks work on its copy: the measure can no longer leave the school plans, nor be deleted.
            let municipal = try #require(rows.first { $0.$school.id == nil })
            let copy = try #require(rows.first { $0.$school.id != nil })
            copy.status = .inProgress
            try await copy.save(on: app.db)
            let toMunicipal = try await m.post("/measures/\(municipal.id!.uuidString)/describe",
                                               form: [("name", "Новое мероприятие для школ"), ("product", ""), ("level", "municipal")])
            #expect(toMunicipal.status == .unprocessableEntity && toMunicipal.body.contains("убрать его из планов школ нельзя"))
            let deleted = try await m.post("/measures/\(municipal.id!.uuidString)/delete", form: [])
            #expect(deleted.status == .unprocessableEntity && deleted.body.contains("Отмените его с причиной"))
            #expect(try await Measure.query(on: app.db).filter(\.$name == "Новое мероприятие для школ").count() == rows.count)

            // Renaming it renames every copy and its search text.
            let renamed = try await m.post("/measures/\(municipal.id!.uuidString)/describe",
                                           form: [("name", "Переименованное мероприятие"), ("product", "Отчёт"), ("level", "school")])
            #expect(renamed.status == .seeOther)
            let after = try await Measure.query(on: app.db).filter(\.$name == "Переименованное мероприятие").all()
            #expect(after.count == rows.count && after.allSatisfy { $0.product == "Отчёт" && $0.searchText.contains("переименованное") })
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "measure.describe").count() == 1)
        }
    }

    @Test func schoolsObserversOtherProgrammesAndClosedProgrammesAreRefused() async throws {
        try await withDemoApp { app in
            let programme = try #require(try await Programme.query(on: app.db).first())
            let section = try #require(try await ProgrammeSection.query(on: app.db).filter(\.$programme.$id == programme.id!).first())
            let measure = try await Fixtures.municipalMeasure(app)
            for login in ["biritskaya", "observer"] {
                var client = WebClient(app)
                try await client.login(login)
                #expect(try await client.get("/programme/edit").status == .forbidden)
                #expect(try await client.post("/programme/edit/section", form: [("id", section.id!.uuidString), ("title", "Взлом")]).status == .forbidden)
                #expect(try await client.post("/measures/\(measure.id!.uuidString)/delete", form: []).status == .forbidden)
            }
            #expect(try await ProgrammeSection.find(section.id, on: app.db)?.title == section.title)

            // An item of another programme is not found through the shown one.
            let draftID = try await emptyDraft(app)
            var m = WebClient(app)
            try await m.login("metodist")
            try await choose(&m, draftID)
            let foreign = try await m.post("/programme/edit/section-delete", form: [("id", section.id!.uuidString)])
            #expect(foreign.status == .unprocessableEntity && foreign.body.contains("Такого раздела в программе нет"))
            #expect(try await ProgrammeSection.find(section.id, on: app.db) != nil)

            // A closed programme takes no edit at all.
            var admin = WebClient(app)
            try await admin.login("admin")
            #expect(try await admin.post("/programmes/\(programme.id!.uuidString)/close", form: [("reason", "Проверка")]).status == .seeOther)
            try await choose(&m, programme.id!)
            #expect(try await m.get("/programme/edit").body.contains("Программа закрыта"))
            #expect(try await m.post("/programme/edit/section", form: [("id", section.id!.uuidString), ("title", "Поздно")]).status == .forbidden)
            #expect(try await m.post("/measures/\(measure.id!.uuidString)/describe", form: [("name", "Поздно"), ("level", "both")]).status == .forbidden)
            #expect(try await ProgrammeSection.find(section.id, on: app.db)?.title == section.title)
            #expect(try await Measure.find(measure.id, on: app.db)?.name == measure.name)
        }
    }

    @Test func aNewDeadlineMovesAMeasureToItsYearWithinItsTask() async throws {
        try await withDemoApp { app in
            let tasks = try await YearTask.query(on: app.db).all().filter { $0.lastYear > $0.firstYear }
            let ids = tasks.compactMap(\.id)
            let measure = try #require(try await Measure.query(on: app.db).filter(\.$task.$id ~~ ids).filter(\.$school.$id == nil)
                .filter(\.$status == .planned).first())
            let task = try #require(tasks.first { $0.id == measure.$task.id })
            var m = WebClient(app)
            try await m.login("metodist")
            _ = try await m.get("/measures/\(measure.id!.uuidString)")
            let moved = try await m.postMultipart("/measures/\(measure.id!.uuidString)", form: [("status", "planned"), ("deadline", "20.05.\(task.lastYear)")], file: nil)
            #expect(moved.status == .seeOther)
            #expect(try await Measure.find(measure.id, on: app.db)?.year == task.lastYear)
            // A deadline outside the task's years leaves the measure in the task's first year.
            _ = try await m.postMultipart("/measures/\(measure.id!.uuidString)", form: [("status", "planned"), ("deadline", "20.05.\(task.lastYear + 5)")], file: nil)
            #expect(try await Measure.find(measure.id, on: app.db)?.year == task.firstYear)
            let page = try await m.get("/measures/\(measure.id!.uuidString)")
            #expect(page.body.contains("<dd>\(task.firstYear)</dd>"))
        }
    }
}
