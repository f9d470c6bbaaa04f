import Fluent
import OporaDomain
import Vapor

/// «Кадры и условия»: read by everyone who may see the school; changed by admin, methodist and the school itself.
enum SchoolDataController {
    static func model(_ req: Request, user: CurrentUser, school: School) async throws -> SchoolDataView.Model {
        let programme = try await req.shownProgramme()
        let (year, years) = try req.schoolPageYear(of: programme)
        return try await SchoolDataView.query(user: user, school: school, programme: programme, year: year, years: years, cache: req.application.monitoringCache, on: req.db)
    }

    static func show(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await Scope.school(try req.uuidParameter("schoolID"), for: user, on: req.db)
        return SchoolDataView.render(try await PageContext.make(req), try await model(req, user: user, school: school), failed: nil)
    }

    /// A form's row goes through the same checks and the same write as an imported file's.
    static func save(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await Scope.school(try req.uuidParameter("schoolID"), for: user, on: req.db)
        guard user.canEditSchoolData(school) else {
            throw Abort(.forbidden, reason: "Сведения о школе вносят сама школа, методисты и управление образования.")
        }
        guard let kind = req.parameters.get("kind").flatMap(ImportKind.init(rawValue:)),
              [.teachers, .trainings, .staffPositions, .checklist, .gia].contains(kind) else {
            throw Abort(.notFound, reason: "Такой формы нет.")
        }
        let sent = try req.content.decode([String: String].self)
        // Only the form's own fields, by their exact names: a field like «School_Code» must not
        // slip past the school this page is about.
        let fields: [ImportKind: [String]] = [
            .teachers: ["teacher_code", "name", "position", "pedagogical", "qualification", "employed_from", "employed_to"],
            .trainings: ["teacher_code", "title", "provider", "hours", "completed_on", "quality", "certificate"],
            .staffPositions: ["year", "position", "pedagogical", "positions", "filled", "filled_qualified"],
            .gia: ["year", "participants", "passed"],
            .checklist: ["year"],
        ]
        var values: [String: String] = [:]
        for key in fields[kind]! { values[key] = sent[key] ?? "" }
        var header = ["school_code"] + fields[kind]!
        var cells = [school.code] + fields[kind]!.map { values[$0]! }
        if kind == .checklist {
            let items = try await ChecklistItems.titles(municipalityID: school.$municipality.id, on: req.db)
            header = ["year", "school_code"] + items
            cells = [values["year"] ?? "", school.code] + items.indices.map { sent["item_\($0)"] == nil ? "нет" : "да" }
            for i in items.indices where sent["item_\(i)"] != nil { values["item_\(i)"] = "да" }
        }
        switch try await ImportService.saveFormRow(kind: kind, header: header, cells: cells, municipalityID: school.$municipality.id,
                                                   user: user, today: req.today, on: req.db) {
        case .failure(let errors):
            let failed = FailedForm(form: kind.rawValue, values: values, errors: errors)
            return SchoolDataView.render(try await PageContext.make(req), try await model(req, user: user, school: school), failed: failed)
        case .success:
            return Notice.saved(req, to: SiteURL.schoolData(.value(school.id!)).with([("year", values["year"] ?? "")]) + "#form-\(kind.rawValue)")
        }
    }
}
