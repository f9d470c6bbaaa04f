/// Social context per school and year, as shares (0…1 or «30%») or as counts with `students`.
public enum ContextFile {
    /// Each share with its count column. The label is the criterion's name on the «Методика» page;
    /// the school's form and older files name them in the other words.
    static let shares: [(key: String, count: String, what: String, aliases: [String], countAliases: [String])] = [
        ("low_income_share", "low_income_count", SocialCriterion.lowIncome.russian,
         ["доля малоимущих", "малоимущие", "доля детей из малоимущих семей"], ["число малоимущих", "число малоимущих семей"]),
        ("incomplete_family_share", "incomplete_family_count", SocialCriterion.incompleteFamily.russian,
         ["доля неполных семей", "неполные семьи", "доля детей из неполных семей"], ["число неполных семей"]),
        ("no_higher_education_share", "no_higher_education_count", SocialCriterion.noHigherEducation.russian,
         ["доля без высшего образования родителей", "без высшего образования", "доля детей без родителей с высшим образованием",
          "доля детей, у которых ни один родитель не имеет высшего образования"], ["число без высшего образования родителей"]),
        ("non_native_share", "non_native_count", SocialCriterion.nonNative.russian,
         ["доля неродной русский", "неродной русский", "доля детей с неродным русским", "доля детей, для которых русский язык не родной"],
         ["число неродной русский"]),
        ("preventive_register_share", "preventive_register_count", SocialCriterion.preventiveRegister.russian,
         ["доля на профилактическом учете", "профилактический учет", "доля на профилактическом учёте",
          "доля детей на профилактическом учёте (внутришкольный учёт, ПДН, КДН)"], ["число на профилактическом учете"]),
    ]

    public static let columns = ColumnSet(
        [ColumnSet.year, ColumnSet.schoolCode,
         .init("students", "Число обучающихся", .count, ["обучающихся", "количество обучающихся", "контингент"])]
        + shares.map { .init($0.key, $0.what, .share, $0.aliases) }
        + shares.map { .init($0.count, "Число " + $0.what.dropFirst(5), .count, $0.countAliases) })

    /// The label of a share's column, as the school's form shows it too.
    public static func label(_ key: String) -> String { columns.label(key) }

    public static func parse(_ table: ImportTable, knownSchoolCodes: Set<String>) -> Result<[SocialContext], ImportProblems> {
        var seen: [String: Int] = [:]
        return columns.parse(table) { r in
            let year = r.year()
            let code = r.school("school_code", known: knownSchoolCodes, allowRegion: false)
            let students = r.count("students", "Число обучающихся", required: false)
            var values: [Double?] = []
            for s in shares {
                var v = r.share(s.key, s.what)
                if v == nil, let count = r.count(s.count, columns.label(s.count), required: false) {
                    if let n = students, n > 0 {
                        if count > n { r.problem(s.count, String(count), "больше числа обучающихся (\(n)).") } else { v = Double(count) / Double(n) }
                    } else {
                        r.problem(s.count, String(count), "для числа нужен столбец «Число обучающихся» с числом больше нуля.")
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
