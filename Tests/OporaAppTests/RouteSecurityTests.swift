import Fluent
import Foundation
import NIOCore
@testable import OporaApp
import OporaDomain
import Testing
import Vapor
import VaporTesting

/// Every route tried by someone who must be refused: without login, and with another school's user.
@Suite struct RouteSecurityTests {
    /// The routes as registered, with their parameters filled in by `fill`.
    static func routes(_ app: Application, _ fill: (String) -> String) -> [(method: HTTPMethod, path: String)] {
        app.routes.all.map { route in
            (route.method, "/" + route.path.map { c -> String in
                if case .parameter(let name) = c { return fill(name) }
                return c.description
            }.joined(separator: "/"))
        }
    }

    /// Open without a login: nothing in them is anyone's data (`/metrics` needs its own token, `OperationsTests`).
    static let open: Set<String> = ["/login", "/styles.css", "/public", "/api/v1/openapi.json", "/health", "/metrics", "/help"]

    @Test func everyRouteWithoutLoginIsRefusedAndChangesNothing() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            let school = try await Fixtures.school("bal-03", app)
            let measure = try await Fixtures.schoolMeasure("bal-03", app)
            let before = try await AuditEntry.query(on: app.db).count()
            var tried = 0
            for r in Self.routes(app, { $0 == "schoolID" ? school.id!.uuidString : $0 == "measureID" ? measure.id!.uuidString : $0 == "kind" || $0 == "form" ? "teachers" : UUID().uuidString }) {
                guard !Self.open.contains(r.path), !r.path.hasPrefix("/public/"), !r.path.hasPrefix("/help/") else { continue }
                let response = try await app.testing().sendRequest(r.method, r.path, headers: [:], body: ByteBuffer(string: "x=1"))
                tried += 1
                if r.path.hasPrefix("/api/") {
                    #expect(response.status == .unauthorized, "\(r.method) \(r.path) → \(response.status.code)")
                } else if r.method == .GET {
                    #expect(response.status == .seeOther && response.headers.first(name: .location)?.hasPrefix("/login") == true, "\(r.method) \(r.path) → \(response.status.code)")
                } else {
                    #expect([.forbidden, .unauthorized, .seeOther].contains(response.status), "\(r.method) \(r.path) → \(response.status.code)")
                }
            }
            #expect(tried > 80)
            #expect(try await AuditEntry.query(on: app.db).count() == before)
        }
    }

    @Test func everySchoolScopedRouteIsRefusedToAnotherSchoolsUser() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            // Кумарейская's coordinator tries Биритская's pages, forms and API
            let other = try await Fixtures.school("bal-03", app)
            var client = WebClient(app)
            try await client.login("kumareyskaya")
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: try await Fixtures.apiToken(for: "kumareyskaya", app))
            let before = try await AuditEntry.query(on: app.db).count()
            var tried = 0
            for r in Self.routes(app, { $0 == "schoolID" ? other.id!.uuidString : $0 == "kind" ? "teachers" : $0 == "form" ? "plan" : $0 })
            where r.path.contains(other.id!.uuidString) {
                tried += 1
                let status: HTTPStatus
                if r.path.hasPrefix("/api/") {
                    var h = headers
                    h.contentType = .json
                    status = try await app.testing().sendRequest(r.method, r.path, headers: h, body: ByteBuffer(string: "{}")).status
                } else if r.method == .GET {
                    status = try await client.get(r.path).status
                } else {
                    status = try await client.post(r.path, form: [("year", "2022"), ("participant_code", "9Б-001")]).status
                }
                #expect(status == .forbidden, "\(r.method) \(r.path) → \(status.code)")
            }
            #expect(tried >= 20)
            #expect(try await AuditEntry.query(on: app.db).count() == before)
        }
    }

    @Test func guessingPasswordsLocksTheLoginForAWhile() async throws {
        try await withDemoApp { app in
            var client = WebClient(app)
            _ = try await client.get("/login")
            for _ in 0..<SignIn.failuresPerLogin {
                let wrong = try await client.post("/login", form: [("login", "metodist"), ("password", "неверно")])
                #expect(wrong.status == .unauthorized)
                #expect(wrong.body.contains("Неверный логин или пароль."))
            }
            // act: now even the right password is refused for a while
            let locked = try await client.post("/login", form: [("login", "metodist"), ("password", DemoData.password)])
            #expect(locked.status == .tooManyRequests)
            #expect(locked.body.contains("Слишком много неудачных попыток входа"))
            #expect(locked.headers.first(name: "Retry-After") == "900")
            // another login is not locked by them
            var admin = WebClient(app)
            #expect(try await admin.login("admin").status == .seeOther)
        }
    }

    @Test func theSessionCookieIsHttpOnlySameSiteAndSecureBehindTLS() async throws {
        try await withDemoApp { app in
            var client = WebClient(app)
            _ = try await client.get("/login")
            let page = try await client.post("/login", form: [("login", "metodist"), ("password", DemoData.password)])
            let cookie = try #require(page.headers[.setCookie].first { $0.hasPrefix("opora_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"))
            let secure = try #require(app.sessions.configuration.cookieFactory(SessionID(string: "x")).serialize(name: "opora_session") as String?)
            #expect(!secure.contains("Secure"))
        }
        // behind TLS (OPORA_SECURE_COOKIES=1)
        let app = try await Application.make(.testing)
        try await configure(app, AppConfig(database: .sqliteMemory, secureCookies: true))
        #expect(app.sessions.configuration.cookieFactory(SessionID(string: "x")).serialize(name: "opora_session").contains("Secure"))
        try await app.asyncShutdown()
    }

    @Test func scriptTypedIntoTheNewFormsIsShownAsText() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            let attack = "<script>alert(1)</script><img src=x onerror=alert(2)>"
            let school = try await Fixtures.school("bal-04", app)
            let measure = try await Fixtures.schoolMeasure("bal-04", app)
            var client = WebClient(app)
            try await client.login("metodist")
            _ = try await client.get("/decisions")
            #expect(try await client.post("/decisions", form: [("date", "01.09.2022"), ("body", attack), ("decision", attack), ("basis", attack)]).status == .seeOther)
            _ = try await client.get("/events")
            #expect(try await client.post("/events", form: [("kind", "seminar"), ("title", attack), ("date", "01.09.2022"), ("organiser", attack), ("audience", attack), ("is_public", "да")]).status == .seeOther)
            _ = try await client.get("/schools/\(school.id!.uuidString)/risks")
            #expect(try await client.post("/schools/\(school.id!.uuidString)/recommendations", form: [("year", "2022"), ("text", attack), ("measures[]", measure.id!.uuidString)]).status == .seeOther)
            _ = try await client.get("/schools/\(school.id!.uuidString)/support")
            #expect(try await client.post("/schools/\(school.id!.uuidString)/support/plan", form: [("participant_code", "5А-001"), ("goal", attack), ("measures", attack), ("specialist_role", "тьютор"), ("review_dates", "01.12.2022")]).status == .seeOther)
            for (signedIn, path) in [(true, "/decisions"), (true, "/events"), (true, "/schools/\(school.id!.uuidString)/risks"), (true, "/schools/\(school.id!.uuidString)/support"),
                                     (true, "/cycle"), (false, "/public")] {
                var c = signedIn ? client : WebClient(app)
                let page = try await c.get(path)
                #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(path)")
                #expect(!page.body.contains("<script>alert(1)"), "\(path)")
                #expect(!page.body.contains("<img src=x"), "\(path)")
            }
        }
    }

    @Test func anUploadOverTheLimitIsRefused() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            var client = WebClient(app)
            try await client.login("metodist")
            _ = try await client.get("/practices/new")
            let page = try await client.postMultipart("/practices/new", form: [("title", "Большой файл")],
                                                      file: ("file", "big.pdf", [UInt8](repeating: 0x25, count: 22 * 1024 * 1024)))
            // refused by the file check (20 MB) before anything is written; bodies over 50 MB do not even get read
            #expect(page.status == .unprocessableEntity || page.status == .payloadTooLarge)
            #expect(page.status == .payloadTooLarge || page.body.contains("Файл больше 20 МБ."))
            #expect(try await Practice.query(on: app.db).filter(\.$title == "Большой файл").count() == 0)
        }
    }
}
