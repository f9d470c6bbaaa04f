import Fluent
import Foundation
@testable import OporaApp
import OporaDomain
import Testing
import Vapor
import VaporTesting

/// Pages keep a municipality's monitoring between requests; a change must show on the next one.
@Suite struct MonitoringCacheTests {
    func category(of schoolID: UUID, in page: String) -> String? {
        WebClient.firstMatch(in: page, "/schools/\(schoolID.uuidString)\\?year=2022\">[^<]*</a></th><td[^>]*><span class=\"cat c-(\\w+)\"")
    }

    @Test func resultsImportedAfterAVisitChangeTheMonitoringPageOnTheNextOne() async throws {
        try await withDemoApp { app in
            var web = WebClient(app)
            _ = try await web.login("metodist")
            let municipalityID = try await Fixtures.school("bal-01", app).$municipality.id
            let version = try await Methodology.current(municipalityID: municipalityID, on: app.db)
            let before = try await MonitoringData.load(municipalityID: municipalityID, on: app.db).identify(year: 2022, parameters: version.parameters, pool: nil)
            // A school of no category, with two procedures of five or more participants in both 2021 and 2022.
            var chosen: (school: School, rows: [ResultRecord])?
            for a in before.schools where a.category == .none && chosen == nil {
                let rows = try await ResultRecord.query(on: app.db).filter(\.$schoolCode == a.schoolCode).filter(\.$year ~~ [2021, 2022])
                    .filter(\.$participants >= 5).all()
                let both = Dictionary(grouping: rows, by: { $0.domain.procedure }).values.filter { $0.count == 2 }.prefix(2)
                if both.count == 2 { chosen = (try await Fixtures.school(a.schoolCode, app), both.flatMap { $0 }) }
            }
            let (school, rows) = try #require(chosen)
            let first = try await web.get("/monitoring?year=2022")
            #expect(category(of: school.id!, in: first.body) == "none")

            // Every participant of those rows failed: two low procedures in each of the two years make НРО.
            let csv = (["year,kind,grade,subject,school_code,participants,fails"] + rows.map {
                "\($0.year),\($0.kind.rawValue),\($0.grade),\($0.subject),\($0.schoolCode),\($0.participants),\($0.participants)"
            }).joined(separator: "\n")
            let result = try await ImportService.run(kind: .results, fileName: "fails.csv", bytes: Array(csv.utf8), municipalityID: municipalityID,
                                                     user: nil, write: true, today: app.opora.today(), on: app.db)
            #expect(try result.get().replaced.count == 4)

            let second = try await web.get("/monitoring?year=2022")
            let now = category(of: school.id!, in: second.body)
            #expect(now == SchoolCategory.lowResults.rawValue || now == SchoolCategory.lowResultsAndAdverse.rawValue)
            // The import changed the stamp every instance compares its cache with.
            let stamp = try await MonitoringStamp.current(municipalityID: municipalityID, on: app.db)
            #expect(stamp != nil)
        }
    }

    @Test func aChangeListCountsEveryRowButKeepsTheFirstFewLines() {
        var list = ChangeList()
        for i in 1...1_000 { list.append("строка \(i)") }
        #expect(list.count == 1_000)
        #expect(list.lines.count == ChangeList.shownLines)
        #expect(list.lines.last == "строка \(ChangeList.shownLines)")
        #expect(list.summary.hasSuffix("…и ещё 800"))
    }
}
