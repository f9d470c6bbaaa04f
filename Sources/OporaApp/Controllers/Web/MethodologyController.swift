import OporaDomain
import Vapor

/// The identification parameters: everyone who reads the whole municipality sees every version;
/// the admin saves a new one.
enum MethodologyController {
    static func show(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let municipality = try await Scope.wholeMunicipality(for: user, on: req.db)
        let versions = try await Methodology.all(municipalityID: try municipality.requireID(), on: req.db)
        return MethodologyView.render(try await PageContext.make(req), versions: versions, canEdit: user.access.canAdminister, failed: nil)
    }

    static func save(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let municipalityID = try await Scope.wholeMunicipality(for: user, on: req.db).requireID()
        let form = try req.content.decode([String: String].self)
        switch try await Methodology.saveForm(form, municipalityID: municipalityID, user: user, on: req.db) {
        case .success:
            return Notice.saved(req, to: SiteURL.methodology.path)
        case .failure(let errors):
            let versions = try await Methodology.all(municipalityID: municipalityID, on: req.db)
            return MethodologyView.render(try await PageContext.make(req), versions: versions, canEdit: true,
                                          failed: FailedForm(form: "methodology", values: form, errors: errors))
        }
    }
}
