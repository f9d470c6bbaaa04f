/// Support of students by school, year and grade, counts only:
/// `school_code,year,grade,difficulties,motivation_low,motivation_medium,motivation_high,extracurricular`.
public enum StudentSupportFile {
    public static let columns = ColumnSet([
        ColumnSet.schoolCode,
        ColumnSet.year,
        .init("grade", "Класс", .grade, required: true, ["класс", "параллель"]),
        .init("difficulties", "С трудностями", .count, ["испытывают трудности", "с трудностями в освоении программ"]),
        .init("motivation_low", "Мотивация низкая", .count, ["низкая мотивация", "низкий"]),
        .init("motivation_medium", "Мотивация средняя", .count, ["средняя мотивация", "средний"]),
        .init("motivation_high", "Мотивация высокая", .count, ["высокая мотивация", "высокий"]),
        .init("extracurricular", "Во внеурочной деятельности", .count, ["внеурочная деятельность", "во внеурочной деятельности"]),
    ])

    static let motivation = [("motivation_low", "С низкой мотивацией"), ("motivation_medium", "Со средней мотивацией"),
                             ("motivation_high", "С высокой мотивацией")]
    static let counts = ["difficulties"] + motivation.map(\.0) + ["extracurricular"]

    public static func parse(_ table: ImportTable, knownSchoolCodes: Set<String>) -> Result<[StudentSupportFact], ImportProblems> {
        var seen: [String: Int] = [:]
        return columns.parse(table) { r in
            let school = r.school("school_code", known: knownSchoolCodes, allowRegion: false)
            let year = r.year()
            var grade = r.count("grade", "Класс", required: true)
            if let g = grade, !(1...11).contains(g) {
                r.problem("grade", r.text("grade"), "класс — от 1 до 11.")
                grade = nil
            }
            let difficulties = r.count("difficulties", "Испытывают трудности", required: false)
            let levels = motivation.map { r.count($0.0, $0.1, required: false) }
            let extracurricular = r.count("extracurricular", "Во внеурочной деятельности", required: false)
            if !counts.contains(where: { r.text($0) != nil }) {
                r.problems.append(ImportProblem(line: r.row.line, column: nil, value: nil, reason:
                    "в строке нет ни одного числа: заполните хотя бы один из столбцов \(counts.joined(separator: ", "))."))
            }
            if motivation.contains(where: { r.text($0.0) != nil }) {
                for (key, _) in motivation where r.text(key) == nil {
                    r.problem(key, nil, "уровни мотивации заполняются вместе: укажите число с низкой, средней и высокой мотивацией (0, если таких нет).")
                }
            }
            guard let school, let year, let grade else { return nil }
            let id = "\(school)|\(year)|\(grade)"
            r.unique(id, &seen, "grade", String(grade), "эта школа, этот год и этот класс")
            return StudentSupportFact(id: id, schoolCode: school, year: year, grade: grade, difficulties: difficulties,
                                      motivationLow: levels[0], motivationMedium: levels[1], motivationHigh: levels[2],
                                      extracurricular: extracurricular)
        }
    }
}
