import Fluent
import Foundation
@testable import OporaApp
import OporaDomain
import SQLKit
import Testing
import Vapor

/// The reference scope as a municipality chooses it on «Методика»: with `region`, the references of its
/// identification are pooled over every municipality of the region, and follow their changes.
@Suite struct ReferenceScopeAppTests {
    static let mathFour = Procedure(kind: .vpr, grade: 4, subject: "Математика")

    /// The demo's valid rows of `procedure` in `year`, summed here (not in SQL), REGION rows left out.
    static func demoCounts(_ app: Application, _ demo: UUID, year: Int) async throws -> (participants: Int, fails: Int) {
        let rows = try await app.monitoringCache.data(municipalityID: demo, on: app.db).rows
            .filter { $0.procedure == mathFour && $0.year == year && $0.participants >= 5 && $0.schoolCode != ResultRow.regionCode }
        return (rows.map(\.participants).reduce(0, +), rows.map(\.fails).reduce(0, +))
    }

    @Test func aMunicipalityComparingWithTheWholeRegionReadsTheNeighboursRows() async throws {
        try await withDemoApp { app in
            let neighbour = try await RegionFixture.neighbour(app)
            let demo = try #require(try await Municipality.query(on: app.db).filter(\.$isDemo == true).first()).id!
            var admin = WebClient(app)
            try await admin.login("admin")
            let page = try await admin.get("/methodology")
            #expect(page.body.contains(#"<option value="region">Все школы региона (всех его муниципалитетов)</option>"#))
            var form = Methodology.formValues(.defaults).filter { $0.key != "referenceScope" }.map { ($0.key, $0.value) }
            form.append(("comment", "Решение регионального совета"))
            let refused = try await admin.post("/methodology", form: form + [("referenceScope", "country")])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Выберите эталон из списка."))
            #expect(try await admin.post("/methodology", form: form + [("referenceScope", "region")]).status == .seeOther)
            #expect(try await Methodology.current(municipalityID: demo, on: app.db).parameters.referenceScope == .region)

            // The neighbour's rows of grade 4 mathematics: 20 + 20 + 10 participants, 1 + 2 + 5 fails.
            let year = try #require(try await app.monitoringCache.data(municipalityID: demo, on: app.db).years.last)
            let own = try await Self.demoCounts(app, demo, year: year)
            #expect(own.participants > 0)
            var identified = try #require(try await app.monitoringCache.identified(municipalityID: demo, year: year, on: app.db))
            var reference = try #require(identified.result.references.first { $0.procedure == Self.mathFour && $0.year == year })
            #expect(reference.source == .regionPooled)
            #expect(reference.participants == own.participants + 50 && reference.fails == own.fails + 8)
            // The command line reads the same pool: its answer is the pages' one.
            let pages = try await IdentificationReport.make(municipalityID: demo, year: year, masked: false, cache: app.monitoringCache, on: app.db)
            let command = try await IdentificationReport.oneShot(municipalityID: demo, year: year, explained: true, on: [app.db])
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            #expect(try encoder.encode(pages) == encoder.encode(command))
            let monitoring = try await admin.get("/monitoring")
            #expect(monitoring.body.contains("все школы региона (всех его муниципалитетов)"))

            // The region's pages say that the municipalities compare differently.
            var region = WebClient(app)
            try await region.login("region")
            let overview = try await region.get("/region")
            #expect(overview.body.contains("эталон успеваемости по методикам муниципалитетов разный"))
            #expect(overview.body.contains("все школы региона (всех его муниципалитетов) (муниципалитетов: 1)"))
            // The neighbour loses its rows: the demo's references follow at once, through the stamps.
            try await (app.db as! any SQLDatabase).delete(from: ResultRecord.schema).where("municipality_id", .equal, neighbour.id!).run()
            try await MonitoringStamp.bump(municipalityID: neighbour.id!, on: app.db)
            identified = try #require(try await app.monitoringCache.identified(municipalityID: demo, year: year, on: app.db))
            reference = try #require(identified.result.references.first { $0.procedure == Self.mathFour && $0.year == year })
            #expect(reference.participants == own.participants && reference.fails == own.fails)

            // The neighbour keeps the default: its own schools and the imported REGION rows.
            let other = try await Methodology.current(municipalityID: neighbour.id!, on: app.db)
            #expect(other.parameters.referenceScope == .imported)
        }
    }
}
