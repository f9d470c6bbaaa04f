/// Results of the diagnostics of professional deficits in the long form a testing platform exports,
/// one row per teacher, date and area: `school_code,teacher_code,date,area,score`.
public enum DiagnosticsFile {
    public static let columns = ColumnSet([
        ColumnSet.schoolCode,
        TeachersFile.teacherCode,
        .init("date", "Дата диагностики", .day, required: true, ["дата", "дата диагностики", "дата тестирования"]),
        .init("area", "Компетенция", .text(rule: "область компетенций из перечня диагностики", example: "Предметные компетенции"), required: true, ["компетенция", "область", "направление"]),
        .init("score", "Результат, %", .percent, required: true, ["балл", "результат", "процент", "% выполнения"]),
    ])

    /// `knownTeachers` maps "school_code|teacher_code" to the teacher's id: the teachers file comes first.
    public static func parse(_ table: ImportTable, knownSchoolCodes: Set<String>, knownTeachers: [String: String],
                             areas: [CompetenceArea], today: Day) -> Result<[DiagnosticFact], ImportProblems> {
        var seen: [String: Int] = [:]
        return columns.parse(table) { r in
            let school = r.school("school_code", known: knownSchoolCodes, allowRegion: false)
            let code = r.required("teacher_code", "табельный номер")
            let date = r.day("date", "Дата диагностики", required: true)
            if let date, date > today {
                r.problem("date", r.text("date"), "дата диагностики позже сегодняшней (\(today.russian)).")
            }
            var area: CompetenceArea?
            if let t = r.required("area", "компетенция") {
                area = CompetenceAreas.find(t, in: areas)
                if area == nil { r.problem("area", t, "неизвестная компетенция: допустимы \(CompetenceAreas.listed(areas)).") }
            }
            var score: Double?
            if let t = r.required("score", "результат диагностики"), let v = r.percent("score") {
                if (0...100).contains(v) { score = v } else { r.problem("score", t, "результат диагностики — процент от 0 до 100.") }
            }
            var teacherID: String?
            if let school, let code {
                teacherID = knownTeachers["\(school)|\(code)"]
                if teacherID == nil {
                    r.problem("teacher_code", code, "неизвестный педагог: загрузите сначала список педагогов (в школе \(school) нет такого табельного номера).")
                }
            }
            guard let school, let code, let date, let area else { return nil }
            let id = "\(school)|\(code)|\(date.iso)|\(area.key)"
            r.unique(id, &seen, "area", r.text("area")!, "результат этого педагога по этой компетенции на эту дату")
            guard let teacherID, let score else { return nil }
            return DiagnosticFact(id: id, teacherID: teacherID, date: date, area: area.key, score: score)
        }
    }
}
