import Fluent
import OporaDomain
import Vapor

/// Consultation points and the consultations log. Methodists and admin keep them; a school user sees
/// the points and the school's own consultations; an observer sees no teacher's name.
enum ConsultationsController {
    static func index(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        return ConsultationsView.render(try await PageContext.make(req), try await ConsultationsView.query(user: user, today: req.today, on: req.db), failed: nil)
    }

    static func save(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let programme = try await req.shownProgramme()
        let values = try req.content.decode([String: String].self)
        let form = req.parameters.get("form") ?? ""
        let chosen = values.keys.filter { $0.hasPrefix("area_") }.map { String($0.dropFirst(5)) }
        let result: Result<Void, FieldErrors>
        switch form {
        case "point":
            result = try await PeopleWork.addPoint(values, areaKeys: chosen, municipalityID: programme.$municipality.id, user: user, on: req.db)
        case "consultation":
            result = try await PeopleWork.addConsultation(values, municipalityID: programme.$municipality.id, user: user, today: req.today, on: req.db)
        default:
            throw Abort(.notFound, reason: "Такой формы нет.")
        }
        switch result {
        case .success: return Notice.saved(req, to: SiteURL.consultations.path + (form == "point" ? "#h-points" : "#h-log"))
        case .failure(let errors):
            return ConsultationsView.render(try await PageContext.make(req), try await ConsultationsView.query(user: user, today: req.today, on: req.db),
                                            failed: .init(form: form, values: values, errors: errors), areasChosen: chosen)
        }
    }
}
