import Fluent
import OporaDomain
import Vapor

/// Support of a school's students: seen and changed by the school, methodists and admin; never by
/// observers, who get municipal counts only.
enum StudentSupportController {
    static func model(_ req: Request, user: CurrentUser, school: School) async throws -> StudentSupportView.Model {
        let (year, years) = try req.schoolPageYear(of: try await req.shownProgramme())
        return try await StudentSupportView.query(school: school, year: year, years: years, user: user, on: req.db)
    }

    static func show(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await Scope.peopleSchool(try req.uuidParameter("schoolID"), for: user, on: req.db)
        return StudentSupportView.render(try await PageContext.make(req), try await model(req, user: user, school: school), failed: nil)
    }

    static let gradeFields = ["year", "grade", "difficulties", "motivation_low", "motivation_medium", "motivation_high", "extracurricular"]

    static func save(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await Scope.peopleSchool(try req.uuidParameter("schoolID"), for: user, on: req.db)
        let form = req.parameters.get("form") ?? ""
        let values = try req.content.decode([String: String].self)
        let result: Result<Void, FieldErrors>
        switch form {
        case "grade":
            // Only the form's own fields: the school is the page's, never a field's.
            result = try await ImportService.saveFormRow(kind: .studentSupport, header: ["school_code"] + gradeFields,
                                                         cells: [school.code] + gradeFields.map { values[$0] ?? "" },
                                                         municipalityID: school.$municipality.id, user: user, today: req.today, on: req.db)
        case "families": result = try await PeopleWork.saveFamilies(values, school: school, user: user, on: req.db)
        case "plan": result = try await PeopleWork.saveSupportPlan(values, school: school, user: user, on: req.db).map { _ in () }
        default: throw Abort(.notFound, reason: "Такой формы нет.")
        }
        switch result {
        case .failure(let errors):
            return StudentSupportView.render(try await PageContext.make(req), try await model(req, user: user, school: school),
                                             failed: .init(form: form, values: values, errors: errors))
        case .success:
            let anchor = ["grade": "#h-grades", "families": "#h-families", "plan": "#h-plans"][form] ?? ""
            return Notice.saved(req, to: SiteURL.schoolSupport(.value(school.id!)).with([("year", values["year"] ?? "")]) + anchor)
        }
    }

    /// The page's tables as a workbook: grades of the year, families, support plans.
    static func xlsx(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await Scope.peopleSchool(try req.uuidParameter("schoolID"), for: user, on: req.db)
        let m = try await model(req, user: user, school: school)
        let int = { (v: Int?) in v.map(XLSXCell.integer) ?? .empty }
        let sheets = [
            // In the layout of the «Поддержка обучающихся» import, so the sheet loads back as it is.
            XLSXSheet(name: "По классам \(m.year)", columns: ["school_code", "year", "grade", "difficulties", "motivation_low", "motivation_medium",
                                                             "motivation_high", "extracurricular"].map { XLSXColumn(title: StudentSupportFile.columns.label($0), width: 18) },
                      rows: m.grades.map { g in [.text(school.code), .integer(m.year), .integer(g.grade), int(g.difficulties), int(g.motivationLow),
                                                 int(g.motivationMedium), int(g.motivationHigh), int(g.extracurricular)] }),
            XLSXSheet(name: "Семьи зоны риска", columns: [XLSXColumn(title: "Год", width: 8), XLSXColumn(title: "Семей", width: 10)],
                      rows: [[.integer(m.year), int(m.families)]]),
            XLSXSheet(name: "Планы сопровождения", columns: ["Код участника", "Класс", "Цель", "Меры", "Специалист", "Пересмотр", "Итог"].map { XLSXColumn(title: $0, width: 24) },
                      rows: m.plans.map { p in [.text(p.participantCode), int(p.grade), .text(p.goal), .text(p.measures), .text(p.specialistRole),
                                                .text(p.reviewDates.map(\.russian).joined(separator: ", ")), .text(p.outcome ?? "")] }),
        ]
        return Download.attachment(Data(try XLSXWriter.workbook(sheets)), contentType: XLSXWriter.contentType,
                                   fileName: "opora-support-\(school.code)-\(m.year).xlsx")
    }
}
