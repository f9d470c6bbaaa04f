import Foundation

/// What a column holds: the rule a cell follows and an example, for the templates' second row, the
/// import page's help and the example row.
public enum ColumnValue: Sendable {
    case year, school, schoolLogin, count, decimal, share, percent, day, yesNo, grade, procedureKind
    case text(rule: String, example: String)

    public var rule: String {
        switch self {
        case .year: return "год — четыре цифры (год окончания учебного года)"
        case .school: return "код школы из реестра школ муниципалитета"
        case .schoolLogin: return "логин школы в ФИС ОКО из реестра школ; вместо кода школы"
        case .count: return "целое число, не меньше 0; разряды можно разделять пробелом"
        case .decimal: return "число; дробная часть — через запятую"
        case .share: return "доля от 0 до 1 (0,3) или процент со знаком % (30%)"
        case .percent: return "процент от 0 до 100; пересчитывается в число людей"
        case .day: return "дата ДД.ММ.ГГГГ (или ячейка-дата Excel)"
        case .yesNo: return "да или нет (1 или 0)"
        case .grade: return "класс — число от 1 до 11"
        case .procedureKind: return "ВПР, ОГЭ, ЕГЭ, РДР или МДР"
        case .text(let rule, _): return rule
        }
    }

    public var example: String {
        switch self {
        case .year: return "2025"
        case .school: return "S000001"
        case .schoolLogin: return "sch000001"
        case .count: return "25"
        case .decimal: return "12,5"
        case .share: return "30%"
        case .percent: return "12,5"
        case .day: return "01.09.2024"
        case .yesNo: return "да"
        case .grade: return "5"
        case .procedureKind: return "ВПР"
        case .text(_, let example): return example
        }
    }
}

/// The columns of one kind of file: a key for the code, the Russian label a user sees (in templates,
/// messages, exports), the other headers accepted, which are required.
public struct ColumnSet: Sendable {
    public struct Column: Sendable {
        public var key: String
        public var label: String
        public var value: ColumnValue
        public var required: Bool
        public var aliases: [String]
        /// The key, label and aliases, normalised, and the same without spaces.
        let names: Set<String>

        public init(_ key: String, _ label: String, _ value: ColumnValue, required: Bool = false, _ aliases: [String] = []) {
            self.key = key
            self.label = label
            self.value = value
            self.required = required
            self.aliases = aliases
            let all = ([key, label] + aliases).map(ColumnSet.normalise)
            names = Set(all + all.map { $0.replacingOccurrences(of: " ", with: "") })
        }

        public var rule: String { value.rule }
        public var example: String { value.example }
    }

    public var columns: [Column]

    static let year = Column("year", "Год", .year, required: true, ["учебный год", "год проведения"])
    static let schoolCode = Column("school_code", "Код ОО", .school, required: true, ["код школы", "школа", "код организации"])
    static let schoolLogin = Column("school_login", "Логин ОО", .schoolLogin, ["логин", "login", "логин школы"])

    /// Columns that name what a row is about, not data: a file with nothing but these loads nothing.
    static let identityKeys: Set<String> = ["year", "school_code", "school_login", "code", "kind", "grade", "subject", "teacher_code",
                                            "participant_code", "municipality"]

    /// A kind with a school code column also reads the school's ФИС ОКО login in its place.
    init(_ columns: [Column]) {
        self.columns = columns.contains { $0.key == "school_code" } ? columns + [ColumnSet.schoolLogin] : columns
    }

    public func column(_ key: String) -> Column? { columns.first { $0.key == key } }

    /// The label of a key; the key itself for one this set does not have.
    public func label(_ key: String) -> String { column(key)?.label ?? key }

    /// Header names compare without case, extra spaces, quotes, «ё».
    public static func normalise(_ s: String) -> String {
        s.lowercased().replacingOccurrences(of: "ё", with: "е")
            .filter { !"«»\"'“”„".contains($0) }
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Every key a header names. A header of a two-row heading, «Распределение отметок, % / 2», also
    /// reads as its lower cell under a group of percentages («% 2») or of counts («2»).
    public func keys(for header: String) -> [String] {
        let found = match(header)
        guard found.isEmpty, let split = header.range(of: " / ", options: .backwards) else { return found }
        let group = ColumnSet.normalise(String(header[..<split.lowerBound]))
        let cell = String(header[split.upperBound...])
        let percent = group.contains("%") || group.contains("доля") || group.contains("процент")
        return match(percent ? "% " + cell : cell)
    }

    func match(_ header: String) -> [String] {
        let h = ColumnSet.normalise(header)
        guard !h.isEmpty else { return [] }
        let compact = h.replacingOccurrences(of: " ", with: "")
        return columns.filter { $0.names.contains(h) || $0.names.contains(compact) }.map(\.key)
    }

    public func key(for header: String) -> String? {
        let k = keys(for: header)
        return k.count == 1 ? k[0] : nil
    }

    /// Column key → index in the rows, and the problems of the header: a required column missing, a
    /// header that fits two columns, two headers of one column, no data column at all.
    func map(_ header: [String]) -> (index: [String: Int], problems: [ImportProblem]) {
        var index: [String: Int] = [:]
        var problems: [ImportProblem] = []
        for (i, h) in header.enumerated() {
            let keys = keys(for: h)
            if keys.count > 1 {
                problems.append(ImportProblem(line: nil, column: h, value: nil, reason:
                    "Столбец «\(h)» подходит сразу к нескольким столбцам: \(keys.map { "«\(label($0))»" }.joined(separator: ", ")). Назовите его точнее."))
            } else if let k = keys.first {
                if let first = index[k] {
                    problems.append(ImportProblem(line: nil, column: h, value: nil, reason:
                        "Столбцы «\(header[first])» (\(ColumnReport.letter(first))) и «\(h)» (\(ColumnReport.letter(i))) оба читаются как «\(label(k))»: оставьте один."))
                } else { index[k] = i }
            }
        }
        for c in columns where c.required && index[c.key] == nil {
            if c.key == "school_code" && index["school_login"] != nil { continue }
            problems.append(ImportProblem(line: nil, column: c.key, value: nil,
                                          reason: "В файле нет обязательного столбца «\(c.label)» (\(c.rule))."))
        }
        let hasData = columns.contains { !ColumnSet.identityKeys.contains($0.key) }
        if problems.isEmpty, hasData, !index.keys.contains(where: { !ColumnSet.identityKeys.contains($0) }) {
            let data = columns.filter { !ColumnSet.identityKeys.contains($0.key) }.map { "«\($0.label)»" }
            problems.append(ImportProblem(line: nil, column: nil, value: nil, reason:
                "В файле не найдено ни одного столбца с данными — только ключи строк. Ожидаются столбцы: \(data.joined(separator: ", "))."))
        }
        return (index, problems)
    }

    /// Maps the header and reads every non-blank row with `read`, keeping what it returns only from rows
    /// without problems: a file with any problem imports nothing, and every problem is reported.
    func parse<T>(_ table: ImportTable, _ read: (inout RowReader) -> T?) -> Result<[T], ImportProblems> {
        let (index, fileProblems) = map(table.header)
        guard fileProblems.isEmpty else { return .failure(ImportProblems(fileProblems)) }
        var problems: [ImportProblem] = []
        var records: [T] = []
        for row in table.rows where !row.isBlank {
            var r = RowReader(row, index)
            let record = read(&r)
            problems += r.problems
            if r.problems.isEmpty, let record { records.append(record) }
        }
        return problems.isEmpty ? .success(records) : .failure(ImportProblems(problems))
    }
}
