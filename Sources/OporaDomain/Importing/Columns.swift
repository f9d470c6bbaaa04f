import Foundation

/// The columns of one kind of file: canonical English names, Russian aliases, which are required.
public struct ColumnSet: Sendable {
    public struct Column: Sendable {
        public var key: String
        public var aliases: [String]
        public var required: Bool
    }

    public var columns: [Column]

    static let year = ("year", ["год"], true)
    static let schoolCode = ("school_code", ["код школы", "код оо", "школа"], true)

    init(_ columns: [(String, [String], Bool)]) {
        self.columns = columns.map { Column(key: $0.0, aliases: $0.1, required: $0.2) }
    }

    public var canonicalHeader: String { columns.filter { !$0.key.hasSuffix("_count") && !$0.key.hasPrefix("%") }.map(\.key).joined(separator: ",") }

    /// Header names compare without case, extra spaces, quotes, «ё».
    static func normalise(_ s: String) -> String {
        s.lowercased().replacingOccurrences(of: "ё", with: "е")
            .filter { !"«»\"'“”„".contains($0) }
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    public func key(for header: String) -> String? {
        let h = ColumnSet.normalise(header)
        let compact = h.replacingOccurrences(of: " ", with: "")
        for c in columns where ColumnSet.normalise(c.key) == h || c.aliases.contains(where: { ColumnSet.normalise($0) == h || ColumnSet.normalise($0).replacingOccurrences(of: " ", with: "") == compact }) {
            return c.key
        }
        return nil
    }

    /// Column key → index in the rows; missing required columns as file-level problems.
    func map(_ header: [String]) -> (index: [String: Int], problems: [ImportProblem]) {
        var index: [String: Int] = [:]
        for (i, h) in header.enumerated() {
            if let k = key(for: h), index[k] == nil { index[k] = i }
        }
        let problems = columns.filter { $0.required && index[$0.key] == nil }.map {
            ImportProblem(line: nil, column: $0.key, value: nil,
                          reason: "В файле нет обязательного столбца «\($0.key)» (или «\($0.aliases.first ?? $0.key)»).")
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

/// Reading the cells of one row, collecting every problem instead of stopping at the first.
struct RowReader {
    let row: ImportTable.Row
    let index: [String: Int]
    var problems: [ImportProblem] = []

    init(_ row: ImportTable.Row, _ index: [String: Int]) {
        self.row = row
        self.index = index
    }

    func text(_ key: String) -> String? {
        guard let i = index[key], i < row.cells.count else { return nil }
        let t = row.cells[i].trimmedCell
        return t.isEmpty ? nil : t
    }

    mutating func problem(_ key: String, _ value: String?, _ reason: String) {
        problems.append(ImportProblem(line: row.line, column: key, value: value, reason: reason))
    }

    mutating func required(_ key: String, _ what: String) -> String? {
        guard let t = text(key) else { problem(key, nil, "не заполнено: \(what)."); return nil }
        return t
    }

    /// The cell's text; a blank cell is a problem when the value is required.
    mutating func text(_ key: String, _ what: String, required: Bool) -> String? {
        required ? self.required(key, what) : text(key)
    }

    /// A whole, non-negative number: «12», not «12,5», «1e3» or «-2».
    mutating func count(_ key: String, _ what: String, required: Bool) -> Int? {
        guard let t = text(key, what, required: required) else { return nil }
        guard t.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }), let v = Int(t) else {
            problem(key, t, "\(what) — целое число без дробной части и букв.")
            return nil
        }
        guard v >= 0 else { problem(key, t, "\(what) не может быть отрицательным."); return nil }
        // A country's regional reference row counts up to a few million participants (ВПР of one grade: about
        // 1.7 million); more than ten million is a typo, and sums of such could overflow.
        guard v <= 10_000_000 else { problem(key, t, "\(what) больше 10 миллионов: проверьте число."); return nil }
        return v
    }

    /// A decimal with «.» or «,».
    mutating func decimal(_ key: String, _ what: String, required: Bool = false, nonNegative: Bool = false) -> Double? {
        guard let t = text(key, what, required: required) else { return nil }
        // «3.45» as it is; «3,45» and «1 200,5» rewritten first.
        let plain = t.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D }
        let n = plain ? t : t.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: " ", with: "")
        guard plain || n.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }), let v = Double(n), abs(v) <= 1e9 else {
            problem(key, t, "\(what) — число, например 12,5.")
            return nil
        }
        guard !nonNegative || v >= 0 else { problem(key, t, "\(what) не может быть отрицательным."); return nil }
        return v
    }

    /// A percent 0…100 as the federal forms write it: «15», «12,5» or «15%».
    mutating func percent(_ key: String) -> Double? {
        guard let t = text(key) else { return nil }
        let n = t.hasSuffix("%") ? String(t.dropLast()) : t
        let v = Double(n.replacingOccurrences(of: ",", with: ".").trimmingCharacters(in: .whitespaces))
        guard let v, n.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "," || $0 == "-" || $0 == " ") }) else {
            problem(key, t, "процент — число от 0 до 100, например 12,5.")
            return nil
        }
        return v
    }

    /// Yes or no: «да»/«нет», «1»/«0», «true»/«false», «yes»/«no».
    mutating func yesNo(_ key: String, _ what: String, required: Bool) -> Bool? {
        guard let t = text(key, what, required: required) else { return nil }
        switch t.lowercased() {
        case "да", "1", "true", "yes": return true
        case "нет", "0", "false", "no": return false
        default: problem(key, t, "\(what) — да или нет (1 или 0)."); return nil
        }
    }

    /// A date as ДД.ММ.ГГГГ or ГГГГ-ММ-ДД, or the day number an XLSX date cell holds.
    mutating func day(_ key: String, _ what: String, required: Bool) -> Day? {
        guard let t = text(key, what, required: required) else { return nil }
        if let d = Day(t) { return d }
        // A spreadsheet stores a date cell as days since 30.12.1899 (1.1.1900 is day 2); 10000…73050 is 1927…2099.
        if t.count == 5, let serial = Int(t), (10_000...73_050).contains(serial) {
            return Day(year: 1900, month: 1, day: 1)!.adding(days: serial - 2)
        }
        problem(key, t, "\(what) — дата ДД.ММ.ГГГГ или ГГГГ-ММ-ДД.")
        return nil
    }

    /// A share 0…1, or a percent written with «%».
    mutating func share(_ key: String, _ what: String) -> Double? {
        guard let t = text(key) else { return nil }
        var n = t.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: " ", with: "")
        let percent = n.hasSuffix("%")
        if percent { n.removeLast() }
        guard n.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }), let v = Double(n), abs(v) <= 1e9 else {
            problem(key, t, "\(what) — доля от 0 до 1 (0,3) или процент (30%).")
            return nil
        }
        let value = percent ? v / 100 : v
        guard (0...1).contains(value) else { problem(key, t, "\(what) должна быть от 0 до 1 (от 0% до 100%)."); return nil }
        return value
    }

    mutating func year(_ key: String = "year") -> Int? {
        guard let t = required(key, "год") else { return nil }
        guard let y = Int(t), (2000...2100).contains(y) else { problem(key, t, "год — четыре цифры от 2000 до 2100."); return nil }
        return y
    }

    mutating func school(_ key: String, known: Set<String>, allowRegion: Bool) -> String? {
        guard let code = required(key, "код школы") else { return nil }
        if allowRegion && code == ResultRow.regionCode { return code }
        guard known.contains(code) else {
            problem(key, code, "неизвестная школа: такого кода нет в реестре школ муниципалитета.")
            return nil
        }
        return code
    }

    /// Reports this row when an earlier row has the same natural key `id`.
    mutating func unique<ID: Hashable>(_ id: ID, _ seen: inout [ID: Int], _ key: String, _ value: String, _ what: String) {
        if let first = seen[id] { problems.append(Self.repeated(line: row.line, key, value, what, first: first)) } else { seen[id] = row.line }
    }

    static func repeated(line: Int, _ key: String, _ value: String, _ what: String, first: Int) -> ImportProblem {
        ImportProblem(line: line, column: key, value: value, reason: "повтор: \(what) уже в строке \(first).")
    }
}
