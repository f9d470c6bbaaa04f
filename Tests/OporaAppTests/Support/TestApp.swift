import Fluent
import Foundation
import NIOCore
@testable import OporaApp
import OporaDomain
import SQLKit
import Testing
import Vapor
import VaporTesting

/// The day every test lives on, unless it says otherwise.
let testToday = Day(year: 2021, month: 3, day: 1)!

/// Runs a test on a fresh app with the demo data: SQLite in memory by default; PostgreSQL when
/// `OPORA_TEST_DATABASE_URL` names one, each test then in a schema of its own, dropped afterwards.
func withDemoApp(today: Day = testToday, seed: Bool = true, config adjust: (inout AppConfig) -> Void = { _ in },
                 _ test: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    var schema: String?
    do {
        let database: AppConfig.DatabaseLocation
        if let url = ProcessInfo.processInfo.environment["OPORA_TEST_DATABASE_URL"], !url.isEmpty {
            let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            schema = name
            database = .postgres(url: url, schema: name)
        } else {
            database = .sqliteMemory
        }
        var config = AppConfig(database: database, today: { today }, bcryptCost: 4)
        adjust(&config)
        try await configure(app, config)
        if let schema {
            try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA \(ident: schema)").run()
        }
        try await app.autoMigrate()
        if seed { try await DemoData.seed(app) }
        try await test(app)
    } catch {
        try? await dropSchema(schema, app)
        try await app.asyncShutdown()
        throw error
    }
    try await dropSchema(schema, app)
    try await app.asyncShutdown()
}

private func dropSchema(_ schema: String?, _ app: Application) async throws {
    guard let schema else { return }
    try await (app.db as! any SQLDatabase).raw("DROP SCHEMA \(ident: schema) CASCADE").run()
}

var isPostgres: Bool { !(ProcessInfo.processInfo.environment["OPORA_TEST_DATABASE_URL"] ?? "").isEmpty }

/// A user agent with a cookie jar that reads each form's CSRF token, as a browser would.
struct WebClient {
    let app: Application
    /// Every cookie the server set and did not expire, by name.
    var cookies: [String: String] = [:]
    var csrf: String = ""
    /// The `Cookie` header a browser would send; nil when it holds none.
    var cookie: String? {
        cookies.isEmpty ? nil : cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
    }

    init(_ app: Application) { self.app = app }

    struct Page {
        var status: HTTPStatus
        var headers: HTTPHeaders
        var body: String
        var location: String? { headers.first(name: .location) }
    }

    mutating func get(_ path: String) async throws -> Page {
        var headers = HTTPHeaders()
        if let cookie { headers.add(name: .cookie, value: cookie) }
        let r = try await app.testing().sendRequest(.GET, path, headers: headers)
        return remember(r)
    }

    mutating func post(_ path: String, form: [(String, String)], withCSRF: Bool = true) async throws -> Page {
        var headers = HTTPHeaders()
        if let cookie { headers.add(name: .cookie, value: cookie) }
        headers.contentType = .urlEncodedForm
        let fields = (withCSRF ? [("_csrf", csrf)] : []) + form
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        let r = try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
        return remember(r)
    }

    /// A multipart form with one optional file, as the measure form sends it.
    mutating func postMultipart(_ path: String, form: [(String, String)], file: (field: String, name: String, bytes: [UInt8])?,
                                withCSRF: Bool = true) async throws -> Page {
        let boundary = "----opora-test-boundary"
        var body = ByteBuffer()
        for (k, v) in (withCSRF ? [("_csrf", csrf)] : []) + form {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n")
        }
        if let file {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            body.writeBytes(file.bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        var headers = HTTPHeaders()
        if let cookie { headers.add(name: .cookie, value: cookie) }
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        let r = try await app.testing().sendRequest(.POST, path, headers: headers, body: body)
        return remember(r)
    }

    private mutating func remember(_ r: TestingHTTPResponse) -> Page {
        for (name, value) in r.headers.setCookie?.all ?? [:] {
            if let expires = value.expires, expires < Date() { cookies[name] = nil } else { cookies[name] = value.string }
        }
        let body = r.body.string
        if let token = Self.firstMatch(in: body, #"name="_csrf" value="([^"]+)""#) { csrf = token }
        return Page(status: r.status, headers: r.headers, body: body)
    }

    /// Signs in through the login form.
    @discardableResult
    mutating func login(_ login: String, password: String = DemoData.password) async throws -> Page {
        _ = try await get("/login")
        let page = try await post("/login", form: [("login", login), ("password", password), ("next", "/")])
        if page.status == .seeOther || page.status == .found {
            _ = try await get(page.location ?? "/")
        }
        return page
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }

    static func firstMatch(in text: String, _ pattern: String) -> String? {
        guard let re = try? NSRegularExpression(pattern: pattern),
              let m = re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let r = Range(m.range(at: 1), in: text) else { return nil }
        return String(text[r])
    }

    static func allMatches(in text: String, _ pattern: String) -> [String] {
        guard let re = try? NSRegularExpression(pattern: pattern) else { return [] }
        return re.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}

/// Fixtures read straight from the database.
enum Fixtures {
    static func school(_ code: String, _ app: Application) async throws -> School {
        try await School.query(on: app.db).filter(\.$code == code).first()!
    }

    static func user(_ login: String, _ app: Application) async throws -> User {
        try await User.query(on: app.db).filter(\.$login == login).first()!
    }

    /// The first measure of a school's own plan (code `bal-03` is Биритская СОШ).
    static func schoolMeasure(_ code: String, status: MeasureStatus? = nil, _ app: Application) async throws -> Measure {
        let school = try await school(code, app)
        let q = Measure.query(on: app.db).filter(\.$school.$id == school.id!).sort(\.$sectionNumber).sort(\.$ordinal)
        if let status { q.filter(\.$status == status) }
        return try await q.first()!
    }

    /// The schools taking part in the demo's programme.
    static func participants(_ app: Application) async throws -> [School] {
        let programme = try await Programme.query(on: app.db).filter(\.$status == .active).first()!
        let ids = Array(try await Participation.schoolIDs(of: programme.id!, on: app.db))
        return try await School.query(on: app.db).filter(\.$id ~~ ids).all()
    }

    static func municipalMeasure(_ app: Application) async throws -> Measure {
        try await Measure.query(on: app.db).filter(\.$school.$id == nil).sort(\.$sectionNumber).sort(\.$ordinal).first()!
    }

    static func apiToken(for login: String, _ app: Application) async throws -> String {
        let token = APITokenHash.newToken()
        let user = try await user(login, app)
        try await APIToken(userID: user.id!, name: "test", tokenHash: APITokenHash.of(token)).create(on: app.db)
        return token
    }

    static let pdf: [UInt8] = DemoData.demoPDF()
}
