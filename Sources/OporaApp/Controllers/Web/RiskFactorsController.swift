import OporaDomain
import Vapor

/// The admin edits the municipality's list of risk factors.
enum RiskFactorsController {
    static func show(_ req: Request) async throws -> Response {
        let programme = try await req.shownProgramme()
        let factors = try await RiskFactorList.load(municipalityID: programme.$municipality.id, on: req.db)
        return RiskFactorsView.render(try await PageContext.make(req), factors: factors, failed: nil)
    }

    static func save(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let programme = try await req.shownProgramme()
        let municipalityID = programme.$municipality.id
        let values = try req.content.decode([String: String].self)
        switch try await RiskFactorLists.save(values, programme: programme, user: user, on: req.db) {
        case .success:
            return Notice.saved(req, to: SiteURL.riskFactors.path)
        case .failure(let errors):
            let current = try await RiskFactorList.load(municipalityID: municipalityID, on: req.db)
            return RiskFactorsView.render(try await PageContext.make(req), factors: current, failed: FailedForm(form: "factors", values: values, errors: errors))
        }
    }
}
