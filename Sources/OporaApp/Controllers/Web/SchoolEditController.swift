import OporaDomain
import Vapor

/// The school registry by form: admin only, within the admin's municipality. Marking a school as
/// participating gives it its own plan.
enum SchoolEditController {
    struct Body: Content {
        var code: String?
        var name: String
        var shortName: String?
        var settlement: String?
        var type: String?
        var distanceKm: String?
        var login: String?
        var okpo: String?
        var inn: String?
        var parentCode: String?
        var participating: String?

        var form: SchoolEditView.Form {
            var f = SchoolEditView.Form()
            f.code = (code ?? "").trimmingCharacters(in: .whitespaces)
            f.name = name.trimmingCharacters(in: .whitespaces)
            f.shortName = (shortName ?? "").trimmingCharacters(in: .whitespaces)
            f.settlement = (settlement ?? "").trimmingCharacters(in: .whitespaces)
            f.type = type ?? ""
            f.distanceKm = (distanceKm ?? "").trimmingCharacters(in: .whitespaces)
            f.login = (login ?? "").trimmingCharacters(in: .whitespaces)
            f.okpo = (okpo ?? "").trimmingCharacters(in: .whitespaces)
            f.inn = (inn ?? "").trimmingCharacters(in: .whitespaces)
            f.parentCode = (parentCode ?? "").trimmingCharacters(in: .whitespaces)
            f.participating = participating == "1"
            return f
        }
    }

    static func new(_ req: Request) async throws -> Response {
        SchoolEditView.render(try await PageContext.make(req), schoolID: nil, form: .init(), failed: nil)
    }

    static func edit(_ req: Request) async throws -> Response {
        let school = try await Scope.school(try req.uuidParameter("schoolID"), for: try req.currentUser(), on: req.db)
        let participating = try await Participation.takesPart(try school.requireID(), in: try await req.shownProgramme().requireID(), on: req.db)
        return SchoolEditView.render(try await PageContext.make(req), schoolID: school.id, form: .init(school, participating: participating), failed: nil)
    }

    static func create(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let f = try req.content.decode(Body.self).form
        let programme = try await req.shownProgramme()
        switch try await SchoolRegistry.create(f, municipalityID: try Scope.ownMunicipalityID(for: user), programme: programme, user: user, on: req.db) {
        case .success(let school):
            return Notice.saved(req, to: SiteURL.school(.value(school.id!)).path)
        case .failure(let errors):
            return SchoolEditView.render(try await PageContext.make(req), schoolID: nil, form: f, failed: .init(form: "school", values: f, errors: errors))
        }
    }

    static func update(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await Scope.school(try req.uuidParameter("schoolID"), for: user, on: req.db)
        var f = try req.content.decode(Body.self).form
        f.code = school.code
        switch try await SchoolRegistry.update(school, f, programme: try await req.shownProgramme(), user: user, on: req.db) {
        case .success:
            return Notice.saved(req, to: SiteURL.school(.value(school.id!)).path)
        case .failure(let errors):
            return SchoolEditView.render(try await PageContext.make(req), schoolID: school.id, form: f, failed: .init(form: "school", values: f, errors: errors))
        }
    }

    /// The programme's default list: the schools in category НРО or НСУ in the year before the
    /// programme starts.
    static func participatingByMonitoring(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let programme = try await req.shownProgramme()
        let notice = try await SchoolRegistry.addParticipatingByMonitoring(programme: programme, user: user, cache: req.application.monitoringCache, on: req.db)
        Notice.set(notice, on: req)
        return req.redirect(to: SiteURL.schools.path)
    }
}
