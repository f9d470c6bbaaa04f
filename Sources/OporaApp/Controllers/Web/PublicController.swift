import OporaDomain
import Vapor

/// The open pages: no login, nothing personal, only what schools and methodists chose to publish.
enum PublicController {
    static func index(_ req: Request) async throws -> Response {
        let requested = req.queryText("municipality").flatMap(UUID.init(uuidString:))
        switch try await PublicView.query(municipality: requested, today: req.today, cache: req.application.monitoringCache, on: req.db) {
        case .page(let model): return PublicView.render(try await PageContext.make(req), model)
        case .municipalities(let list): return PublicView.list(try await PageContext.make(req), list)
        case .nothing(let reason): return PublicView.nothing(try await PageContext.make(req), reason)
        }
    }

    static func practice(_ req: Request) async throws -> Response {
        let p = try await PublicView.practice(try req.uuidParameter("practiceID"), on: req.db)
        return PublicView.practice(try await PageContext.make(req), p)
    }
}
