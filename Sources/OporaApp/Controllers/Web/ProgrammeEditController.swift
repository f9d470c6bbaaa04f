import OporaDomain
import Vapor

/// The editor of the shown programme (admin and methodist, while it is a draft or active), and a
/// municipal measure's description and deletion from its own page.
enum ProgrammeEditController {
    static func show(_ req: Request) async throws -> Response {
        try await render(req, failed: nil)
    }

    static func render(_ req: Request, failed: FailedForm?) async throws -> Response {
        let model = try await ProgrammeEditView.query(try await req.shownProgramme(), on: req.db)
        return ProgrammeEditView.render(try await PageContext.make(req), model, failed: failed)
    }

    static func save(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let programme = try await req.openProgramme()
        let part = req.parameters.get("part") ?? ""
        let form = try req.content.decode([String: String].self)
        let id = form["id"]
        let db = req.db
        let result: Result<String?, FieldErrors>
        switch part {
        case "passport": result = try await ProgrammeEditing.savePassport(programme, form, user: user, on: db).map { nil }
        case "section": result = try await ProgrammeEditing.saveSection(programme, form, user: user, on: db).map { _ in nil }
        case "section-delete": result = try await ProgrammeEditing.deleteSection(programme, id: id, user: user, on: db).map { nil }
        case "section-up", "section-down":
            result = try await ProgrammeEditing.moveSection(programme, id: id, up: part == "section-up", user: user, on: db).map { nil }
        case "direction": result = try await ProgrammeEditing.saveDirection(programme, form, user: user, on: db).map { _ in nil }
        case "direction-delete": result = try await ProgrammeEditing.deleteDirection(programme, id: id, user: user, on: db).map { nil }
        case "direction-up", "direction-down":
            result = try await ProgrammeEditing.moveDirection(programme, id: id, up: part == "direction-up", user: user, on: db).map { nil }
        case "task": result = try await ProgrammeEditing.saveTask(programme, form, user: user, on: db).map { _ in nil }
        case "task-delete": result = try await ProgrammeEditing.deleteTask(programme, id: id, user: user, on: db).map { nil }
        case "indicator": result = try await ProgrammeEditing.saveIndicator(programme, form, user: user, on: db).map { _ in nil }
        case "indicator-delete": result = try await ProgrammeEditing.deleteIndicator(programme, id: id, user: user, on: db).map { nil }
        case "measure": result = try await ProgrammeEditing.addMeasure(programme, form, user: user, on: db).map(\.warning)
        default: throw Abort(.notFound, reason: "Такой формы нет.")
        }
        let formID = ProgrammeEditView.formID(part: part, values: form)
        switch result {
        case .success(let warning):
            Notice.set(warning ?? Notice.saved, on: req)
            return req.redirect(to: SiteURL.programmeEdit.path + "#" + ProgrammeEditView.anchor(part: part, values: form))
        case .failure(let errors):
            return try await render(req, failed: FailedForm(form: formID, values: form, errors: errors))
        }
    }

    static func describeMeasure(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let measure = try await Scope.measure(try req.uuidParameter("measureID"), for: user, on: req.db)
        _ = try await openProgramme(of: measure, on: req)
        let form = try req.content.decode([String: String].self)
        switch try await ProgrammeEditing.describeMeasure(measure, form, user: user, on: req.db) {
        case .success:
            Notice.set(Notice.saved, on: req)
            return req.redirect(to: SiteURL.measure(.value(try measure.requireID())).path)
        case .failure(let errors):
            return try await refused(req, measure, FailedForm(form: "describe", values: form, errors: errors))
        }
    }

    static func deleteMeasure(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let measure = try await Scope.measure(try req.uuidParameter("measureID"), for: user, on: req.db)
        _ = try await openProgramme(of: measure, on: req)
        switch try await ProgrammeEditing.deleteMeasure(measure, user: user, on: req.db) {
        case .success:
            Notice.set("Мероприятие «\(measure.name)» удалено.", on: req)
            return req.redirect(to: SiteURL.measures.path)
        case .failure(let errors):
            return try await refused(req, measure, FailedForm(form: "delete", values: [:], errors: errors))
        }
    }

    private static func refused(_ req: Request, _ measure: Measure, _ failed: FailedForm) async throws -> Response {
        let model = try await MeasureShowModel.fetch(try measure.requireID(), user: try req.currentUser(), today: req.today, on: req.db)
        return MeasureShowView.render(try await PageContext.make(req), model, failed: nil, described: failed)
    }

    private static func openProgramme(of measure: Measure, on req: Request) async throws -> Programme {
        let programme = try await measure.$programme.get(on: req.db)
        try Programmes.requireOpen(programme)
        return programme
    }
}
