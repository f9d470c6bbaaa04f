import OporaDomain
import Vapor

enum SchoolsController {
    static func index(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let (items, year) = try await SchoolsView.query(user: user, programme: try? await req.shownProgramme(), today: req.today,
                                                        cache: req.application.monitoringCache, on: req.db)
        return SchoolsView.render(try await PageContext.make(req), items: items, categoryYear: year)
    }

    static func show(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await Scope.school(try req.uuidParameter("schoolID"), for: user, on: req.db)
        req.openMunicipality(of: school)
        return try await render(req, user: try req.currentUser(), school: school, failed: nil)
    }

    static func render(_ req: Request, user: CurrentUser, school: School, failed: FailedForm?) async throws -> Response {
        let model = try await SchoolProfileView.query(school: school, programme: try? await req.shownProgramme(), user: user, selectedYear: try req.queryYear(),
                                                      cache: req.application.monitoringCache, on: req.db)
        return SchoolProfileView.render(try await PageContext.make(req), model, failed: failed)
    }

    static func saveContext(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await Scope.school(try req.uuidParameter("schoolID"), for: user, on: req.db)
        guard user.canEditSchoolData(school) else {
            throw Abort(.forbidden, reason: "Сведения о школе вносят сама школа, методисты и управление образования.")
        }
        let sent = try req.content.decode([String: String].self)
        let values = Dictionary(uniqueKeysWithValues: ContextInput.fields.map { ($0, sent[$0] ?? "") })
        switch try await ContextInput.save(values, school: school, user: user, today: req.today, on: req.db) {
        case .failure(let errors):
            return try await render(req, user: user, school: school, failed: FailedForm(form: "context", values: values, errors: errors))
        case .success:
            return Notice.saved(req, to: SiteURL.school(.value(school.id!)).with([("year", values["year"] ?? "")]))
        }
    }
}
