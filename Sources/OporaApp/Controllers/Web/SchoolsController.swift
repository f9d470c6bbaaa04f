import Fluent
import OporaDomain
import Vapor

enum SchoolsController {
    static func index(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let municipalities = try await ProgrammeScope.municipalityIDs(for: user, on: req.db)
        let schools = try await School.query(on: req.db).filter(\.$municipality.$id ~~ municipalities).sort(\.$name).all()
        var plans: [SchoolPlans.Item] = []
        if let programme = try await ProgrammeScope.programmes(for: user, on: req.db).first {
            plans = try await SchoolPlans.items(programmeID: try programme.requireID(), user: user, today: req.today, on: req.db)
        }
        var categories: [String: SchoolCategory] = [:]
        var year: Int?
        if user.role != .school, let municipalityID = municipalities.first {
            let data = try await MonitoringData.load(municipalityID: municipalityID, on: req.db)
            if let last = data.years.last {
                year = last
                let version = try await Methodology.current(municipalityID: municipalityID, on: req.db)
                for a in data.identify(year: last, parameters: version.parameters).schools { categories[a.schoolCode] = a.category }
            }
        }
        let items = schools.map { s in
            SchoolsView.Item(school: s.facts, settlement: s.settlement, type: s.type, category: categories[s.code],
                             plan: user.canReadSchool(s.id!) ? plans.first { $0.id == s.id } : nil, canOpen: user.canReadSchool(s.id!))
        }
        return SchoolsView.render(try await PageContext.make(req), items: items, categoryYear: year)
    }

    /// The school, if the user may see its profile: 404 outside the user's municipality, 403 for another school's user.
    static func readableSchool(_ req: Request, user: CurrentUser) async throws -> School {
        let id = try req.uuidParameter("schoolID")
        let municipalities = try await ProgrammeScope.municipalityIDs(for: user, on: req.db)
        guard let school = try await School.find(id, on: req.db), municipalities.contains(school.$municipality.id) else {
            throw Abort(.notFound, reason: "Такой школы нет.")
        }
        guard user.canReadSchool(id) else {
            throw Abort(.forbidden, reason: "Профиль другой школы видят только эта школа, методисты, управление образования и наблюдатели.")
        }
        return school
    }

    static func show(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await readableSchool(req, user: user)
        return try await render(req, user: user, school: school, form: .init(), errors: nil)
    }

    static func render(_ req: Request, user: CurrentUser, school: School, form: SchoolProfileView.ContextForm,
                       errors: [String: String]?) async throws -> Response {
        let municipalityID = school.$municipality.id
        let data = try await MonitoringData.load(municipalityID: municipalityID, on: req.db)
        let version = try await Methodology.current(municipalityID: municipalityID, on: req.db)
        var assessments: [SchoolAssessment] = []
        var references: [ResultRow.Key: Double] = [:]
        for year in data.years.reversed() {
            let result = data.identify(year: year, parameters: version.parameters)
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
            canEditContext: canEditContext(user, school: school), selectedYear: try? req.query.get(Int.self, at: "year"))
        return SchoolProfileView.render(try await PageContext.make(req), model, contextForm: form, errors: errors)
    }

    static func canEditContext(_ user: CurrentUser, school: School) -> Bool {
        user.role == .admin || user.role == .methodist || (user.role == .school && user.schoolID == school.id)
    }

    struct ContextBody: Content {
        var year: String
        var students: String?
        var lowIncome: String?
        var incompleteFamily: String?
        var noHigherEducation: String?
        var nonNative: String?
        var preventiveRegister: String?
    }

    static func saveContext(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await readableSchool(req, user: user)
        guard canEditContext(user, school: school) else {
            throw Abort(.forbidden, reason: "Сведения о школе вносят сама школа, методисты и управление образования.")
        }
        let b = try req.content.decode(ContextBody.self)
        let form = SchoolProfileView.ContextForm(year: b.year, students: b.students ?? "", lowIncome: b.lowIncome ?? "",
                                                 incompleteFamily: b.incompleteFamily ?? "", noHigherEducation: b.noHigherEducation ?? "",
                                                 nonNative: b.nonNative ?? "", preventiveRegister: b.preventiveRegister ?? "")
        switch ContextInput.validate(form, schoolCode: school.code) {
        case .failure(let errors):
            return try await render(req, user: user, school: school, form: form, errors: errors.messages)
        case .success(let context):
            try await ContextInput.save(context, school: school, user: user, on: req.db)
            return req.redirect(to: SiteURL.school(.value(school.id!)).with([("year", String(context.year))]))
        }
    }
}

/// The social context form and API: validation and the write with its audit record.
enum ContextInput {
    static func validate(_ f: SchoolProfileView.ContextForm, schoolCode: String) -> Result<SocialContext, FieldErrors> {
        var errors: [String: String] = [:]
        let year = Int(f.year.trimmingCharacters(in: .whitespaces))
        if year == nil || !(2000...2100).contains(year!) { errors["year"] = "Год — четыре цифры, например 2021." }
        var students: Int?
        let s = f.students.trimmingCharacters(in: .whitespaces)
        if !s.isEmpty {
            students = Int(s)
            if students == nil || students! < 0 { errors["students"] = "Число обучающихся — целое неотрицательное число." }
        }
        func share(_ key: String, _ text: String) -> Double? {
            let t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
            if t.isEmpty { return nil }
            let isPercent = t.hasSuffix("%")
            guard let v = Double(isPercent ? String(t.dropLast()).trimmingCharacters(in: .whitespaces) : t) else {
                errors[key] = "Доля — число от 0 до 1 (например, 0,3) или процент (30%)."
                return nil
            }
            let value = isPercent ? v / 100 : v
            guard (0...1).contains(value) else {
                errors[key] = "Доля должна быть от 0 до 1 (от 0% до 100%)."
                return nil
            }
            return value
        }
        let c = SocialContext(year: year ?? 0, schoolCode: schoolCode, students: students,
                              lowIncomeShare: share("lowIncome", f.lowIncome),
                              incompleteFamilyShare: share("incompleteFamily", f.incompleteFamily),
                              noHigherEducationShare: share("noHigherEducation", f.noHigherEducation),
                              nonNativeShare: share("nonNative", f.nonNative),
                              preventiveRegisterShare: share("preventiveRegister", f.preventiveRegister))
        return errors.isEmpty ? .success(c) : .failure(FieldErrors(errors))
    }

    static func save(_ c: SocialContext, school: School, user: CurrentUser, on db: any Database) async throws {
        try await db.transaction { db in
            let existing = try await SocialContextRecord.query(on: db).filter(\.$school.$id == school.id!).filter(\.$year == c.year).first()
            let before = existing.map { Format.context($0.domain(schoolCode: school.code)) }
            let record = existing ?? SocialContextRecord()
            record.$municipality.id = school.$municipality.id
            record.$school.id = school.id!
            record.year = c.year
            record.set(c)
            try await record.save(on: db)
            try await Audit.record(db, user: user, action: "context.save", entityType: "school", entityID: school.id,
                                   municipalityID: school.$municipality.id,
                                   summary: "Социальные условия: \(school.shortName), \(c.year)",
                                   before: before.map { ["Сведения": $0] }, after: ["Сведения": Format.context(c)])
        }
    }
}
