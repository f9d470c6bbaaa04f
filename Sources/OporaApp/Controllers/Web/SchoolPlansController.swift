import OporaDomain
import Vapor

enum SchoolPlansController {
    static func show(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let schoolID = try req.uuidParameter("schoolID")
        let school = try await Scope.school(schoolID, for: user, on: req.db)
        let programme = try await req.shownProgramme()
        var filter = MeasureFilter()
        filter.school = .school(schoolID)
        let list = try await MeasureList.fetch(programmeID: try programme.requireID(), filter: filter, user: user, today: req.today, on: req.db)
        let plan = try await ProgrammePlan.fetch(programme, on: req.db)
        return SchoolPlansView.show(try await PageContext.make(req), school: school, plan: plan, rows: list.rows)
    }
}
