import Fluent
import Foundation
@testable import OporaApp
import OporaDomain
import SQLKit
import Testing
import Vapor

@Suite struct BackupTests {
    /// Every row of every table as text, sorted per table: two databases with the same snapshot hold the same data.
    static func snapshot(_ db: any SQLDatabase, schema: String?) async throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        if let schema {
            let tables = try await db.raw("SELECT table_name FROM information_schema.tables WHERE table_schema = \(bind: schema) AND table_type = 'BASE TABLE'").all()
                .map { try $0.decode(column: "table_name", as: String.self) }
            for t in tables {
                result[t] = try await db.raw("SELECT x::text AS row FROM \(ident: schema).\(ident: t) AS x").all().map { try $0.decode(column: "row", as: String.self) }.sorted()
            }
        } else {
            let tables = try await db.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all()
                .map { try $0.decode(column: "name", as: String.self) }
            for t in tables {
                let columns = try await db.raw("SELECT name FROM pragma_table_info(\(bind: t))").all().map { try $0.decode(column: "name", as: String.self) }
                let expression = columns.map { "quote(\"\($0)\")" }.joined(separator: " || '|' || ")
                result[t] = try await db.raw("SELECT \(unsafeRaw: expression) AS row FROM \(ident: t)").all().map { try $0.decode(column: "row", as: String.self) }.sorted()
            }
        }
        return result
    }

    @Test func aBackupRestoredIntoAnEmptyDatabaseHoldsEveryRowOfEveryTable() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("opora-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = ProcessInfo.processInfo.environment["OPORA_TEST_DATABASE_URL"] ?? ""
        let schema = isPostgres ? "b_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased() : nil
        let config = AppConfig(database: isPostgres ? .postgres(url: url, schema: schema) : .sqliteFile(dir.appendingPathComponent("opora.sqlite").path),
                               today: { Launcher.demoToday }, bcryptCost: 4)
        // setup: a database with the demo and a practice's file in it
        var app = try await Launcher.makeApp(config)
        if let schema { try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA \(ident: schema)").run() }
        try await app.autoMigrate()
        try await DemoData.seed(app)
        let before = try await Self.snapshot(app.db as! any SQLDatabase, schema: schema)
        try await app.asyncShutdown()
        #expect(before["measures"]?.count ?? 0 > 200)
        #expect(before["support_plans"]?.isEmpty == false)

        // act: back up; the same name twice is refused
        let file = dir.appendingPathComponent("backup.opora").path
        _ = try await Launcher.backup(config, to: file)
        await #expect(throws: Launcher.BackupError.self) { _ = try await Launcher.backup(config, to: file) }

        // restore into an empty database: a new file, or the schema dropped
        var target = config
        if let schema {
            app = try await Launcher.makeApp(config)
            try await (app.db as! any SQLDatabase).raw("DROP SCHEMA \(ident: schema) CASCADE").run()
            try await app.asyncShutdown()
        } else {
            target.database = .sqliteFile(dir.appendingPathComponent("restored.sqlite").path)
            // a file that is not a backup is refused and leaves nothing behind
            let junk = dir.appendingPathComponent("junk.opora")
            try Data("not a database".utf8).write(to: junk)
            await #expect(throws: Launcher.BackupError.self) { _ = try await Launcher.restore(target, from: junk.path) }
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("restored.sqlite").path))
        }
        _ = try await Launcher.restore(target, from: file)

        // check: every table, every row
        app = try await Launcher.makeApp(target)
        let after = try await Self.snapshot(app.db as! any SQLDatabase, schema: schema)
        if let schema { try await (app.db as! any SQLDatabase).raw("DROP SCHEMA \(ident: schema) CASCADE").run() }
        try await app.asyncShutdown()
        #expect(after.keys.sorted() == before.keys.sorted())
        for (table, rows) in before { #expect(after[table] == rows, "\(table)") }
    }
}

@Suite struct SetupTests {
    @Test func setupMakesAMunicipalityWithTheBuiltInProgrammeOnAnEmptyDatabase() async throws {
        try await withDemoApp(seed: false) { app in
            let said = try await Launcher.setup(app, region: "Иркутская область", municipality: "Эхирит-Булагатский район")
            #expect(said.contains("is ready with a draft programme for \(testToday.year)–\(testToday.year + 2)"))
            let municipality = try #require(try await Municipality.query(on: app.db).filter(\.$name == "Эхирит-Булагатский район").first())
            #expect(!municipality.isDemo)
            let programme = try #require(try await Programme.query(on: app.db).filter(\.$municipality.$id == municipality.id!).first())
            #expect(try await Measure.query(on: app.db).filter(\.$programme.$id == programme.id!).count() == 46)
            // The template made into this municipality's programme for its own years, a draft to check first.
            #expect(programme.status == .draft && programme.startYear == testToday.year && programme.endYear == testToday.year + 2)
            #expect(programme.name.contains("Эхирит-Булагатский район") && !programme.name.contains("Балаганск"))
            #expect(!programme.passportJSON.contains("Балаганск") && !programme.analysisJSON.contains("Балаганск"))
            // the same again is refused; a user can now be added to it
            await #expect(throws: Launcher.CommandError.self) { _ = try await Launcher.setup(app, region: "Иркутская область", municipality: "Эхирит-Булагатский район") }
            _ = try await Launcher.addUser(app, login: "eb-admin", fullName: "Администратор", role: .admin, schoolCode: nil,
                                           municipalityName: "Эхирит-Булагатский район", password: "пароль-достаточной-длины")
            #expect(try await User.query(on: app.db).filter(\.$login == "eb-admin").count() == 1)
        }
    }
}
