import Fluent
import OporaDomain
import Vapor

enum SchoolPlansController {
    static func show(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let schoolID = try req.uuidParameter("schoolID")
        let municipalities = try await Scope.municipalityIDs(for: user, on: req.db)
        guard let school = try await School.find(schoolID, on: req.db), municipalities.contains(school.$municipality.id) else {
            throw Abort(.notFound, reason: "Такой школы нет.")
        }
        guard user.canReadSchool(schoolID) else {
            throw Abort(.forbidden, reason: "План другой школы видят только эта школа и методисты.")
        }
        let programme = try await Scope.currentProgramme(for: user, on: req.db)
        var filter = MeasureFilter()
        filter.school = .school(schoolID)
        let list = try await MeasureList.fetch(programmeID: try programme.requireID(), filter: filter, user: user, today: req.today, on: req.db)
        let plan = try await ProgrammePlan.fetch(programme, on: req.db)
        return SchoolPlansView.show(try await PageContext.make(req), school: school, plan: plan, rows: list.rows)
    }
}
