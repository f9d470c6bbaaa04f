import OporaDomain
import Vapor

/// The management cycle page: each of the nine steps with what Opora holds for the year.
enum CycleController {
    static func index(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        guard user.access.readsWholeMunicipality else { throw Abort(.forbidden, reason: "Управленческий цикл муниципалитета видят методисты, управление образования и наблюдатели.") }
        let programme = try await req.shownProgramme()
        let years = Array(programme.startYear...programme.endYear)
        let year = req.chosenYear(try req.queryYear(), in: years)
        let model = try await CycleView.query(programme: programme, year: year, years: years, user: user,
                                              cache: req.application.monitoringCache, on: req.db)
        return CycleView.render(try await PageContext.make(req), model)
    }
}
