/// Social context per school and year, as shares (0…1 or «30%») or as counts with `students`.
public enum ContextFile {
    static let shares: [(key: String, count: String, what: String, aliases: [String], countAliases: [String])] = [
        ("low_income_share", "low_income_count", "Доля малоимущих семей", ["доля малоимущих", "малоимущие"], ["число малоимущих"]),
        ("incomplete_family_share", "incomplete_family_count", "Доля неполных семей", ["доля неполных семей", "неполные семьи"], ["число неполных семей"]),
        ("no_higher_education_share", "no_higher_education_count", "Доля детей без родителей с высшим образованием",
         ["доля без высшего образования родителей", "без высшего образования"], ["число без высшего образования родителей"]),
        ("non_native_share", "non_native_count", "Доля детей с неродным русским", ["доля неродной русский", "неродной русский"], ["число неродной русский"]),
        ("preventive_register_share", "preventive_register_count", "Доля на профилактическом учёте",
         ["доля на профилактическом учете", "профилактический учет"], ["число на профилактическом учете"]),
    ]

    public static let columns = ColumnSet(
        [ColumnSet.year, ColumnSet.schoolCode,
         ("students", ["обучающихся", "число обучающихся", "количество обучающихся"], false)]
        + shares.map { ($0.key, $0.aliases, false) } + shares.map { ($0.count, $0.countAliases, false) })

    public static func parse(_ table: ImportTable, knownSchoolCodes: Set<String>) -> Result<[SocialContext], ImportProblems> {
        var seen: [String: Int] = [:]
        return columns.parse(table) { r in
            let year = r.year()
            let code = r.school("school_code", known: knownSchoolCodes, allowRegion: false)
            let students = r.count("students", "Число обучающихся", required: false)
            var values: [Double?] = []
            for s in shares {
                var v = r.share(s.key, s.what)
                if v == nil, let count = r.count(s.count, "Число (\(s.what.lowercased()))", required: false) {
                    if let n = students, n > 0 {
                        if count > n { r.problem(s.count, String(count), "больше числа обучающихся (\(n)).") } else { v = Double(count) / Double(n) }
                    } else {
                        r.problem(s.count, String(count), "для числа нужен столбец «students» с числом обучающихся больше нуля.")
                    }
                }
                values.append(v)
            }
            if let year, let code { r.unique("\(code)|\(year)", &seen, "school_code", code, "эта школа и этот год") }
            guard let year, let code else { return nil }
            return SocialContext(year: year, schoolCode: code, students: students, lowIncomeShare: values[0],
                                 incompleteFamilyShare: values[1], noHigherEducationShare: values[2],
                                 nonNativeShare: values[3], preventiveRegisterShare: values[4])
        }
    }
}
