import Fluent
import Foundation
import Metrics
import NIOConcurrencyHelpers
import Prometheus
import SQLKit
import Vapor

/// What an operator's tools read: `GET /health` (the database answers; no login, no data) and
/// `GET /metrics` in Prometheus's text format, served only when `OPORA_METRICS_TOKEN` is set and only
/// to a request that carries it. The figures are swift-metrics' (Vapor's requests by route and status
/// with their durations; Opora's imports and identifications), exposed by swift-prometheus.
enum OperationsController {
    static func health(_ req: Request) async throws -> Response {
        let started = ContinuousClock.now
        let ok: Bool
        do {
            _ = try await (req.db as! any SQLDatabase).raw("SELECT 1 AS one").first()
            ok = true
        } catch {
            req.logger.error("health: the database does not answer: \(String(reflecting: error))")
            ok = false
        }
        let took = (ContinuousClock.now - started).components
        let millis = took.seconds * 1000 + took.attoseconds / 1_000_000_000_000_000
        let body = ok ? #"{"status":"ok","database":"ok","databaseMilliseconds":\#(millis)}"# : #"{"status":"unavailable","database":"no answer"}"#
        let response = Response(status: ok ? .ok : .serviceUnavailable, body: .init(string: body))
        response.headers.contentType = .json
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    static func metrics(_ req: Request) async throws -> Response {
        guard let token = req.opora.metricsToken else { throw Abort(.notFound) }
        guard let sent = req.headers.bearerAuthorization?.token, CSRF.equal(sent, token) else {
            let refused = Response(status: .unauthorized, body: .init(string: "Bearer token required\n"))
            refused.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer")
            return refused
        }
        OporaMetrics.recordDatabasePool(req.application)
        let response = Response(status: .ok, body: .init(data: Data(OporaMetrics.registry.emitToBuffer())))
        response.headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        return response
    }
}

/// The process's metrics: one Prometheus registry behind swift-metrics, bootstrapped once (every
/// library's metrics, Vapor's among them, land in it).
enum OporaMetrics {
    static let registry = PrometheusCollectorRegistry()
    private static let once: Void = { MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry)) }()

    static func bootstrap() { _ = once }

    /// How long an import took and how many rows it wrote, by kind of file and outcome.
    static func recordImport(kind: String, succeeded: Bool, rows: Int, since start: ContinuousClock.Instant) {
        let outcome = succeeded ? "written" : "refused"
        Metrics.Timer(label: "opora_import_duration_seconds", dimensions: [("kind", kind), ("outcome", outcome)],
                      preferredDisplayUnit: .seconds).recordInterval(since: start)
        Counter(label: "opora_imported_rows_total", dimensions: [("kind", kind)]).increment(by: rows)
    }

    /// How long an identification of a municipality's year took.
    static func recordIdentification(since start: ContinuousClock.Instant) {
        Metrics.Timer(label: "opora_identification_duration_seconds", preferredDisplayUnit: .seconds).recordInterval(since: start)
    }

    /// The database pool's configured size: connections per event loop times the loops.
    static func recordDatabasePool(_ app: Application) {
        let loops = app.eventLoopGroup.makeIterator().reduce(0) { n, _ in n + 1 }
        Gauge(label: "opora_database_pool_connections_max").record(loops * app.opora.databaseConnectionsPerLoop)
    }
}

extension Metrics.Timer {
    func recordInterval(since start: ContinuousClock.Instant) {
        let d = ContinuousClock.now - start
        recordNanoseconds(d.components.seconds * 1_000_000_000 + d.components.attoseconds / 1_000_000_000)
    }
}
