import Foundation

/// The columns of one kind of file: canonical English names, Russian aliases, which are required.
public struct ColumnSet: Sendable {
    public struct Column: Sendable {
        public var key: String
        public var aliases: [String]
        public var required: Bool
    }

    public var columns: [Column]

    init(_ columns: [(String, [String], Bool)]) {
        self.columns = columns.map { Column(key: $0.0, aliases: $0.1, required: $0.2) }
    }

    public var canonicalHeader: String { columns.filter { !$0.key.hasSuffix("_count") && !$0.key.hasPrefix("pct") }.map(\.key).joined(separator: ",") }

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
        let t = row.cells[i].trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }

    mutating func problem(_ key: String, _ value: String?, _ reason: String) {
        problems.append(ImportProblem(line: row.line, column: key, value: value, reason: reason))
    }

    mutating func required(_ key: String, _ what: String) -> String? {
        guard let t = text(key) else { problem(key, nil, "не заполнено: \(what)."); return nil }
        return t
    }

    /// A whole, non-negative number: «12», not «12,5», «1e3» or «-2».
    mutating func count(_ key: String, _ what: String, required: Bool) -> Int? {
        guard let t = text(key) else {
            if required { problem(key, nil, "не заполнено: \(what).") }
            return nil
        }
        guard t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }), let v = Int(t) else {
            problem(key, t, "\(what) — целое число без дробной части и букв.")
            return nil
        }
        guard v >= 0 else { problem(key, t, "\(what) не может быть отрицательным."); return nil }
        return v
    }

    /// A decimal with «.» or «,».
    mutating func decimal(_ key: String, _ what: String) -> Double? {
        guard let t = text(key) else { return nil }
        let n = t.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: " ", with: "")
        guard n.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }), let v = Double(n) else {
            problem(key, t, "\(what) — число, например 12,5.")
            return nil
        }
        return v
    }

    /// A share 0…1, or a percent written with «%».
    mutating func share(_ key: String, _ what: String) -> Double? {
        guard let t = text(key) else { return nil }
        var n = t.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: " ", with: "")
        let percent = n.hasSuffix("%")
        if percent { n.removeLast() }
        guard n.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }), let v = Double(n) else {
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
}
