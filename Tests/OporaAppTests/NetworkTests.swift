import Fluent
import Foundation
import NIOCore
@testable import OporaApp
import OporaDomain
import Testing
import Vapor
import VaporTesting

@Suite struct NetworkAppTests {
    @Test func aRiskProfileLeadsToARecommendationWhoseMeasureShowsDoneOnTheCyclePage() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            // setup: Кумарейская СОШ, НРО in the demo; a planned measure of its own plan
            let school = try await Fixtures.school("bal-04", app)
            let measure = try await Fixtures.schoolMeasure("bal-04", status: .planned, app)
            var client = WebClient(app)
            try await client.login("metodist")
            // the profile suggests factors with the rows behind them
            let profile = try await RiskProfile.load(school: school, year: 2022, on: app.db)
            #expect(profile.factors.count == 10)
            let risky = try #require(profile.factors.first { ($0.suggestion.level?.rank ?? 0) >= 2 && !$0.suggestion.rows.isEmpty })
            let page = try await client.get("/schools/\(school.id!.uuidString)/risks?year=2022")
            #expect(page.status == .ok)
            #expect(page.body.contains("Из каких строк"))
            #expect(page.body.contains(HTMLEscape.text(risky.suggestion.rows[0])))

            // act 1: a recommendation from the risky factor, carried out by the measure
            let made = try await client.post("/schools/\(school.id!.uuidString)/recommendations", form: [
                ("year", "2022"), ("factor", risky.factor.key), ("text", "Провести стажировку учителей в школе-партнёре"),
                ("measures[]", measure.id!.uuidString),
            ])
            #expect(made.status == .seeOther)
            let rec = try #require(try await Recommendation.query(on: app.db).filter(\.$school.$id == school.id!).with(\.$measures)
                .filter(\.$text == "Провести стажировку учителей в школе-партнёре").first())
            #expect(rec.measures.map(\.id) == [measure.id])
            var cycle = try await client.get("/cycle?year=2022")
            #expect(cycle.body.contains("«\(HTMLEscape.text(measure.name))» — запланировано"))

            // act 2: the measure is done
            _ = try await client.get("/measures/\(measure.id!.uuidString)")
            let done = try await client.postMultipart("/measures/\(measure.id!.uuidString)", form: [
                ("status", "done"), ("completedOn", "28.09.2022"), ("completedBy", "Кузнецова О. В."), ("evidenceLink", "https://example.org/protocol"),
            ], file: nil)
            #expect(done.status == .seeOther)
            // check: the cycle page shows the completion under «Меры», and the recommendation's step is not a gap
            cycle = try await client.get("/cycle?year=2022")
            #expect(cycle.body.contains("По рекомендации школе «Кумарейская СОШ»: «\(HTMLEscape.text(measure.name))» — выполнено 28.09.2022."))
            #expect(!cycle.body.contains("6. Адресные рекомендации — пробел"))
            #expect(!cycle.body.contains("7. Меры — пробел"))
        }
    }

    @Test func aLevelOtherThanTheSuggestionNeedsACommentAndOnlyMethodistsAssess() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            let school = try await Fixtures.school("bal-04", app)
            let profile = try await RiskProfile.load(school: school, year: 2022, on: app.db)
            let factor = try #require(profile.factors.first { $0.suggestion.level == .high || $0.suggestion.level == .medium })
            var client = WebClient(app)
            try await client.login("metodist")
            _ = try await client.get("/schools/\(school.id!.uuidString)/risks?year=2022")
            let path = "/schools/\(school.id!.uuidString)/risks"
            let refused = try await client.post(path, form: [("year", "2022"), ("factor", factor.factor.key), ("level", "none"), ("comment", "")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("напишите, почему"))
            #expect(try await RiskAssessment.query(on: app.db).filter(\.$school.$id == school.id!).filter(\.$factor == factor.factor.key).count() == 0)
            let saved = try await client.post(path, form: [("year", "2022"), ("factor", factor.factor.key), ("level", "none"), ("comment", "Вакансия закрыта 01.09.2022")])
            #expect(saved.status == .seeOther)
            let a = try #require(try await RiskAssessment.query(on: app.db).filter(\.$school.$id == school.id!).filter(\.$factor == factor.factor.key).first())
            #expect(a.level == "none")
            #expect(a.suggestedLevel == factor.suggestion.level?.rawValue)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "risk.assess").filter(\.$entityID == a.id!).count() == 1)
            // a school user may read the own school's profile but not assess it, nor read another school's
            var coordinator = WebClient(app)
            try await coordinator.login("kumareyskaya")
            #expect(try await coordinator.get("/schools/\(school.id!.uuidString)/risks").status == .ok)
            let attempt = try await coordinator.post(path, form: [("year", "2022"), ("factor", factor.factor.key), ("level", "high"), ("comment", "x")])
            #expect(attempt.status == .forbidden)
            let other = try await Fixtures.school("bal-03", app)
            #expect(try await coordinator.get("/schools/\(other.id!.uuidString)/risks").status == .forbidden)
            #expect(try await coordinator.get("/decisions").status == .forbidden)
            #expect(try await RiskAssessment.find(a.id, on: app.db)!.level == "none")
        }
    }

    @Test func aPracticeFoundByOneWordFormIsFoundByTheOthers() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            // setup: a practice typed in through the form
            var client = WebClient(app)
            try await client.login("metodist")
            _ = try await client.get("/practices/new")
            let saved = try await client.postMultipart("/practices/new", form: [
                ("title", "Сетевые стажировки для молодых учителей"), ("authors", "Методисты ЦРО"),
                ("description", "Молодые учителя проходят стажировки в сильных школах района."),
                ("results", "Выросла мотивация молодых педагогов к профессиональному росту."), ("evidence", "Анкетирование"),
                ("evidence_level", "promising"), ("directions[]", "1.2"), ("factors[]", "competence"),
            ], file: nil)
            #expect(saved.status == .seeOther)
            let municipality = try await Municipality.query(on: app.db).first()!
            // act and check: every form finds it, in SQL on this database, and an unrelated word does not
            for q in ["стажировка", "стажировки", "стажировкой", "Стажировку", "мотивации", "мотивация", "мотивацию", "молодых учителей"] {
                let found = try await Practices.find(.init(text: q), municipalityIDs: [municipality.id!], publicOnly: false, on: app.db)
                #expect(found.contains { $0.title == "Сетевые стажировки для молодых учителей" }, "\(q)")
            }
            let none = try await Practices.find(.init(text: "олимпиада"), municipalityIDs: [municipality.id!], publicOnly: false, on: app.db)
            #expect(!none.contains { $0.title == "Сетевые стажировки для молодых учителей" })
            // and through the page, with a filter by risk factor
            let page = try await client.get("/practices?q=%D1%81%D1%82%D0%B0%D0%B6%D0%B8%D1%80%D0%BE%D0%B2%D0%BA%D0%BE%D0%B9&factor=competence")
            #expect(page.body.contains("Сетевые стажировки для молодых учителей"))
            let otherFactor = try await client.get("/practices?q=%D1%81%D1%82%D0%B0%D0%B6%D0%B8%D1%80%D0%BE%D0%B2%D0%BA%D0%BE%D0%B9&factor=parents")
            #expect(!otherFactor.body.contains("Сетевые стажировки для молодых учителей"))
            // a practice without direction or factor is refused and keeps what was typed
            let refused = try await client.postMultipart("/practices/new", form: [
                ("title", "Без направления"), ("authors", "А"), ("description", "Описание"), ("results", "Итог"), ("evidence_level", "promising"),
            ], file: nil)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("value=\"Без направления\""))
        }
    }

    @Test func thePublicPagesNeedNoLoginAndShowNothingPersonal() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            let client = WebClient(app)
            var anonymous = client
            // act
            let page = try await anonymous.get("/public")
            // check: open, light, without script
            #expect(page.status == .ok)
            #expect(page.body.utf8.count < 100_000)
            #expect(!page.body.lowercased().contains("<script"))
            #expect(page.body.contains("Успешные практики"))
            #expect(page.body.contains("Стажировки учителей математики"))
            #expect(!page.body.contains("Учимся вместе"))
            // nothing personal: no teacher, user or participant, no e-mail or phone number
            var personal: [String] = []
            for t in try await TeacherRecord.query(on: app.db).all() { personal.append(t.name) }
            for u in try await User.query(on: app.db).all() { personal.append(u.fullName); personal.append(u.login) }
            for p in try await SupportPlan.query(on: app.db).all() { personal.append(p.participantCode) }
            let text = page.body.replacingOccurrences(of: "&quot;", with: "\"")
            let leaked = personal.filter { text.contains(HTMLEscape.text($0)) }
            #expect(leaked.isEmpty, "\(leaked)")
            #expect(WebClient.firstMatch(in: page.body, #"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,})"#) == nil)
            #expect(WebClient.firstMatch(in: page.body, #"(\+7[\d\s()-]{10,})"#) == nil)
            // a count of under 5 people is «<5»: the demo parent meeting had 3
            #expect(page.body.contains("участников: &lt;5"))
            #expect(!page.body.contains("участников: 3"))
            // a public practice opens; a non-public one and its file do not
            let open = try await Practice.query(on: app.db).filter(\.$isPublic == true).first()!
            let closed = try await Practice.query(on: app.db).filter(\.$isPublic == false).first()!
            #expect(try await anonymous.get("/public/practices/\(open.id!.uuidString)").status == .ok)
            #expect(try await anonymous.get("/public/practices/\(closed.id!.uuidString)").status == .notFound)
            #expect(try await anonymous.get("/practices/\(open.id!.uuidString)").status != .ok)
        }
    }

    @Test func theResourceInventoryWritesTheChecklistOfIndicatorOne() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            let school = try await Fixtures.school("bal-03", app)
            let items = try await ChecklistItems.titles(municipalityID: school.$municipality.id, on: app.db)
            var client = WebClient(app)
            try await client.login("biritskaya")
            _ = try await client.get("/schools/\(school.id!.uuidString)/resources?year=2022")
            // act: everything available except the first item, which is published with a note
            var form: [(String, String)] = [("year", "2022"), ("state_0", "нет"), ("note_0", "нет провайдера в селе"), ("public_0", "да")]
            for i in 1..<(items.count + ResourceInventory.extraItems.count) { form.append(("state_\(i)", "есть")) }
            let saved = try await client.post("/schools/\(school.id!.uuidString)/resources", form: form)
            #expect(saved.status == .seeOther)
            // check: the checklist entry of the first item is «нет», the others «есть»; the inventory is audited
            let entries = try await ChecklistEntryRecord.query(on: app.db).filter(\.$school.$id == school.id!).filter(\.$year == 2022).all()
            #expect(entries.first { $0.item == items[0] }?.available == false)
            #expect(entries.filter { $0.item != items[0] }.allSatisfy { $0.available })
            let first = try #require(try await ResourceItem.query(on: app.db).filter(\.$school.$id == school.id!).filter(\.$year == 2022).filter(\.$item == items[0]).first())
            #expect(first.note == "нет провайдера в селе" && first.isPublic && !first.available)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "resources.save").count() >= 1)
            // the public page says what is missing
            var anonymous = WebClient(app)
            #expect(try await anonymous.get("/public").body.contains("Не хватает: \(HTMLEscape.text(items[0])) (нет провайдера в селе)"))
            // «не указано» is not «нет»: the item leaves the checklist instead of counting as missing
            _ = try await client.get("/schools/\(school.id!.uuidString)/resources?year=2022")
            var again = form.filter { $0.0 != "state_1" }
            again.append(("state_1", ""))
            #expect(try await client.post("/schools/\(school.id!.uuidString)/resources", form: again).status == .seeOther)
            let now = try await ChecklistEntryRecord.query(on: app.db).filter(\.$school.$id == school.id!).filter(\.$year == 2022).all()
            #expect(!now.contains { $0.item == items[1] })
            #expect(now.count == entries.count - 1)
            // another school's user cannot change it
            var other = WebClient(app)
            try await other.login("kumareyskaya")
            #expect(try await other.post("/schools/\(school.id!.uuidString)/resources", form: [("year", "2022")]).status == .forbidden)
        }
    }
}

@Suite struct NetworkAPITests {
    @Test func theRiskProfileAndPracticesAreInTheAPIWithThePagesPermissions() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            let own = try await Fixtures.school("bal-04", app)
            let other = try await Fixtures.school("bal-03", app)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: try await Fixtures.apiToken(for: "kumareyskaya", app))
            // the own school's profile: ten factors, each with its reason
            let r = try await app.testing().sendRequest(.GET, "/api/v1/schools/\(own.id!.uuidString)/risk-profile?year=2022", headers: headers)
            #expect(r.status == .ok)
            let profile = try r.content.decode(Components.Schemas.RiskProfile.self)
            #expect(profile.factors.count == 10)
            #expect(profile.factors.allSatisfy { !$0.reason.isEmpty })
            // another school's is refused
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/schools/\(other.id!.uuidString)/risk-profile", headers: headers).status == .forbidden)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/schools/\(other.id!.uuidString)/recommendations", headers: headers).status == .forbidden)
            // practices by another word form
            let p = try await app.testing().sendRequest(.GET, "/api/v1/practices?q=%D1%81%D1%82%D0%B0%D0%B6%D0%B8%D1%80%D0%BE%D0%B2%D0%BA%D0%B0%D0%BC%D0%B8", headers: headers)
            let practices = try p.content.decode([Components.Schemas.Practice].self)
            #expect(practices.map(\.title) == ["Стажировки учителей математики на базе Балаганской СОШ № 1 (демо)"])
        }
    }
}

@Suite struct NetworkListsTests {
    @Test func theAdminAddsARiskFactorThatTheMethodistThenAssessesByHand() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            var admin = WebClient(app)
            try await admin.login("admin")
            _ = try await admin.get("/admin/risk-factors")
            var form: [(String, String)] = []
            for (i, f) in RiskFactors.defaults.enumerated() { form += [("key_\(i)", f.key), ("title_\(i)", f.title), ("directions_\(i)", f.directions.joined(separator: ", "))] }
            let bad = try await admin.post("/admin/risk-factors", form: form + [("new_title", "Удалённость от районного центра"), ("new_directions", "9.9")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("Нет таких направлений плана: 9.9."))
            let saved = try await admin.post("/admin/risk-factors", form: form + [("new_title", "Удалённость от районного центра"), ("new_directions", "4.4, 1.3")])
            #expect(saved.status == .seeOther)
            let school = try await Fixtures.school("bal-04", app)
            let profile = try await RiskProfile.load(school: school, year: 2022, on: app.db)
            let added = try #require(profile.factors.last)
            #expect(profile.factors.count == 11)
            #expect(added.factor.title == "Удалённость от районного центра" && added.factor.directions == ["4.4", "1.3"])
            #expect(added.suggestion.level == nil)
            var methodist = WebClient(app)
            try await methodist.login("metodist")
            #expect(try await methodist.post("/admin/risk-factors", form: form).status == .forbidden)
            _ = try await methodist.get("/schools/\(school.id!.uuidString)/risks?year=2022")
            let assessed = try await methodist.post("/schools/\(school.id!.uuidString)/risks", form: [("year", "2022"), ("factor", added.factor.key), ("level", "medium"), ("comment", "42 км по грунтовой дороге")])
            #expect(assessed.status == .seeOther)
        }
    }

    @Test func aPartnershipKeepsItsAgreementFileAndItsJointEvents() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            let a = try await Fixtures.school("bal-05", app)
            let b = try await Fixtures.school("bal-02", app)
            var client = WebClient(app)
            try await client.login("metodist")
            _ = try await client.get("/partnerships")
            let fake = try await client.postMultipart("/partnerships", form: [("school", a.id!.uuidString), ("partner_kind", "school"), ("partner_school", b.id!.uuidString), ("subject", "Обмен опытом")],
                                                      file: ("file", "соглашение.pdf", Array("<html>".utf8)))
            #expect(fake.status == .unprocessableEntity)
            #expect(try await Partnership.query(on: app.db).filter(\.$school.$id == a.id!).count() == 0)
            let saved = try await client.postMultipart("/partnerships", form: [
                ("school", a.id!.uuidString), ("partner_kind", "school"), ("partner_school", b.id!.uuidString), ("agreement_number", "7"),
                ("agreement_date", "01.09.2022"), ("term", "1 год"), ("subject", "Обмен опытом"),
            ], file: ("file", "соглашение.pdf", Fixtures.pdf))
            #expect(saved.status == .seeOther)
            let p = try #require(try await Partnership.query(on: app.db).filter(\.$school.$id == a.id!).first())
            let file = try await client.get("/partnerships/\(p.id!.uuidString)/file")
            #expect(file.status == .ok)
            #expect(file.headers.contentType?.description == "application/pdf")
            #expect(file.headers.first(name: .contentDisposition)?.hasPrefix("attachment;") == true)
            _ = try await client.get("/events")
            let event = try await client.post("/events", form: [("kind", "seminar"), ("title", "Совместный семинар"), ("date", "20.09.2022"),
                                                               ("partnership", p.id!.uuidString), ("organiser", "Шарагайская СОШ"), ("audience", "учителя")])
            #expect(event.status == .seeOther)
            #expect(try await client.get("/partnerships").body.contains("20.09.2022: Совместный семинар"))
        }
    }
}

@Suite struct PracticeFileTests {
    @Test func aPracticesFileIsCheckedStoredAndOpenOnlyWhereThePracticeIs() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            var client = WebClient(app)
            try await client.login("biritskaya")
            _ = try await client.get("/practices/new")
            let form = [("title", "Читательский марафон"), ("authors", "Библиотекарь школы"), ("description", "Марафон чтения"), ("results", "Читают больше"),
                        ("evidence_level", "rationale"), ("directions[]", "3.2")]
            let fake = try await client.postMultipart("/practices/new", form: form, file: ("file", "../../etc/passwd.pdf", Array("root:x:0:0".utf8)))
            #expect(fake.status == .unprocessableEntity)
            #expect(try await Practice.query(on: app.db).filter(\.$title == "Читательский марафон").count() == 0)
            let saved = try await client.postMultipart("/practices/new", form: form, file: ("file", "план.pdf", Fixtures.pdf))
            #expect(saved.status == .seeOther)
            let practice = try #require(try await Practice.query(on: app.db).filter(\.$title == "Читательский марафон").first())
            #expect(practice.$school.id == (try await Fixtures.school("bal-03", app)).id)
            let file = try #require(try await PracticeFile.query(on: app.db).filter(\.$practice.$id == practice.id!).first())
            #expect(try await client.get("/practice-files/\(file.id!.uuidString)").status == .ok)
            // not public: the open address refuses it; once public, it serves it
            var anonymous = WebClient(app)
            #expect(try await anonymous.get("/public/practice-files/\(file.id!.uuidString)").status == .notFound)
            practice.isPublic = true
            try await practice.save(on: app.db)
            #expect(try await anonymous.get("/public/practice-files/\(file.id!.uuidString)").status == .ok)
            // another school's coordinator may read the practice but not change it
            var other = WebClient(app)
            try await other.login("kumareyskaya")
            #expect(try await other.get("/practices/\(practice.id!.uuidString)").status == .ok)
            let change = try await other.postMultipart("/practices/\(practice.id!.uuidString)", form: form, file: nil)
            #expect(change.status == .forbidden)
        }
    }
}

@Suite struct NetworkPrivacyTests {
    @Test func observersAndOtherSchoolsSeeNoPeopleOrMonitoringThroughTheNetworkPages() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            let school = try await Fixtures.school("bal-03", app)
            let teacher = try await TeacherRecord.query(on: app.db).filter(\.$school.$id == school.id!).filter(\.$pedagogical == true).first()!
            // the methodist sees the teachers behind the competence factor; the observer sees its level only
            var methodist = WebClient(app)
            try await methodist.login("metodist")
            let full = try await methodist.get("/schools/\(school.id!.uuidString)/risks?year=2022")
            #expect(full.body.contains("(демо) — "))
            var observer = WebClient(app)
            try await observer.login("observer")
            let masked = try await observer.get("/schools/\(school.id!.uuidString)/risks?year=2022")
            #expect(masked.status == .ok)
            #expect(!masked.body.contains(HTMLEscape.text(teacher.name)))
            #expect(!masked.body.contains("(демо) — "))
            #expect(masked.body.contains("Основания видят школа, методисты и управление образования"))
            #expect(!masked.body.contains("Подтвердить"))
            let practices = try await observer.get("/practices")
            #expect(!practices.body.contains("Учителя математики Балаганской СОШ № 1 (демо)"))
            // a school user: no НРО list or composites of others, no other school's agreement
            var coordinator = WebClient(app)
            try await coordinator.login("kumareyskaya")
            let partnerships = try await coordinator.get("/partnerships")
            #expect(!partnerships.body.contains("Кого предложить в партнёры"))
            #expect(!partnerships.body.contains("сводный результат"))
            let agreement = try await Partnership.query(on: app.db).filter(\.$school.$id == school.id!).first()!
            agreement.fileID = UUID()
            agreement.fileName = "a.pdf"
            agreement.fileType = "application/pdf"
            try await FileBlob(id: agreement.fileID!, data: Data(Fixtures.pdf)).create(on: app.db)
            try await agreement.save(on: app.db)
            #expect(try await coordinator.get("/partnerships/\(agreement.id!.uuidString)/file").status == .forbidden)
            var own = WebClient(app)
            try await own.login("biritskaya")
            #expect(try await own.get("/partnerships/\(agreement.id!.uuidString)/file").status == .ok)
        }
    }
}

@Suite struct IndicatorPrivacyTests {
    @Test func anObserverSeesIndicatorTwoWithoutNamesAndSmallCountsMasked() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            let teacher = try await TeacherRecord.query(on: app.db).filter(\.$pedagogical == true).first()!
            var methodist = WebClient(app)
            try await methodist.login("metodist")
            #expect(try await methodist.get("/indicators/2/2022").body.contains(HTMLEscape.text(teacher.name)))
            var observer = WebClient(app)
            try await observer.login("observer")
            let page = try await observer.get("/indicators/2/2022")
            #expect(page.status == .ok)
            #expect(!page.body.contains(HTMLEscape.text(teacher.name)))
            #expect(page.body.contains("Строки о работниках и их курсах видят только внутри муниципалитета."))
        }
    }
}

@Suite struct APIBodyTests {
    @Test func aBodyThatDoesNotFitIs422AndAMissingOneIs415() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            let school = try await Fixtures.school("bal-03", app)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: try await Fixtures.apiToken(for: "metodist", app))
            let path = "/api/v1/schools/\(school.id!.uuidString)/at-risk-families"
            let none = try await app.testing().sendRequest(.PUT, path, headers: headers)
            #expect(none.status == .unsupportedMediaType)
            headers.contentType = .json
            for body in ["not json", #"{"year":2022}"#, #"{"year":2022,"families":"много"}"#, #"{"year":99999999999999999999,"families":1}"#] {
                let r = try await app.testing().sendRequest(.PUT, path, headers: headers, body: ByteBuffer(string: body))
                #expect(r.status == .unprocessableEntity, "\(body)")
                #expect(r.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            }
        }
    }
}
