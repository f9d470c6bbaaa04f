import OporaDomain
import Vapor

/// The open pages: no login, nothing personal, only what schools and methodists chose to publish.
enum PublicController {
    static func index(_ req: Request) async throws -> Response {
        let requested = req.queryText("programme").flatMap(UUID.init(uuidString:))
        let model = try await PublicView.query(requested: requested, today: req.today, cache: req.application.monitoringCache, on: req.db)
        return PublicView.render(try await PageContext.make(req), model)
    }

    static func practice(_ req: Request) async throws -> Response {
        let p = try await PublicView.practice(try req.uuidParameter("practiceID"), on: req.db)
        return PublicView.practice(try await PageContext.make(req), p)
    }
}
