import Fluent
import OporaDomain
import Vapor

/// «Кадры и условия»: read by everyone who may see the school; changed by admin, methodist and the school itself.
enum SchoolDataController {
    static func model(_ req: Request, user: CurrentUser, school: School) async throws -> SchoolDataView.Model {
        let programme = try await ProgrammeScope.current(for: user, on: req.db)
        let years = Array((programme.startYear - 1)...programme.endYear)
        let requested = (try? req.query.get(Int.self, at: "year")) ?? (try? req.content.get(Int.self, at: "year"))
        let year = requested.flatMap { years.contains($0) ? $0 : nil } ?? min(max(req.today.year, years.first!), years.last!)
        let data = try await IndicatorData.load(programme, on: req.db)
        let i = data.inputs
        let teachers = i.teachers.filter { $0.schoolCode == school.code }.sorted { $0.teacherCode.localizedStandardCompare($1.teacherCode) == .orderedAscending }
        let ids = Set(teachers.map(\.id))
        var checklist: [String: Bool] = [:]
        for c in i.checklists where c.schoolCode == school.code && c.year == year { checklist[c.item] = c.available }
        return SchoolDataView.Model(
            school: school.facts, year: year, years: years, teachers: teachers, trainings: i.trainings.filter { ids.contains($0.teacherID) },
            positions: i.positions.filter { $0.schoolCode == school.code && $0.year == year }, checklistItems: i.checklistItems,
            checklist: checklist, gia: i.gia.first { $0.schoolCode == school.code && $0.year == year },
            canEdit: SchoolsController.canEditContext(user, school: school))
    }

    static func show(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await SchoolsController.readableSchool(req, user: user)
        return SchoolDataView.render(try await PageContext.make(req), try await model(req, user: user, school: school), failed: nil)
    }

    /// A form's row goes through the same checks and the same write as an imported file's.
    static func save(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await SchoolsController.readableSchool(req, user: user)
        guard SchoolsController.canEditContext(user, school: school) else {
            throw Abort(.forbidden, reason: "Сведения о школе вносят сама школа, методисты и управление образования.")
        }
        guard let kind = req.parameters.get("kind").flatMap(ImportKind.init(rawValue:)),
              [.teachers, .trainings, .staffPositions, .checklist, .gia].contains(kind) else {
            throw Abort(.notFound, reason: "Такой формы нет.")
        }
        var values = try req.content.decode([String: String].self)
        values["_csrf"] = nil
        values["school_code"] = school.code
        var header = Array(values.keys).sorted()
        var cells = header.map { values[$0]! }
        if kind == .checklist {
            let items = try await ChecklistItems.titles(municipalityID: school.$municipality.id, on: req.db)
            header = ["year", "school_code"] + items
            cells = [values["year"] ?? "", school.code] + items.indices.map { values["item_\($0)"] == nil ? "нет" : "да" }
        }
        let table = ImportTable(header: header, rows: [ImportTable.Row(line: 2, cells: cells)])
        switch try await ImportService.run(kind: kind, table: table, fileName: ImportService.formFileName,
                                           municipalityID: school.$municipality.id, user: user, write: true, on: req.db) {
        case .failure(let problems):
            var errors: [String: String] = [:]
            for p in problems.problems { errors[p.column ?? "form", default: ""] += p.reason.prefix(1).uppercased() + p.reason.dropFirst() + " " }
            let failed = SchoolDataView.Failed(kind: kind, values: values, errors: errors.mapValues { $0.trimmingCharacters(in: .whitespaces) })
            return SchoolDataView.render(try await PageContext.make(req), try await model(req, user: user, school: school), failed: failed)
        case .success:
            return req.redirect(to: SiteURL.schoolData(.value(school.id!)).with([("year", values["year"] ?? "")]) + "#form-\(kind.rawValue)")
        }
    }
}
