import Fluent
import FluentPostgresDriver
import Foundation
import OporaDomain
import Vapor

/// What the `opora` executable does, kept in the library so tests can run it.
public enum Launcher {
    /// Logging can be set up once per process; `demo` builds two apps in a row.
    private static let loggingOnce: Void = {
        var env = Environment(name: "production", arguments: ["opora"])
        try? LoggingSystem.bootstrap(from: &env)
    }()

    /// Builds a configured app; the caller must `asyncShutdown()` it.
    public static func makeApp(_ config: AppConfig, arguments: [String] = ["opora"]) async throws -> Application {
        _ = loggingOnce
        let app = try await Application.make(Environment(name: "production", arguments: arguments))
        do {
            try await configure(app, config)
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        return app
    }

    /// The one way a command uses the database: a configured app, migrated unless told not to,
    /// shut down after `body` whether it succeeded or not.
    public static func withApp<T>(_ config: AppConfig, arguments: [String] = ["opora"], migrate: Bool = true,
                                  _ body: (Application) async throws -> T) async throws -> T {
        let app = try await makeApp(config, arguments: arguments)
        let value: T
        do {
            if migrate { try await migrateUnderLock(app, config) }
            value = try await body(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
        return value
    }

    /// Brings the database up to date. PostgreSQL: under an advisory lock, on a connection of its own,
    /// so that of several instances starting at once one migrates and the others wait, then find
    /// nothing to do. An SQLite file is put in WAL mode (kept in the file), so a long import in one
    /// process does not block the pages another serves.
    static func migrateUnderLock(_ app: Application, _ config: AppConfig) async throws {
        switch config.database {
        case .sqliteMemory:
            try await app.autoMigrate()
        case .sqliteFile:
            try await (app.db as! any SQLDatabase).raw("PRAGMA journal_mode=WAL").run()
            try await app.autoMigrate()
        case .postgres(let url, let schema):
            var pg = try SQLPostgresConfiguration(url: url)
            if let schema { pg.searchPath = [schema] }
            let connection = try await PostgresConnection.connect(on: app.eventLoopGroup.any(), configuration: pg.coreConfiguration,
                                                                  id: 0, logger: app.logger).get()
            do {
                try await connection.query("SELECT pg_advisory_lock(\(migrationLock))", logger: app.logger)
                try await app.autoMigrate()
                try await connection.query("SELECT pg_advisory_unlock(\(migrationLock))", logger: app.logger)
            } catch {
                try? await connection.close()
                throw error
            }
            try await connection.close()
        }
    }

    /// The advisory lock's key: «OPORA» in ASCII.
    static let migrationLock: Int64 = 0x4F_50_4F_52_41

    public static func serve(_ config: AppConfig, hostname: String, port: Int, banner: String? = nil) async throws {
        try await withApp(config, arguments: ["opora", "serve", "--hostname", hostname, "--port", String(port)]) { app in
            if let banner { print(banner) }
            app.lifecycle.use(ReminderTimer())
            try await app.execute()
        }
    }

    public static func migrate(_ config: AppConfig) async throws {
        try await withApp(config) { _ in }
    }

    /// The day the demo lives on: the last autumn of the programme, when every year has results.
    public static let demoToday = DemoCalendar.day(2, 10, 1)

    /// A fresh demo database of its own, never the working one, then the server.
    public static func demo(path: String, hostname: String, port: Int) async throws {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
        let config = AppConfig(database: .sqliteFile(path), pinnedToday: demoToday)
        try await withApp(config) { app in try await DemoData.seed(app, successor: true) }
        let logins = DemoData.logins.map { "  \($0.login.padding(toLength: 14, withPad: " ", startingAt: 0)) \(DemoData.password)   (\($0.role.rawValue): \($0.description))" }
        let banner = """
        Opora demo: http://\(hostname == "0.0.0.0" ? "127.0.0.1" : hostname):\(port)/
        Database: \(path) (demo data, recreated on every start; the demo's today is \(demoToday.russian))
        Demo logins (login, password):
        \(logins.joined(separator: "\n"))
        """
        try await serve(config, hostname: hostname, port: port, banner: banner)
    }

    public enum UserAddError: Error, CustomStringConvertible {
        case problem(String)
        public var description: String {
            switch self { case .problem(let s): return s }
        }
    }

    /// Adds a user; returns the password (generated when none is given). A school user belongs to
    /// `--school`; a regional user to `--region`; everyone else to `--municipality` (or the only one).
    @discardableResult
    public static func addUser(_ app: Application, login: String, fullName: String, role: Role, schoolCode: String?,
                               municipalityName: String?, regionName: String? = nil, password: String?) async throws -> String {
        let db = app.db
        let place: UserAccounts.Place
        if role.worksForOneSchool {
            guard regionName == nil else { throw UserAddError.problem("--region is not for --role school") }
            let schools = try await schoolCode.asyncFlatMap { try await School.query(on: db).filter(\.$code == $0).all() } ?? []
            guard let school = schools.first else { throw UserAddError.problem("a school user needs --school CODE of an existing school") }
            guard schools.count == 1 else { throw UserAddError.problem("school code \(schoolCode ?? "") is used in \(schools.count) municipalities") }
            place = .school(school)
        } else if let regionName {
            if schoolCode != nil || municipalityName != nil { throw UserAddError.problem("a regional user has --region only, no --school or --municipality") }
            guard let region = try await Region.query(on: db).filter(\.$name == regionName).first() else {
                throw UserAddError.problem("no region named \(regionName)")
            }
            place = .region(try region.requireID())
        } else {
            if schoolCode != nil { throw UserAddError.problem("--school is only for --role school") }
            let municipalities = try await Municipality.query(on: db).all()
            if let name = municipalityName {
                guard let m = municipalities.first(where: { $0.name == name }) else { throw UserAddError.problem("no municipality named \(name)") }
                place = .municipality(try m.requireID())
            } else if municipalities.count == 1 {
                place = .municipality(try municipalities[0].requireID())
            } else {
                throw UserAddError.problem("name the municipality with --municipality (there are \(municipalities.count)) or the region with --region")
            }
        }
        let new = UserAccounts.NewUser(login: login, fullName: fullName, role: role, place: place, password: password)
        switch try await db.transaction({ db in try await UserAccounts.create(new, by: nil, hasher: app.password.async, on: db) }) {
        case .success(let used): return used
        case .failure(let errors): throw UserAddError.problem(errors.all.joined(separator: " "))
        }
    }
}
