import Fluent
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
        guard let p = try await Practice.find(try req.uuidParameter("practiceID"), on: req.db), p.isPublic else {
            throw Abort(.notFound, reason: "Такой практики нет.")
        }
        let school = try await p.$school.id.asyncFlatMap { try await School.find($0, on: req.db) }
        let files = try await PracticeFile.query(on: req.db).filter(\.$practice.$id == p.id!).all()
        return PublicView.practice(try await PageContext.make(req), title: p.title, school: school?.shortName, description: p.description,
                                   results: p.results, evidence: p.evidence, level: p.level, files: files.map { ($0.id!, $0.fileName) })
    }
}
