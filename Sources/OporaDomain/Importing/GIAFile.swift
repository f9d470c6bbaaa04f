/// ГИА outcomes per school and year: `year,school_code,participants,passed`.
public enum GIAFile {
    public static let columns = ColumnSet([
        ColumnSet.year,
        ColumnSet.schoolCode,
        .init("participants", "Участников ГИА", .count, required: true, ["участников ГИА", "участников", "число участников", "количество участников"]),
        .init("passed", "Сдали ГИА", .count, required: true, ["сдали", "сдали ГИА", "число сдавших"]),
    ])

    public static func parse(_ table: ImportTable, knownSchoolCodes: Set<String>) -> Result<[GIAOutcomeFact], ImportProblems> {
        var seen: [String: Int] = [:]
        return columns.parse(table) { r in
            let year = r.year()
            let school = r.school("school_code", known: knownSchoolCodes, allowRegion: false)
            let participants = r.count("participants", "Число участников ГИА", required: true)
            let passed = r.count("passed", "Число сдавших", required: true)
            if let participants, let p = passed, p > participants {
                r.problem("passed", String(p), "сдавших больше, чем участников (\(participants)).")
            }
            guard let year, let school else { return nil }
            let id = "\(school)|\(year)"
            r.unique(id, &seen, "school_code", school, "эта школа и этот год")
            guard let participants, let passed else { return nil }
            return GIAOutcomeFact(id: id, schoolCode: school, year: year, participants: participants, passed: passed)
        }
    }
}
