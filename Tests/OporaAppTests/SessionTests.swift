import Fluent
import Foundation
import NIOConcurrencyHelpers
@testable import OporaApp
import OporaDomain
import Testing
import Vapor
import VaporTesting

/// Sessions kept on the server: none for a visitor, limits checked on every request, ended by a
/// password change or a deactivation; the sign-in form's token without a session; the client address
/// behind trusted proxies only.
@Suite struct SessionTests {
    /// A clock the test moves.
    final class TestClock: Sendable {
        let box = NIOLockedValueBox(Date(timeIntervalSince1970: 1_700_000_000))
        var now: Date { box.withLockedValue { $0 } }
        func advance(_ seconds: TimeInterval) { box.withLockedValue { $0 += seconds } }
    }

    @Test func aThousandAnonymousVisitsLeaveTheSessionsTableAsItWas() async throws {
        try await withDemoApp { app in
            let before = try await UserSession.query(on: app.db).count()
            for i in 0..<1000 {
                var visitor = WebClient(app)
                let page = try await visitor.get(i % 2 == 0 ? "/public" : "/login")
                #expect(page.status == .ok)
                #expect(!page.headers[.setCookie].contains { $0.hasPrefix("opora_session=") && !$0.contains("Expires=Thu, 01 Jan 1970") })
            }
            // A visitor with a stale session cookie gets it expired, and no row either.
            let stale = try await app.testing().sendRequest(.GET, "/public", headers: ["Cookie": "opora_session=gone"])
            #expect(stale.headers[.setCookie].first { $0.hasPrefix("opora_session=") }?.contains("Expires=Thu, 01 Jan 1970") == true)
            #expect(try await UserSession.query(on: app.db).count() == before)
            var user = WebClient(app)
            try await user.login("metodist")
            #expect(try await UserSession.query(on: app.db).count() == before + 1)
            _ = try await user.post("/logout", form: [])
            #expect(try await UserSession.query(on: app.db).count() == before)
        }
    }

    @Test func theSignInFormNeedsItsSignedTokenAndItsCookie() async throws {
        try await withDemoApp { app in
            var client = WebClient(app)
            _ = try await client.get("/login")
            let token = client.csrf
            #expect(client.cookies["opora_form"] != nil)
            // Another browser's cookie with this token: refused.
            var other = WebClient(app)
            _ = try await other.get("/login")
            other.csrf = token
            #expect(try await other.post("/login", form: [("login", "metodist"), ("password", DemoData.password)]).status == .forbidden)
            // No cookie at all: refused.
            var bare = WebClient(app)
            bare.csrf = token
            #expect(try await bare.post("/login", form: [("login", "metodist"), ("password", DemoData.password)]).status == .forbidden)
            // The browser's own pair: signed in.
            #expect(try await client.post("/login", form: [("login", "metodist"), ("password", DemoData.password)]).status == .seeOther)
        }
    }

    @Test func aSessionEndsAfterTwoIdleHoursAndAfterTwelveHoursWhatever() async throws {
        let clock = TestClock()
        try await withDemoApp(config: { $0.now = { clock.now } }) { app in
            var idle = WebClient(app)
            try await idle.login("metodist")
            clock.advance(SessionStore.idleLimit - 60)
            #expect(try await idle.get("/").status == .ok)
            clock.advance(SessionStore.idleLimit - 60)
            #expect(try await idle.get("/").status == .ok, "each request restarts the idle limit")
            clock.advance(SessionStore.idleLimit + 1)
            let refused = try await idle.get("/")
            #expect(refused.status == .seeOther && refused.location?.hasPrefix("/login") == true)

            var busy = WebClient(app)
            try await busy.login("metodist")
            for _ in 0..<11 {
                clock.advance(60 * 60)
                #expect(try await busy.get("/").status == .ok)
            }
            clock.advance(60 * 60)
            #expect(try await busy.get("/").status == .seeOther, "12 hours after sign-in the session is over")
            // Expired rows are removed at the next sign-in.
            var next = WebClient(app)
            try await next.login("admin")
            #expect(try await UserSession.query(on: app.db).count() == 1)
        }
    }

    @Test func aDeactivatedUsersSessionAndTokenStopAtTheNextRequest() async throws {
        try await withDemoApp { app in
            var coordinator = WebClient(app)
            try await coordinator.login("biritskaya")
            let token = try await Fixtures.apiToken(for: "biritskaya", app)
            #expect(try await coordinator.get("/").status == .ok)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/schools", headers: ["Authorization": "Bearer \(token)"]).status == .ok)
            var admin = WebClient(app)
            try await admin.login("admin")
            let user = try await Fixtures.user("biritskaya", app)
            #expect(try await admin.post("/admin/users/\(user.id!.uuidString)/disable", form: []).status == .seeOther)
            #expect(try await coordinator.get("/").status == .seeOther)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/schools", headers: ["Authorization": "Bearer \(token)"]).status == .unauthorized)
            #expect(try await UserSession.query(on: app.db).filter(\.$user.$id == user.id!).count() == 0)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "user.disable").first()
            #expect(audit?.summary == "Пользователь biritskaya отключён")
            // Signing in is refused while deactivated.
            var again = WebClient(app)
            #expect(try await again.login("biritskaya").status == .unauthorized)
            #expect(try await again.get("/").status == .seeOther)
        }
    }

    @Test func aForgedForwardedForFromAnUntrustedPeerIsIgnored() async throws {
        let trusted = AddressRange.list("10.0.0.0/8, ::1").ranges
        // From the trusted proxy: the client it names.
        #expect(ClientAddress.resolve(peer: "10.1.2.3", forwardedFor: ["203.0.113.7"], trusted: trusted) == "203.0.113.7")
        // The list walked from the right past trusted proxies; the left entry a client wrote is not believed.
        #expect(ClientAddress.resolve(peer: "10.1.2.3", forwardedFor: ["1.1.1.1, 203.0.113.7, 10.9.9.9"], trusted: trusted) == "203.0.113.7")
        // From anyone else: the peer, whatever the header says.
        #expect(ClientAddress.resolve(peer: "198.51.100.4", forwardedFor: ["10.0.0.1"], trusted: trusted) == "198.51.100.4")
        #expect(ClientAddress.resolve(peer: "198.51.100.4", forwardedFor: ["203.0.113.7"], trusted: []) == "198.51.100.4")
        // A garbled entry stops the walk at the proxy's peer.
        #expect(ClientAddress.resolve(peer: "10.1.2.3", forwardedFor: ["nonsense"], trusted: trusted) == "10.1.2.3")
        #expect(ClientAddress.resolve(peer: "::ffff:10.0.0.5", forwardedFor: ["192.0.2.1"], trusted: trusted) == "192.0.2.1")
        #expect(AddressRange("10.0.0.0/33") == nil && AddressRange("10.0.0/8") == nil && AddressRange("fe80::/10") != nil)
        #expect(AddressRange.list("127.0.0.1, 10.0.0.0/8 bad/1").bad == ["bad/1"])
        #expect(throws: AppConfig.ConfigError.self) { try AppConfig.fromEnvironment(["OPORA_TRUSTED_PROXIES": "10.0.0.0/8, nonsense"]) }

        // Through HTTP with no trusted proxy: failures are counted by the peer, not by the header.
        try await withDemoApp { app in
            for i in 0..<3 {
                var client = WebClient(app)
                _ = try await client.get("/login")
                var headers = HTTPHeaders()
                headers.add(name: .cookie, value: client.cookie ?? "")
                headers.add(name: .xForwardedFor, value: "203.0.113.\(i)")
                headers.contentType = .urlEncodedForm
                let body = "_csrf=\(WebClient.encode(client.csrf))&login=metodist&password=wrong"
                _ = try await app.testing().sendRequest(.POST, "/login", headers: headers, body: ByteBuffer(string: body))
            }
            let addresses = Set(try await LoginFailure.query(on: app.db).all().map(\.address))
            #expect(addresses.count == 1)
            #expect(!addresses.contains { $0.hasPrefix("203.0.113.") })
        }
    }

    @Test func settingsComeFromADotEnvFileUnlessTheEnvironmentSetsThem() throws {
        let parsed = DotEnv.parse("""
        # comment
        OPORA_TIME_ZONE=Asia/Irkutsk
        export OPORA_SECURE_COOKIES="1"
        OPORA_DATABASE_URL='sqlite://x.sqlite'
        broken line
        """)
        #expect(parsed == ["OPORA_TIME_ZONE": "Asia/Irkutsk", "OPORA_SECURE_COOKIES": "1", "OPORA_DATABASE_URL": "sqlite://x.sqlite"])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("opora-\(UUID().uuidString).env").path
        try "OPORA_SECURE_COOKIES=1\nOPORA_DATABASE_URL=sqlite://from-file.sqlite\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let env = AppConfig.environment(["OPORA_DATABASE_URL": "sqlite://from-env.sqlite"], dotEnvPath: path)
        let config = try AppConfig.fromEnvironment(env)
        #expect(config.secureCookies)
        #expect(config.database == .sqliteFile("from-env.sqlite"))
        #expect(throws: AppConfig.ConfigError.self) { try AppConfig.fromEnvironment(["OPORA_TIME_ZONE": "Mars/Olympus"]) }
    }
}
