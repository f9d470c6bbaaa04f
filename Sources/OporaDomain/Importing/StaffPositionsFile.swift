/// Staff positions (ставки) per school and year: `year,school_code,position,pedagogical,positions,filled,filled_qualified`.
public enum StaffPositionsFile {
    public static let columns = ColumnSet([
        ColumnSet.year,
        ColumnSet.schoolCode,
        .init("position", "Должность", .text(rule: "должность по штатному расписанию", example: "учитель математики"), required: true, ["должность"]),
        .init("pedagogical", "Педагогическая должность", .yesNo, ["педагогическая", "педагогический", "педагогическая должность"]),
        .init("positions", "Ставок", .decimal, required: true, ["ставок", "ставки", "количество ставок", "число ставок"]),
        .init("filled", "Занято ставок", .decimal, required: true, ["занято", "занято ставок"]),
        .init("filled_qualified", "Занято квалифицированными педагогами", .decimal, ["занято квалифицированными", "занято квалифицированными педагогами"]),
    ])

    public static func parse(_ table: ImportTable, knownSchoolCodes: Set<String>) -> Result<[StaffPositionFact], ImportProblems> {
        var seen: [String: Int] = [:]
        return columns.parse(table) { r in
            let year = r.year()
            let school = r.school("school_code", known: knownSchoolCodes, allowRegion: false)
            let position = r.required("position", "должность")
            let pedagogical = r.yesNo("pedagogical", "Педагогическая должность", required: false) ?? true
            let positions = r.decimal("positions", "Число ставок", required: true, nonNegative: true)
            let filled = r.decimal("filled", "Занято ставок", required: true, nonNegative: true)
            let qualified = r.decimal("filled_qualified", "Занято квалифицированными", nonNegative: true)
            if let positions, let f = filled, f > positions {
                r.problem("filled", r.text("filled"), "занято больше ставок, чем их есть (\(r.text("positions")!)).")
            }
            if let filled, let q = qualified, q > filled {
                r.problem("filled_qualified", r.text("filled_qualified"), "квалифицированными занято больше ставок, чем занято всего (\(r.text("filled")!)).")
            }
            guard let year, let school, let position else { return nil }
            let id = "\(school)|\(year)|\(ColumnSet.normalise(position))"
            r.unique(id, &seen, "position", position, "эта должность этой школы за этот год")
            guard let positions, let filled else { return nil }
            return StaffPositionFact(id: id, schoolCode: school, year: year, position: position, pedagogical: pedagogical,
                                     positions: positions, filled: filled, filledQualified: qualified ?? filled)
        }
    }
}
