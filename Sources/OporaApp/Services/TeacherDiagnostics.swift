import Fluent
import Foundation
import OporaDomain

/// Scores of a teacher's diagnostics typed into the school's people page.
enum TeacherDiagnostics {
    /// The form's scores go through the rules of the diagnostics file, one row per filled area.
    static func save(_ values: [String: String], school: School, user: CurrentUser, today: Day, on db: any Database) async throws -> Result<Void, FieldErrors> {
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
