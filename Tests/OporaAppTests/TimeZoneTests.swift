import Fluent
import Foundation
@testable import OporaApp
import OporaDomain
import Testing
import Vapor

/// A region over several time zones: each municipality's «today» is its own.
@Suite struct TimeZoneTests {
    @Test func aMunicipalityWithItsOwnZoneHasItsOwnToday() async throws {
        // 31.12.2025 15:30 UTC: still the 31st in Moscow (18:30), already 01.01.2026 in Yakutsk (00:30).
        let instant = Date(timeIntervalSince1970: 1_767_195_000)
        var config = AppConfig(database: .sqliteMemory)
        config.now = { instant }
        #expect(config.today(in: TimeZone(identifier: "Europe/Moscow")) == Day(year: 2025, month: 12, day: 31))
        #expect(config.today(in: TimeZone(identifier: "Asia/Yakutsk")) == Day(year: 2026, month: 1, day: 1))
        #expect(AppConfig(database: .sqliteMemory, pinnedToday: Day(year: 2022, month: 10, day: 1)).today(in: TimeZone(identifier: "Asia/Yakutsk"))
            == Day(year: 2022, month: 10, day: 1), "a pinned day stays pinned")

        try await withDemoApp { app in
            let municipality = try await Municipality.query(on: app.db).filter(\.$name == "Балаганский район").first()!
            #expect(try await Launcher.setTimeZone(app, municipality: municipality.name, zone: "Asia/Yakutsk").contains("Asia/Yakutsk"))
            await #expect(throws: Launcher.CommandError.self) { try await Launcher.setTimeZone(app, municipality: municipality.name, zone: "Mars/Olympus") }
            let user = try await CurrentUser(try await Fixtures.user("metodist", app)).withTimeZone(on: app.db)
            #expect(user.timeZone?.identifier == "Asia/Yakutsk")
            let regional = try await CurrentUser(try await Fixtures.user("region", app)).withTimeZone(on: app.db)
            #expect(regional.timeZone == nil)
            _ = try await Launcher.setTimeZone(app, municipality: municipality.name, zone: nil)
            #expect(try await CurrentUser(try await Fixtures.user("metodist", app)).withTimeZone(on: app.db).timeZone == nil)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "municipality.timeZone").count() == 2)
        }
    }
}
