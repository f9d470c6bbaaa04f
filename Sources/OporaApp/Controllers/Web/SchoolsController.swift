import Fluent
import OporaDomain
import Vapor

enum SchoolsController {
    static func index(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let municipalities = try await Scope.municipalityIDs(for: user, on: req.db)
        let schools = try await School.query(on: req.db).filter(\.$municipality.$id ~~ municipalities).sort(\.$name).all()
        var plans: [SchoolPlans.Item] = []
        if let programme = try await Scope.programmes(for: user, on: req.db).first {
            plans = try await SchoolPlans.items(programmeID: try programme.requireID(), user: user, today: req.today, on: req.db)
        }
        var categories: [String: SchoolCategory] = [:]
        var year: Int?
        if user.access.readsWholeMunicipality, let municipalityID = municipalities.first {
            if let latest = try await req.application.monitoringCache.identifiedLatest(municipalityID: municipalityID, on: req.db) {
                year = latest.year
                for a in latest.result.schools { categories[a.schoolCode] = a.category }
            }
        }
        let items = schools.map { s in
            SchoolsView.Item(school: s.facts, settlement: s.settlement, type: s.type, category: categories[s.code],
                             plan: user.canReadSchool(s.id!) ? plans.first { $0.id == s.id } : nil, canOpen: user.canReadSchool(s.id!))
        }
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
        let municipalityID = school.$municipality.id
        let data = try await req.application.monitoringCache.data(municipalityID: municipalityID, on: req.db)
        let version = try await Methodology.current(municipalityID: municipalityID, on: req.db)
        var assessments: [SchoolAssessment] = []
        var references: [ResultRow.Key: Double] = [:]
        for year in data.years.reversed() {
            guard let result = try await req.application.monitoringCache.identified(municipalityID: municipalityID, year: year, on: req.db)?.result
            else { continue }
            if let a = result.schools.first(where: { $0.schoolCode == school.code }) { assessments.append(a) }
            for r in result.references where r.year == year {
                references[ResultRow.Key(year: year, procedure: r.procedure, schoolCode: "")] = r.value
            }
        }
        let hasPlan = try await Measure.query(on: req.db).filter(\.$school.$id == school.id!).count() > 0
        let model = SchoolProfileView.Model(
            school: school.facts, settlement: school.settlement, type: school.type, isDemo: school.isDemo, hasPlan: hasPlan,
            assessments: assessments, references: references,
            rows: data.rows.filter { $0.schoolCode == school.code },
            contexts: data.contexts.filter { $0.schoolCode == school.code }, version: version,
            canEditContext: user.canEditSchoolData(school), selectedYear: try req.queryYear())
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
