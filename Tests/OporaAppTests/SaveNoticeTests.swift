import Fluent
@testable import OporaApp
import OporaDomain
import Testing
import Vapor

/// Every save says so: after each form below the page the user is sent back to shows «Изменения
/// сохранены.» at the top, once.
@Suite struct SaveNoticeTests {
    /// Posts a form, follows the redirect and answers the notice the page shows ('' when none).
    static func notice(_ client: inout WebClient, _ path: String, _ form: [(String, String)]) async throws -> String {
        let saved = try await client.post(path, form: form)
        #expect(saved.status == .seeOther, "\(path): \(saved.status) \(saved.body.prefix(500))")
        let page = try await client.get(saved.location ?? "/")
        return WebClient.firstMatch(in: page.body, #"<p class="notice"[^>]*>([^<]*)</p>"#) ?? ""
    }

    @Test func theSchoolsContextResourcesRisksEventsDecisionsAndMethodologySaysSaved() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            let school = try await Fixtures.school("bal-03", app)
            let id = school.id!.uuidString
            var coordinator = WebClient(app)
            try await coordinator.login("biritskaya")
            _ = try await coordinator.get("/schools/\(id)")
            #expect(try await Self.notice(&coordinator, "/schools/\(id)/context", [("year", "2022"), ("low_income_share", "31%"), ("students", "140")]) == Notice.saved)
            let items = try await ChecklistItems.titles(municipalityID: school.$municipality.id, on: app.db)
            var resources: [(String, String)] = [("year", "2022")]
            for i in 0..<(items.count + ResourceInventory.extraItems.count) { resources.append(("state_\(i)", "есть")) }
            #expect(try await Self.notice(&coordinator, "/schools/\(id)/resources", resources) == Notice.saved)
            // The notice is shown once.
            let again = try await coordinator.get("/schools/\(id)/resources?year=2022")
            #expect(!again.body.contains(Notice.saved))

            var methodist = WebClient(app)
            try await methodist.login("metodist")
            _ = try await methodist.get("/events")
            let factor = try #require(try await RiskFactorList.load(municipalityID: school.$municipality.id, on: app.db).first)
            #expect(try await Self.notice(&methodist, "/schools/\(id)/risks", [("year", "2022"), ("factor", factor.key), ("level", "medium"),
                                                                                ("comment", "проверено на месте")]) == Notice.saved)
            #expect(try await Self.notice(&methodist, "/events", [("kind", "seminar"), ("title", "Семинар"), ("date", "20.09.2022"),
                                                                  ("organiser", "ИМЦ"), ("audience", "учителя")]) == Notice.saved)
            #expect(try await Self.notice(&methodist, "/decisions", [("date", "01.09.2022"), ("body", "Совет"), ("decision", "Решено"), ("basis", "Мониторинг")])
                    == Notice.saved)

            var admin = WebClient(app)
            try await admin.login("admin")
            _ = try await admin.get("/methodology")
            let form = Methodology.formValues(.defaults).map { ($0.key, $0.value) }.filter { $0.0 != "comment" } + [("comment", "Решение совета")]
            #expect(try await Self.notice(&admin, "/methodology", form) == Notice.saved)
        }
    }
}

/// One count of measures: the home page, the measures page, the report and the API say the same total
/// for the same programme, from the same query (`MeasureList`), with a cancelled measure among them.
@Suite struct MeasureCountTests {
    @Test func homeMeasuresReportAndAPIAgreeOnTheTotal() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            let programme = try #require(try await Programme.query(on: app.db).filter(\.$status == .active).first())
            let measure = try await Fixtures.municipalMeasure(app)
            measure.status = .cancelled
            measure.cancelReason = "Перенесено в план следующего года"
            try await measure.save(on: app.db)
            let all = try await Measure.query(on: app.db).filter(\.$programme.$id == programme.requireID()).count()
            let cancelled = try await Measure.query(on: app.db).filter(\.$programme.$id == programme.requireID()).filter(\.$status == .cancelled).count()
            #expect(cancelled >= 1)

            var methodist = WebClient(app)
            try await methodist.login("metodist")
            let home = try await methodist.get("/")
            #expect(home.body.contains("Всего: \(RussianNoun.measure.counted(all)),"), "\(home.body.prefix(2000))")
            #expect(home.body.contains("из \(all - cancelled) неотменённых (отменено \(cancelled))"))
            #expect(try await methodist.get("/measures").body.contains(">Всего: \(all)<"))
            let report = try await ReportData.make(programme: programme, year: 2022, today: Launcher.demoToday, cache: app.monitoringCache, on: app.db)
            #expect(report.sections.reduce(0) { $0 + $1.total } == all)
            #expect(report.plans.reduce(0) { $0 + $1.total } == all)
            let token = try await Fixtures.apiToken(for: "metodist", app)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token)
            let api = try await app.testing().sendRequest(.GET, "/api/v1/programmes/\(programme.requireID())/measures", headers: headers)
            let json = try JSONSerialization.jsonObject(with: Data(api.body.readableBytesView)) as? [String: Any]
            #expect(json?["total"] as? Int == all)
        }
    }
}
