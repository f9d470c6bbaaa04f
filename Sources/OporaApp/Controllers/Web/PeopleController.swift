import Fluent
import OporaDomain
import Vapor

/// Teachers of a school: deficits, development plans, the diagnostics form and mentoring.
/// Seen and changed by the school itself, methodists and admin; never by observers.
enum PeopleController {
    static func model(_ req: Request, user: CurrentUser, school: School) async throws -> SchoolPeopleView.Model {
        return try await SchoolPeopleView.query(user: user, school: school, today: req.today, on: req.db)
    }

    static func show(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await Scope.peopleSchool(try req.uuidParameter("schoolID"), for: user, on: req.db)
        return SchoolPeopleView.render(try await PageContext.make(req), try await model(req, user: user, school: school), failed: nil,
                                       notice: Notice.take(req))
    }

    static func save(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await Scope.peopleSchool(try req.uuidParameter("schoolID"), for: user, on: req.db)
        let form = req.parameters.get("form") ?? ""
        let values = try req.content.decode([String: String].self)
        let result: Result<Void, FieldErrors>
        switch form {
        case "diagnostics": result = try await saveDiagnostics(values, school: school, user: user, today: req.today, on: req.db)
        case "mentorship": result = try await PeopleWork.addMentorship(values, school: school, user: user, on: req.db)
        case "mentor-list":
            guard user.access.canManagePeopleWork else { throw Abort(.forbidden, reason: "Список наставников муниципалитета ведут методисты и управление образования.") }
            result = try await PeopleWork.listMentors(values, school: school, user: user, on: req.db)
            if case .success = result { Notice.set("Список наставников муниципалитета сохранён.", on: req) }
        default: throw Abort(.notFound, reason: "Такой формы нет.")
        }
        switch result {
        case .failure(let errors):
            return SchoolPeopleView.render(try await PageContext.make(req), try await model(req, user: user, school: school),
                                           failed: .init(form: form, values: values, errors: errors))
        case .success:
            return req.redirect(to: SiteURL.schoolPeople(.value(school.id!)).path + "#h-" + (form == "diagnostics" ? "teachers" : form == "mentor-list" ? "mentor-list" : "mentoring"))
        }
    }

    static func meeting(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        guard let pair = try await Mentorship.find(try req.uuidParameter("mentorshipID"), on: req.db) else {
            throw Abort(.notFound, reason: "Такой наставнической пары нет.")
        }
        let (_, school) = try await Scope.teacher(pair.$mentee.id, for: user, on: req.db)
        let values = try req.content.decode([String: String].self)
        switch try await PeopleWork.addMeeting(values, pair: pair, school: school, user: user, today: req.today, on: req.db) {
        case .failure(let errors):
            return SchoolPeopleView.render(try await PageContext.make(req), try await model(req, user: user, school: school),
                                           failed: .init(form: "meeting-\(pair.id!.uuidString)", values: values, errors: errors))
        case .success:
            return req.redirect(to: SiteURL.schoolPeople(.value(school.id!)).path + "#h-mentoring")
        }
    }

    /// The form's scores go through the rules of the diagnostics file, one row per filled area.
    static func saveDiagnostics(_ values: [String: String], school: School, user: CurrentUser, today: Day, on db: any Database) async throws -> Result<Void, FieldErrors> {
        var errors = FieldErrors()
        let teacher = try await UUID(uuidString: values["teacher"] ?? "").asyncFlatMap { try await TeacherRecord.find($0, on: db) }
        guard let teacher, teacher.$school.id == school.id else {
            errors.add("teacher", "Выберите педагога этой школы.")
            return .failure(errors)
        }
        let areas = try await CompetenceAreaList.load(municipalityID: school.$municipality.id, on: db)
        let filled = areas.filter { !(values["score_\($0.key)"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
        guard !filled.isEmpty else {
            errors.add("score_\(areas.first?.key ?? "")", "Введите балл хотя бы по одной компетенции.")
            return .failure(errors)
        }
        let rows = filled.enumerated().map { i, a in
            ImportTable.Row(line: i + 2, cells: [school.code, teacher.teacherCode, values["date"] ?? "", a.key, values["score_\(a.key)"] ?? ""])
        }
        let table = ImportTable(header: ["school_code", "teacher_code", "date", "area", "score"], rows: rows)
        switch try await ImportService.run(kind: .diagnostics, table: table, fileName: "", source: .form, municipalityID: school.$municipality.id,
                                           user: user, write: true, today: today, on: db) {
        case .success: return .success(())
        case .failure(let problems):
            for p in problems.problems {
                let area = p.column == "score" ? filled[(p.line ?? 2) - 2] : nil
                let field = area.map { "score_\($0.key)" } ?? (p.column == "date" ? "date" : "teacher")
                let reason = p.reason.prefix(1).uppercased() + p.reason.dropFirst()
                if errors[field] == nil { errors.add(field, area.map { "\($0.title): \(reason)" } ?? reason) }
            }
            return .failure(errors)
        }
    }
}
