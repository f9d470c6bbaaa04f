/// The teachers and other staff of the schools:
/// `school_code,teacher_code,name,position,pedagogical,qualification,employed_from,employed_to`.
public enum TeachersFile {
    public static let columns = ColumnSet([
        ColumnSet.schoolCode,
        teacherCode,
        .init("name", "ФИО", .text(rule: "фамилия, имя, отчество педагога", example: "Иванова Мария Петровна"), required: true, ["ФИО", "ф.и.о.", "фамилия имя отчество"]),
        .init("position", "Должность", .text(rule: "должность по штатному расписанию", example: "учитель математики"), required: true, ["должность"]),
        .init("pedagogical", "Педагогический работник", .yesNo, ["педагогический", "педагогический работник"]),
        .init("qualification", "Квалификационная категория", .text(rule: "высшая, первая, соответствие занимаемой должности или пусто", example: "первая"), ["категория", "квалификационная категория"]),
        .init("employed_from", "Дата приёма", .day, ["принят", "дата приема", "работает с"]),
        .init("employed_to", "Дата увольнения", .day, ["уволен", "дата увольнения", "работает по"]),
    ])

    /// The school's own number for a teacher, which the trainings file refers to as well.
    static let teacherCode = ColumnSet.Column("teacher_code", "Табельный номер", .text(rule: "номер педагога в школе; имена в другие файлы не пишутся", example: "0001"),
                                              required: true, ["таб. номер", "таб. №", "код педагога"])

    public static func parse(_ table: ImportTable, knownSchoolCodes: Set<String>) -> Result<[TeacherFact], ImportProblems> {
        var seen: [String: Int] = [:]
        return columns.parse(table) { r in
            let school = r.school("school_code", known: knownSchoolCodes, allowRegion: false)
            let code = r.required("teacher_code", "табельный номер")
            let name = r.required("name", "ФИО")
            let position = r.required("position", "должность")
            let pedagogical = r.yesNo("pedagogical", "Педагогический работник", required: false) ?? true
            let from = r.day("employed_from", "Дата приёма", required: false)
            let to = r.day("employed_to", "Дата увольнения", required: false)
            if let from, let to, to < from {
                r.problem("employed_to", r.text("employed_to"), "дата увольнения раньше даты приёма (\(from.russian)).")
            }
            guard let school, let code else { return nil }
            let id = "\(school)|\(code)"
            r.unique(id, &seen, "teacher_code", code, "этот табельный номер этой школы")
            guard let name, let position else { return nil }
            return TeacherFact(id: id, schoolCode: school, teacherCode: code, name: name, position: position, pedagogical: pedagogical,
                               qualification: r.text("qualification").flatMap(qualification), employedFrom: from, employedTo: to)
        }
    }

    /// The three categories in the words of the attestation order; anything else is kept as written.
    static func qualification(_ text: String) -> String? {
        let t = ColumnSet.normalise(text)
        if t.hasPrefix("высш") { return "высшая" }
        if t.hasPrefix("перв") { return "первая" }
        if t == "сзд" || t.hasPrefix("соответств") { return "соответствие занимаемой должности" }
        if ["без категории", "нет", "-", "—"].contains(t) { return nil }
        return text
    }
}
