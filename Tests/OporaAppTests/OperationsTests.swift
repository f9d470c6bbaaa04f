import Fluent
import Foundation
@testable import OporaApp
import OporaDomain
import Testing
import Vapor
import VaporTesting

/// `/health` and `/metrics` as the administrator's guide documents them.
@Suite struct OperationsTests {
    static let token = "metrics-token-for-the-test-0123"

    @Test func healthSaysTheDatabaseAnswersWithoutALoginAndWithoutData() async throws {
        try await withDemoApp { app in
            let r = try await app.testing().sendRequest(.GET, "/health")
            #expect(r.status == .ok)
            #expect(r.headers.contentType == .json)
            let body = try JSONSerialization.jsonObject(with: Data(r.body.string.utf8)) as? [String: Any]
            #expect(body?["status"] as? String == "ok" && body?["database"] as? String == "ok")
            #expect(Set(body?.keys.map { $0 } ?? []) == ["status", "database", "databaseMilliseconds"])
            #expect(r.headers[.setCookie].isEmpty)
        }
    }

    @Test func metricsAreNotServedWithoutATokenSettingAndRefusedWithoutTheToken() async throws {
        try await withDemoApp { app in
            let r = try await app.testing().sendRequest(.GET, "/metrics")
            #expect(r.status == .notFound)
        }
        try await withDemoApp(config: { $0.metricsToken = Self.token }) { app in
            #expect(try await app.testing().sendRequest(.GET, "/metrics").status == .unauthorized)
            #expect(try await app.testing().sendRequest(.GET, "/metrics", headers: ["Authorization": "Bearer wrong-token-of-some-length"]).status == .unauthorized)
            // A session does not open it either: it is for the monitoring server's token only.
            var admin = WebClient(app)
            try await admin.login("admin")
            #expect(try await admin.get("/metrics").status == .unauthorized)
        }
    }

    @Test func metricsCountRequestsByRouteAndStatusAndTimeImportsAndIdentifications() async throws {
        try await withDemoApp(config: { $0.metricsToken = Self.token }) { app in
            var methodist = WebClient(app)
            try await methodist.login("metodist")
            #expect(try await methodist.get("/monitoring").status == .ok)
            let municipality = try await Municipality.query(on: app.db).first()!
            let csv = "Код школы;Учебный год;Доля обучающихся из малообеспеченных семей, %\n"
            _ = try await ImportService.run(kind: .context, fileName: "context.csv", bytes: Array(csv.utf8), municipalityID: municipality.requireID(),
                                            user: nil, write: true, today: testToday, on: app.db)
            let r = try await app.testing().sendRequest(.GET, "/metrics", headers: ["Authorization": "Bearer \(Self.token)"])
            #expect(r.status == .ok)
            #expect(r.headers.first(name: .contentType)?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = r.body.string
            // Vapor's request metrics, by route pattern (never by a row's id) and status.
            #expect(text.contains("http_requests_total{"))
            #expect(text.contains(#"path="/monitoring""#) && text.contains(#"status="200""#))
            #expect(text.contains("http_request_duration_seconds_bucket{"))
            #expect(text.contains("opora_identification_duration_seconds_count"))
            #expect(text.contains(#"opora_import_duration_seconds_count{kind="context""#))
            #expect(text.contains("opora_database_pool_connections_max"))
        }
    }
}
