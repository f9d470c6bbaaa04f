import Fluent
import OporaDomain
import Vapor

/// A teacher's development plan (ИОМ) on the web.
enum TeacherPlanController {
    static func model(_ req: Request, user: CurrentUser, teacher: TeacherRecord, school: School) async throws -> TeacherPlanView.Model {
        return try await TeacherPlanView.query(user: user, teacher: teacher, school: school, today: req.today, on: req.db)
    }

    static func show(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let (teacher, school) = try await Scope.teacher(try req.uuidParameter("teacherID"), for: user, on: req.db)
        return TeacherPlanView.render(try await PageContext.make(req), try await model(req, user: user, teacher: teacher, school: school), failed: nil)
    }

    static func save(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let (teacher, school) = try await Scope.teacher(try req.uuidParameter("teacherID"), for: user, on: req.db)
        let form = req.parameters.get("form") ?? ""
        let back = SiteURL.teacherPlan(.value(teacher.id!)).path + "#h-steps"
        switch form {
        case "draft":
            try await DevelopmentPlans.draft(teacher: teacher, school: school, user: user, today: req.today, on: req.db)
            return Notice.saved(req, to: back)
        case "step":
            let values = try req.content.decode([String: String].self)
            switch try await DevelopmentPlans.addStep(values, teacher: teacher, school: school, user: user, today: req.today, on: req.db) {
            case .success: return Notice.saved(req, to: back)
            case .failure(let errors):
                return TeacherPlanView.render(try await PageContext.make(req), try await model(req, user: user, teacher: teacher, school: school),
                                              failed: .init(form: "step", values: values, errors: errors))
            }
        default:
            throw Abort(.notFound, reason: "Такой формы нет.")
        }
    }

    static func complete(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let (step, teacher, school) = try await Scope.step(try req.uuidParameter("stepID"), for: user, on: req.db)
        let values = try req.content.decode([String: String].self)
        switch try await DevelopmentPlans.complete(step: step, teacher: teacher, school: school, completedOn: values["completed_on"] ?? "",
                                                   evidence: values["evidence"] ?? "", user: user, today: req.today, on: req.db) {
        case .success:
            return Notice.saved(req, to: SiteURL.teacherPlan(.value(teacher.id!)).path + "#step-\(step.id!.uuidString)")
        case .failure(let errors):
            return TeacherPlanView.render(try await PageContext.make(req), try await model(req, user: user, teacher: teacher, school: school),
                                          failed: .init(form: "complete-\(step.id!.uuidString)", values: values, errors: errors))
        }
    }

    static func remove(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let (step, teacher, school) = try await Scope.step(try req.uuidParameter("stepID"), for: user, on: req.db)
        switch try await DevelopmentPlans.remove(step: step, teacher: teacher, school: school, user: user, on: req.db) {
        case .success:
            return Notice.saved(req, to: SiteURL.teacherPlan(.value(teacher.id!)).path + "#h-steps")
        case .failure(let errors):
            return TeacherPlanView.render(try await PageContext.make(req), try await model(req, user: user, teacher: teacher, school: school),
                                          failed: .init(form: "complete-\(step.id!.uuidString)", values: [:], errors: errors))
        }
    }
}
