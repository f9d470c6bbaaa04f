import OporaDomain
import Vapor

enum MonitoringController {
    static func index(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let municipality = try await Scope.wholeMunicipality(for: user, on: req.db)
        let input = MonitoringView.Input(year: try req.queryYear(), category: req.queryText("category").flatMap(SchoolCategory.init(rawValue:)),
                                         page: try req.queryPage())
        let model = try await MonitoringView.query(municipality, input, cache: req.application.monitoringCache, on: req.db)
        return MonitoringView.render(try await PageContext.make(req), model, canImport: user.access.isMunicipalStaff)
    }
}
