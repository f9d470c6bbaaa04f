import Fluent
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
            if migrate { try await app.autoMigrate() }
            value = try await body(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
        return value
    }

    public static func serve(_ config: AppConfig, hostname: String, port: Int, banner: String? = nil) async throws {
        try await withApp(config, arguments: ["opora", "serve", "--hostname", hostname, "--port", String(port)]) { app in
            if let banner { print(banner) }
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

    /// Adds a user; returns the password (generated when none is given).
    @discardableResult
    public static func addUser(_ app: Application, login: String, fullName: String, role: Role, schoolCode: String?,
                               municipalityName: String?, password: String?) async throws -> String {
        let db = app.db
        let login = login.trimmingCharacters(in: .whitespaces).lowercased()
        guard !login.isEmpty, login.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) else {
            throw UserAddError.problem("login must be letters, digits, '.', '_' or '-'")
        }
        if try await User.query(on: db).filter(\.$login == login).first() != nil {
            throw UserAddError.problem("user \(login) already exists")
        }
        var schoolID: UUID?
        var municipalityID: UUID?
        if role.worksForOneSchool {
            guard let code = schoolCode, let school = try await School.query(on: db).filter(\.$code == code).first() else {
                throw UserAddError.problem("a school user needs --school CODE of an existing school")
            }
            schoolID = school.id
            municipalityID = school.$municipality.id
        } else {
            if schoolCode != nil { throw UserAddError.problem("--school is only for --role school") }
            let municipalities = try await Municipality.query(on: db).all()
            if let name = municipalityName {
                guard let m = municipalities.first(where: { $0.name == name }) else {
                    throw UserAddError.problem("no municipality named \(name)")
                }
                municipalityID = m.id
            } else if municipalities.count == 1 {
                municipalityID = municipalities[0].id
            } else {
                throw UserAddError.problem("name the municipality with --municipality (there are \(municipalities.count))")
            }
        }
        let password = password ?? String((0..<16).map { _ in "abcdefghjkmnpqrstuvwxyz23456789".randomElement()! })
        guard password.count >= 8 else { throw UserAddError.problem("password must have at least 8 characters") }
        let user = User(login: login, passwordHash: try await app.password.async.hash(password), fullName: fullName,
                        role: role, regionID: nil, municipalityID: municipalityID, schoolID: schoolID)
        let scope = municipalityID
        try await db.transaction { db in
            try await user.create(on: db)
            try await Audit.record(db, user: nil, action: "user.create", entityType: "user", entityID: user.id,
                                   municipalityID: scope, summary: "Добавлен пользователь \(login) (\(role.russian))",
                                   after: ["Логин": login, "Роль": role.russian])
        }
        return password
    }
}
