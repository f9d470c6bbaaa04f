import Fluent
import Foundation
@testable import OporaApp
import OporaDomain
import SQLKit
import Testing
import Vapor

@Suite struct CrashSafetyTests {
    /// The `opora` executable built beside the tests.
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("opora")
    }

    @Test func anImportKilledMidFileLeavesTheDatabaseAsItWas() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("opora-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build the opora executable first")
        // setup: a database of its own with the demo; on PostgreSQL a database of its own on the test server
        var databaseURL = "sqlite://" + dir.appendingPathComponent("opora.sqlite").path
        var dropDatabase: (() async throws -> Void)?
        if isPostgres, let server = ProcessInfo.processInfo.environment["OPORA_TEST_DATABASE_URL"], let base = URL(string: server) {
            let name = "crash_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            let admin = try await Launcher.makeApp(AppConfig(database: .postgres(url: server, schema: nil)))
            try await (admin.db as! any SQLDatabase).raw("CREATE DATABASE \(ident: name)").run()
            try await admin.asyncShutdown()
            databaseURL = server.replacingOccurrences(of: base.path, with: "/" + name)
            dropDatabase = {
                let admin = try await Launcher.makeApp(AppConfig(database: .postgres(url: server, schema: nil)))
                try await (admin.db as! any SQLDatabase).raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run()
                try await admin.asyncShutdown()
            }
        }
        let config = AppConfig(database: try AppConfig.parseDatabaseURL(databaseURL, defaultSQLitePath: ""), today: { Launcher.demoToday }, bcryptCost: 4)
        var app = try await Launcher.makeApp(config)
        try await app.autoMigrate()
        try await DemoData.seed(app)
        let schema: String? = isPostgres ? "public" : nil
        let before = try await BackupTests.snapshot(app.db as! any SQLDatabase, schema: schema)
        try await app.asyncShutdown()
        // a file of 160,000 good rows, so that writing takes a while
        var csv = "year,kind,grade,subject,school_code,participants,fails\n"
        for n in 0..<20_000 { for s in 1...8 { csv += "2023,vpr,5,предмет \(n),bal-0\(s),20,2\n" } }
        let file = dir.appendingPathComponent("results.csv")
        try Data(csv.utf8).write(to: file)

        // act: the import, killed with SIGKILL once it reports rows written
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["import", "results", file.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["OPORA_DATABASE_URL": databaseURL]) { _, new in new }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var seen = ""
        while process.isRunning {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
            if seen.contains("записано ") { kill(process.processIdentifier, SIGKILL); break }
        }
        process.waitUntilExit()
        // check: it was killed mid-file, and every table is as it was
        #expect(seen.contains("записано "), "the import never reported writing: \(seen.suffix(500))")
        #expect(!seen.contains("записано 160000 из 160000"))
        #expect(process.terminationReason == .uncaughtSignal)
        app = try await Launcher.makeApp(config)
        let after = try await BackupTests.snapshot(app.db as! any SQLDatabase, schema: schema)
        try await app.asyncShutdown()
        try await dropDatabase?()
        #expect(after.keys.sorted() == before.keys.sorted())
        for (table, rows) in before { #expect(after[table] == rows, "\(table)") }
    }
}
