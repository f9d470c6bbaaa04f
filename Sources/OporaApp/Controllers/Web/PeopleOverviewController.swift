import OporaDomain
import Vapor

/// The municipal overview of the people module; a school user goes to the school's own page.
enum PeopleOverviewController {
    static func index(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        if let id = user.ownSchoolID { return req.redirect(to: SiteURL.schoolPeople(.value(id)).path) }
        let programme = try await req.shownProgramme()
        let years = Array((programme.startYear - 1)...programme.endYear)
        let year = req.chosenYear(try req.queryYear(), in: years)
        let model = try await PeopleView.query(programme: programme, year: year, years: years, user: user, today: req.today, on: req.db)
        return PeopleView.render(try await PageContext.make(req), model)
    }
}
