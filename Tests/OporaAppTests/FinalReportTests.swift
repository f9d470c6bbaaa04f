import Fluent
@testable import OporaApp
import OporaDomain
import Testing
import Vapor
import VaporTesting

/// The closing report: the demo programme closed on the demo's day.
@Suite struct FinalReportTests {
    @Test func closingMarksWhatIsOpenAsNotDoneAndTheReportNamesSchoolsThatLeftOrEntered() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            let programme = try #require(try await Programme.query(on: app.db).first())
            let municipal = try await Measure.query(on: app.db).filter(\.$programme.$id == programme.id!).filter(\.$school.$id == nil).all()
            let open = municipal.filter { $0.status.isOpen }.count
            let done = municipal.filter { $0.status == .done }.count
            #expect(open > 0 && municipal.count == 46)
            var admin = WebClient(app)
            try await admin.login("admin")
            let preview = try await admin.get("/programmes/\(programme.id!.uuidString)/final-report")
            #expect(preview.status == .ok && preview.body.contains("(предварительный)") && !preview.body.contains("Не выполнено"))

            let closed = try await admin.post("/programmes/\(programme.id!.uuidString)/close", form: [("reason", "")])
            #expect(closed.status == .seeOther && closed.location == "/programmes/\(programme.id!.uuidString)/final-report")
            let page = try await admin.get(closed.location!)
            #expect(page.body.contains("выполнено \(done) из 46, не выполнено \(open)"))
            #expect(page.body.components(separatedBy: ">Не выполнено<").count - 1 == open)
            // The demo's four low schools of the year before improve: the report says who left.
            let report = try await FinalReport.make(try #require(try await Programme.find(programme.id, on: app.db)), today: Launcher.demoToday,
                                                    cache: app.monitoringCache, on: app.db)
            let left = report.schools.filter { $0.change == .left }.map(\.name)
            #expect(page.body.contains("вышли из НРО/НСУ — \(left.isEmpty ? "никто" : left.map(HTMLEscape.text).joined(separator: ", "))"))
            #expect(report.categoryYears.first == programme.startYear - 1)
            #expect(report.indicators.count == 5 && report.indicators.allSatisfy { $0.years.map(\.year) == Array(programme.years) })

            // A school user does not read the municipality's report.
            var school = WebClient(app)
            try await school.login("biritskaya")
            #expect(try await school.get("/programmes/\(programme.id!.uuidString)/final-report").status == .forbidden)
        }
    }

    @Test(.enabled(if: ReportTests.canOpenWorkbooks)) func theFinalWorkbookOpensInLibreOffice() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            let programme = try #require(try await Programme.query(on: app.db).first())
            var admin = WebClient(app)
            try await admin.login("admin")
            #expect(try await admin.post("/programmes/\(programme.id!.uuidString)/close", form: [("reason", "")]).status == .seeOther)
            let r = try await app.testing().sendRequest(.GET, "/programmes/\(programme.id!.uuidString)/final-report.xlsx", headers: ["Cookie": admin.cookie ?? ""])
            #expect(r.status == .ok)
            let measures = try ReportTests.csvLines(of: Array(r.body.readableBytesView), sheet: 2)
            #expect(measures.count == 47 && measures[0].hasPrefix("Направление,Мероприятие"))
            let open = try await Measure.query(on: app.db).filter(\.$programme.$id == programme.id!).filter(\.$school.$id == nil)
                .filter(\.$status ~~ [.planned, .inProgress]).count()
            #expect(measures.filter { $0.contains(",Не выполнено,") }.count == open)
            let schools = try ReportTests.csvLines(of: Array(r.body.readableBytesView), sheet: 4)
            #expect(schools.count == 9 && schools[0].hasPrefix("Школа,Участвует"))
        }
    }
}
