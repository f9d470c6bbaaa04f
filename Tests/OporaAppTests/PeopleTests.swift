import Fluent
import Foundation
@testable import OporaApp
import OporaDomain
import Testing
import Vapor

@Suite struct PeopleTests {
    /// A pedagogical teacher of Биритская СОШ that indicator 2 does not count in 2022, without a plan yet.
    static func untrainedTeacher(_ app: Application) async throws -> TeacherRecord {
        let programme = try await Programme.query(on: app.db).first()!
        let data = try await IndicatorData.load(programme, cache: app.monitoringCache, on: app.db)
        let uncounted = Set(data.value(2, 2022).sources.filter { $0.kind == .teacher && $0.schoolCode == "bal-03" && !$0.counted }.map(\.id))
        let school = try await Fixtures.school("bal-03", app)
        let planned = Set(try await DevelopmentPlan.query(on: app.db).all().map(\.$teacher.id))
        let teachers = try await TeacherRecord.query(on: app.db).filter(\.$school.$id == school.id!).filter(\.$pedagogical == true).sort(\.$teacherCode).all()
        return teachers.first { uncounted.contains("bal-03|\($0.teacherCode)") && !planned.contains($0.id!) }!
    }

    @Test func twoDeficitsGiveADraftForBothAndTheCompletedCourseRaisesIndicatorTwo() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            // setup: a teacher diagnosed on 15.09.2022 with two deficits (digital 40 %, assessment 45 %), all else 80 %
            let teacher = try await Self.untrainedTeacher(app)
            let school = try await Fixtures.school("bal-03", app)
            let programme = try await Programme.query(on: app.db).first()!
            let before = try await IndicatorData.load(programme, cache: app.monitoringCache, on: app.db).value(2, 2022).breakdown.first { $0.schoolCode == "bal-03" }!
            var client = WebClient(app)
            try await client.login("metodist")
            _ = try await client.get("/schools/\(school.id!.uuidString)/people")
            var form = [("teacher", teacher.id!.uuidString), ("date", "15.09.2022")]
            for a in CompetenceAreas.defaults { form.append(("score_\(a.key)", a.key == "digital" ? "40" : a.key == "assessment" ? "45" : "80")) }
            let saved = try await client.post("/schools/\(school.id!.uuidString)/people/diagnostics", form: form)
            #expect(saved.status == .seeOther)
            let page = try await client.get("/teachers/\(teacher.id!.uuidString)/plan")
            #expect(page.body.contains("Цифровая компетентность: 40 % при пороге 60 %"))
            #expect(page.body.contains("Оценочная компетентность (оценка образовательных результатов): 45 % при пороге 60 %"))
            #expect(!page.body.contains("Предметная компетентность: 80"))

            // act 1: the draft
            let draft = try await client.post("/teachers/\(teacher.id!.uuidString)/plan/draft", form: [])
            #expect(draft.status == .seeOther)
            let plan = try await DevelopmentPlan.query(on: app.db).filter(\.$teacher.$id == teacher.id!).with(\.$steps).first()!
            // check: each deficit has a step, and only they; the digital one is the catalogue's digital course
            #expect(Set(plan.steps.map(\.area)) == ["digital", "assessment"])
            let course = try #require(plan.steps.first { $0.area == "digital" && $0.kind == StepKind.course.rawValue })
            #expect(course.title.contains("Цифровые инструменты учителя"))
            #expect(plan.steps.contains { $0.area == "assessment" && $0.kind == StepKind.course.rawValue })
            // a second draft adds nothing: both deficits have open steps
            _ = try await client.get("/teachers/\(teacher.id!.uuidString)/plan")
            _ = try await client.post("/teachers/\(teacher.id!.uuidString)/plan/draft", form: [])
            #expect(try await DevelopmentStep.query(on: app.db).filter(\.$plan.$id == plan.id!).count() == plan.steps.count)

            // act 2: completion without evidence is refused and keeps the date typed
            let refused = try await client.post("/plan-steps/\(course.id!.uuidString)/complete", form: [("completed_on", "20.09.2022"), ("evidence", "")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("Укажите подтверждение"))
            #expect(refused.body.contains("value=\"20.09.2022\""))
            #expect(try await TrainingRecord.query(on: app.db).filter(\.$teacher.$id == teacher.id!).filter(\.$title == "Цифровые инструменты учителя (демо)").count() == 0)
            let done = try await client.post("/plan-steps/\(course.id!.uuidString)/complete", form: [("completed_on", "20.09.2022"), ("evidence", "№ 381200-2022")])
            #expect(done.status == .seeOther)

            // check: the course is a training record of 2022 that concerns quality, and indicator 2 counts the teacher
            let training = try #require(try await TrainingRecord.query(on: app.db).filter(\.$teacher.$id == teacher.id!)
                .filter(\.$title == "Цифровые инструменты учителя (демо)").first())
            #expect(training.completedOn == "2022-09-20")
            #expect(training.concernsQuality)
            #expect(training.certificate == "№ 381200-2022")
            let after = try await IndicatorData.load(programme, cache: app.monitoringCache, on: app.db).value(2, 2022).breakdown.first { $0.schoolCode == "bal-03" }!
            #expect(after.numerator == before.numerator + 1)
            #expect(after.denominator == before.denominator)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "developmentPlan.complete").filter(\.$entityID == course.id!).count() == 1)
            // the step cannot be completed twice, nor removed; an open step can be removed
            let again = try await client.post("/plan-steps/\(course.id!.uuidString)/complete", form: [("completed_on", "21.09.2022"), ("evidence", "x")])
            #expect(again.status == .unprocessableEntity)
            let keep = try await client.post("/plan-steps/\(course.id!.uuidString)/remove", form: [])
            #expect(keep.status == .unprocessableEntity)
            #expect(keep.body.contains("Выполненный шаг не убирается"))
            let open = try #require(plan.steps.first { $0.area == "assessment" })
            let removed = try await client.post("/plan-steps/\(open.id!.uuidString)/remove", form: [])
            #expect(removed.status == .seeOther)
            #expect(try await DevelopmentStep.find(open.id, on: app.db) == nil)
            #expect(try await DevelopmentStep.find(course.id, on: app.db) != nil)
        }
    }

    @Test func aDiagnosticsFileWithOneBadRowImportsNothingAndTheSameFileTwiceChangesNothing() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            let municipality = try await Municipality.query(on: app.db).first()!
            let count = try await DiagnosticRecord.query(on: app.db).count()
            let good = "Код школы;Табельный номер;Дата диагностики;Компетенция;Балл\n"
                + "bal-03;T-2;14.09.2022;Цифровая компетентность;38,5\n"
                + "bal-03;T-2;14.09.2022;assessment;72%\n"
            let bad = good + "bal-03;T-2;14.09.2022;Танцы;50\n" + "bal-03;T-99;14.09.2022;digital;50\n"
            // act: the bad file
            let refused = try await ImportService.run(kind: .diagnostics, fileName: "d.csv", bytes: Array(bad.utf8), municipalityID: municipality.id!,
                                                      user: nil, write: true, today: app.opora.today(), on: app.db)
            // check: nothing imported, both bad lines named
            guard case .failure(let problems) = refused else { Issue.record("a bad file was accepted"); return }
            #expect(problems.problems.map(\.line) == [4, 5])
            #expect(try await DiagnosticRecord.query(on: app.db).count() == count)
            // the good one twice
            for expectedAdded in [2, 0] {
                let r = try await ImportService.run(kind: .diagnostics, fileName: "d.csv", bytes: Array(good.utf8), municipalityID: municipality.id!,
                                                    user: nil, write: true, today: app.opora.today(), on: app.db)
                guard case .success(let plan) = r else { Issue.record("the good file was refused"); return }
                #expect(plan.added.count == expectedAdded)
            }
            #expect(try await DiagnosticRecord.query(on: app.db).count() == count + 2)
        }
    }

    @Test func mentoringConsultationsAndTheCatalogueWorkThroughTheirForms() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            let school = try await Fixtures.school("bal-05", app)
            let teachers = try await TeacherRecord.query(on: app.db).filter(\.$school.$id == school.id!).filter(\.$pedagogical == true).sort(\.$teacherCode).all()
            var client = WebClient(app)
            try await client.login("metodist")
            _ = try await client.get("/schools/\(school.id!.uuidString)/people")
            // a pair whose mentor is the mentee is refused and keeps the plan typed
            let same = try await client.post("/schools/\(school.id!.uuidString)/people/mentorship", form: [
                ("mentor", teachers[1].id!.uuidString), ("mentee", teachers[1].id!.uuidString), ("young_specialist", "да"),
                ("starts_on", "01.09.2022"), ("ends_on", ""), ("plan", "Посещение уроков наставника"),
            ])
            #expect(same.status == .unprocessableEntity)
            #expect(same.body.contains("Посещение уроков наставника"))
            let pairs = try await Mentorship.query(on: app.db).filter(\.$school.$id == school.id!).count()
            let made = try await client.post("/schools/\(school.id!.uuidString)/people/mentorship", form: [
                ("mentor", teachers[2].id!.uuidString), ("mentee", teachers[1].id!.uuidString), ("young_specialist", "нет"),
                ("starts_on", "01.09.2022"), ("ends_on", "31.05.2023"), ("plan", "Посещение уроков наставника"),
            ])
            #expect(made.status == .seeOther)
            #expect(try await Mentorship.query(on: app.db).filter(\.$school.$id == school.id!).count() == pairs + 1)
            let pair = try await Mentorship.query(on: app.db).filter(\.$mentee.$id == teachers[1].id!).filter(\.$plan == "Посещение уроков наставника").first()!
            _ = try await client.get("/schools/\(school.id!.uuidString)/people")
            let future = try await client.post("/mentorships/\(pair.id!.uuidString)/meetings", form: [("date", "01.11.2022"), ("topic", "Разбор урока")])
            #expect(future.status == .unprocessableEntity)
            let meeting = try await client.post("/mentorships/\(pair.id!.uuidString)/meetings", form: [("date", "15.09.2022"), ("topic", "Разбор урока")])
            #expect(meeting.status == .seeOther)
            #expect(try await client.get("/schools/\(school.id!.uuidString)/people").body.contains("15.09.2022: Разбор урока"))

            // a course for the catalogue, by the same rules as the file
            _ = try await client.get("/people/catalogue")
            let noArea = try await client.post("/people/catalogue/course", form: [("title", "Смысловое чтение"), ("hours", "18"), ("quality", "да")])
            #expect(noArea.status == .unprocessableEntity)
            let course = try await client.post("/people/catalogue/course", form: [("title", "Смысловое чтение"), ("hours", "18"), ("quality", "да"), ("area_subject", "да")])
            #expect(course.status == .seeOther)
            #expect(try await CourseRecord.query(on: app.db).filter(\.$title == "Смысловое чтение").first()?.areas == "subject")
            // the methodist cannot change the competence list: that is the admin's
            let areas = try await client.post("/people/catalogue/areas", form: [("key_0", "subject"), ("title_0", "Предмет"), ("threshold_0", "50")])
            #expect(areas.status == .forbidden)

            // a consultation in the log
            let point = try await ConsultationPoint.query(on: app.db).first()!
            _ = try await client.get("/consultations")
            let logged = try await client.post("/consultations/consultation", form: [
                ("point", point.id!.uuidString), ("date", "20.09.2022"), ("school", school.id!.uuidString),
                ("teacher", teachers[1].id!.uuidString), ("topic", "Критерии оценивания ВПР"),
            ])
            #expect(logged.status == .seeOther)
            #expect(try await client.get("/consultations").body.contains("Критерии оценивания ВПР"))
            // a school user sees only the school's own consultations and cannot write the log
            var school3 = WebClient(app)
            try await school3.login("biritskaya")
            let seen = try await school3.get("/consultations")
            #expect(!seen.body.contains("Критерии оценивания ВПР"))
            let write = try await school3.post("/consultations/consultation", form: [("point", point.id!.uuidString), ("topic", "x")])
            #expect(write.status == .forbidden)
        }
    }

    @Test func theAdminRaisesAThresholdAndTheDeficitsFollow() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            let teacher = try await Self.untrainedTeacher(app)
            let municipality = try await Municipality.query(on: app.db).first()!
            let line = "school_code,teacher_code,date,area,score\nbal-03,\(teacher.teacherCode),16.09.2022,digital,65\n"
            _ = try await ImportService.run(kind: .diagnostics, fileName: "d.csv", bytes: Array(line.utf8), municipalityID: municipality.id!,
                                            user: nil, write: true, today: app.opora.today(), on: app.db)
            let key = "bal-03|\(teacher.teacherCode)"
            #expect(try await PeopleData.load(municipalityID: municipality.id!, on: app.db).deficits(of: key).isEmpty)
            var admin = WebClient(app)
            try await admin.login("admin")
            _ = try await admin.get("/people/catalogue")
            var form: [(String, String)] = []
            for (i, a) in CompetenceAreas.defaults.enumerated() {
                form += [("key_\(i)", a.key), ("title_\(i)", a.title), ("threshold_\(i)", a.key == "digital" ? "70" : "60")]
            }
            let saved = try await admin.post("/people/catalogue/areas", form: form)
            #expect(saved.status == .seeOther)
            let deficits = try await PeopleData.load(municipalityID: municipality.id!, on: app.db).deficits(of: key)
            #expect(deficits.map(\.area) == ["digital"])
            #expect(deficits.first?.threshold == 70)
        }
    }
}
