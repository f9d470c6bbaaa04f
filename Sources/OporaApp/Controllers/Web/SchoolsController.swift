import Fluent
import OporaDomain
import Vapor

enum SchoolsController {
    static func index(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let (items, year) = try await SchoolsView.query(user: user, today: req.today, cache: req.application.monitoringCache, on: req.db)
        return SchoolsView.render(try await PageContext.make(req), items: items, categoryYear: year,
                                  message: Notice.take(req))
    }

    static func show(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await Scope.school(try req.uuidParameter("schoolID"), for: user, on: req.db)
        return try await render(req, user: user, school: school, form: [:], errors: nil)
    }

    static func render(_ req: Request, user: CurrentUser, school: School, form: [String: String],
                       errors: [String: String]?) async throws -> Response {
        let model = try await SchoolProfileView.query(school: school, user: user, selectedYear: try req.queryYear(),
                                                      cache: req.application.monitoringCache, on: req.db)
        return SchoolProfileView.render(try await PageContext.make(req), model, contextForm: form, errors: errors)
    }

    /// The form's fields are the import file's columns: one set of rules for both.
    static let contextFields = ["year", "students", "low_income_share", "incomplete_family_share", "no_higher_education_share",
                                "non_native_share", "preventive_register_share"]

    static func saveContext(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await Scope.school(try req.uuidParameter("schoolID"), for: user, on: req.db)
        guard user.canEditSchoolData(school) else {
            throw Abort(.forbidden, reason: "Сведения о школе вносят сама школа, методисты и управление образования.")
        }
        let sent = try req.content.decode([String: String].self)
        let values = Dictionary(uniqueKeysWithValues: contextFields.map { ($0, sent[$0] ?? "") })
        switch try await ContextInput.save(values, school: school, user: user, today: req.today, on: req.db) {
        case .failure(let errors):
            return try await render(req, user: user, school: school, form: values, errors: errors.messages)
        case .success:
            return req.redirect(to: SiteURL.school(.value(school.id!)).with([("year", values["year"] ?? "")]))
        }
    }
}

/// Social context by form or API: the row goes through the same checks and write as an imported file's.
enum ContextInput {
    static func save(_ values: [String: String], school: School, user: CurrentUser, today: Day, on db: any Database) async throws -> Result<Void, FieldErrors> {
        try await ImportService.saveFormRow(kind: .context, header: ["school_code"] + SchoolsController.contextFields,
                                            cells: [school.code] + SchoolsController.contextFields.map { values[$0] ?? "" },
                                            municipalityID: school.$municipality.id, user: user, today: today, on: db)
    }
}
