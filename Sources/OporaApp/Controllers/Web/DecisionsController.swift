import Fluent
import OporaDomain
import Vapor

/// Management decisions of the municipality: methodists and admin record them; observers read.
enum DecisionsController {
    static func model(_ req: Request, user: CurrentUser) async throws -> DecisionsView.Model {
        return try await DecisionsView.query(user: user, today: req.today, on: req.db)
    }

    static func index(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        guard user.access.readsWholeMunicipality else { throw Abort(.forbidden, reason: "Решения муниципалитета видят методисты, управление образования и наблюдатели.") }
        return DecisionsView.render(try await PageContext.make(req), try await model(req, user: user), failed: nil)
    }

    static func create(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let programme = try await req.shownProgramme()
        let values = try req.content.decode([String: String].self)
        switch try await NetworkWork.addDecision(values, municipalityID: programme.$municipality.id, user: user, today: req.today, on: req.db) {
        case .success: return Notice.saved(req, to: SiteURL.decisions.path)
        case .failure(let errors):
            return DecisionsView.render(try await PageContext.make(req), try await model(req, user: user), failed: FailedForm(form: "decision", values: values, errors: errors))
        }
    }
}
