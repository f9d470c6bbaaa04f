import OporaDomain
import Vapor

/// Teachers of a school: deficits, development plans, the diagnostics form and mentoring.
/// Seen and changed by the school itself, methodists and admin; never by observers.
enum PeopleController {
    static func model(_ req: Request, user: CurrentUser, school: School) async throws -> SchoolPeopleView.Model {
        return try await SchoolPeopleView.query(user: user, school: school, today: req.today, on: req.db)
    }

    static func show(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await Scope.peopleSchool(try req.uuidParameter("schoolID"), for: user, on: req.db)
        return SchoolPeopleView.render(try await PageContext.make(req), try await model(req, user: user, school: school), failed: nil)
    }

    static func save(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await Scope.peopleSchool(try req.uuidParameter("schoolID"), for: user, on: req.db)
        let form = req.parameters.get("form") ?? ""
        let values = try req.content.decode([String: String].self)
        let result: Result<Void, FieldErrors>
        switch form {
        case "diagnostics": result = try await TeacherDiagnostics.save(values, school: school, user: user, today: req.today, on: req.db)
        case "mentorship": result = try await PeopleWork.addMentorship(values, school: school, user: user, on: req.db)
        case "mentor-list":
            guard user.access.canManagePeopleWork else { throw Abort(.forbidden, reason: "Список наставников муниципалитета ведут методисты и управление образования.") }
            result = try await PeopleWork.listMentors(values, school: school, user: user, on: req.db)
        default: throw Abort(.notFound, reason: "Такой формы нет.")
        }
        switch result {
        case .failure(let errors):
            return SchoolPeopleView.render(try await PageContext.make(req), try await model(req, user: user, school: school),
                                           failed: .init(form: form, values: values, errors: errors))
        case .success:
            return Notice.saved(req, to: SiteURL.schoolPeople(.value(school.id!)).path + "#h-" + (form == "diagnostics" ? "teachers" : form == "mentor-list" ? "mentor-list" : "mentoring"))
        }
    }

    static func meeting(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let (pair, school) = try await Scope.mentorship(try req.uuidParameter("mentorshipID"), for: user, on: req.db)
        let values = try req.content.decode([String: String].self)
        switch try await PeopleWork.addMeeting(values, pair: pair, school: school, user: user, today: req.today, on: req.db) {
        case .failure(let errors):
            return SchoolPeopleView.render(try await PageContext.make(req), try await model(req, user: user, school: school),
                                           failed: .init(form: "meeting-\(pair.id!.uuidString)", values: values, errors: errors))
        case .success:
            return Notice.saved(req, to: SiteURL.schoolPeople(.value(school.id!)).path + "#h-mentoring")
        }
    }
}
