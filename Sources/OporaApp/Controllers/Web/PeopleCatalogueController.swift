import OporaDomain
import Vapor

/// Competence areas (admin) and the course catalogue (admin and methodists).
enum PeopleCatalogueController {
    static func model(_ req: Request, user: CurrentUser) async throws -> PeopleCatalogueView.Model {
        return try await PeopleCatalogueView.query(user: user, on: req.db)
    }

    static func show(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        return PeopleCatalogueView.render(try await PageContext.make(req), try await model(req, user: user), failed: nil)
    }

    static func save(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let programme = try await req.shownProgramme()
        let municipalityID = programme.$municipality.id
        let values = try req.content.decode([String: String].self)
        let form = req.parameters.get("form") ?? ""
        let result: Result<Void, FieldErrors>
        switch form {
        case "areas":
            guard user.access.canAdminister else { throw Abort(.forbidden, reason: "Список компетенций меняет управление образования.") }
            result = try await CompetenceAreaLists.save(values, municipalityID: municipalityID, user: user, on: req.db)
        case "course":
            guard user.access.canManagePeopleWork else { throw Abort(.forbidden, reason: "Каталог курсов ведут методисты и управление образования.") }
            let areas = try await CompetenceAreaList.load(municipalityID: municipalityID, on: req.db)
            let chosen = areas.filter { values["area_\($0.key)"] != nil }.map(\.key).joined(separator: ";")
            let fields = ["title", "provider", "hours", "quality"]
            result = try await ImportService.saveFormRow(kind: .courses, header: fields + ["areas"], cells: fields.map { values[$0] ?? "" } + [chosen],
                                                         municipalityID: municipalityID, user: user, today: req.today, on: req.db)
        default:
            throw Abort(.notFound, reason: "Такой формы нет.")
        }
        switch result {
        case .success: return Notice.saved(req, to: SiteURL.peopleCatalogue.path + (form == "areas" ? "#h-areas" : "#h-courses"))
        case .failure(let errors):
            return PeopleCatalogueView.render(try await PageContext.make(req), try await model(req, user: user),
                                              failed: .init(form: form, values: values, errors: errors))
        }
    }
}
