import Foundation

/// Reading the cells of one row, collecting every problem instead of stopping at the first.
/// A cell is read whole or not at all: «54,5» is not 54, «12 шт.» is not 12.
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

    /// Digits with their groups split by a space, as Russian spreadsheets write «1 200» (a plain, a
    /// no-break or a narrow no-break space), joined; any other text as it is.
    static let groupSpaces: Set<Character> = [" ", "\u{A0}", "\u{202F}", "\u{2009}"]

    static func ungrouped(_ t: String) -> String {
        guard t.contains(where: groupSpaces.contains) else { return t }
        let parts = t.split(whereSeparator: groupSpaces.contains).map(String.init)
        // «1 200», «12 345,5», «-1 200»: the first group 1–3 digits, every other exactly 3 (a fraction may follow the last).
        guard parts.count > 1 else { return t }
        let first = parts[0].hasPrefix("-") ? String(parts[0].dropFirst()) : parts[0]
        guard (1...3).contains(first.count), first.allSatisfy(\.isASCIIDigit) else { return t }
        for (i, p) in parts.dropFirst().enumerated() {
            let whole = i == parts.count - 2 ? String(p.prefix { $0.isASCIIDigit }) : p
            guard whole.count == 3, whole.allSatisfy(\.isASCIIDigit) else { return t }
            if whole.count < p.count, !(p.dropFirst(3).first == "," || p.dropFirst(3).first == ".") { return t }
        }
        return parts.joined()
    }

    /// A whole, non-negative number: «12» or «1 200», not «12,5», «1e3», «12 шт.» or «-2».
    mutating func count(_ key: String, _ what: String, required: Bool) -> Int? {
        guard let cell = text(key, what, required: required) else { return nil }
        let t = RowReader.ungrouped(cell)
        guard t.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }), let v = Int(t) else {
            problem(key, cell, "\(what) — целое число без дробной части и букв.")
            return nil
        }
        guard v >= 0 else { problem(key, cell, "\(what) не может быть отрицательным."); return nil }
        // A country's regional reference row counts up to a few million participants (ВПР of one grade: about
        // 1.7 million); more than ten million is a typo, and sums of such could overflow.
        guard v <= 10_000_000 else { problem(key, cell, "\(what) больше 10 миллионов: проверьте число."); return nil }
        return v
    }

    /// A decimal with «.» or «,», digit groups split by spaces.
    mutating func decimal(_ key: String, _ what: String, required: Bool = false, nonNegative: Bool = false) -> Double? {
        guard let cell = text(key, what, required: required) else { return nil }
        guard let v = RowReader.number(cell), abs(v) <= 1e9 else {
            problem(key, cell, "\(what) — число, например 12,5.")
            return nil
        }
        guard !nonNegative || v >= 0 else { problem(key, cell, "\(what) не может быть отрицательным."); return nil }
        return v
    }

    /// «3.45», «3,45», «1 200,5», «−2» as a number; anything with other characters is none.
    static func number(_ cell: String) -> Double? {
        let plain = cell.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D }
        if plain { return Double(cell) }
        let n = ungrouped(cell).replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "−", with: "-")
        guard n.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }) else { return nil }
        return Double(n)
    }

    /// A percent 0…100 as the federal forms write it: «15», «12,5» or «15%».
    mutating func percent(_ key: String) -> Double? {
        guard let t = text(key) else { return nil }
        let n = t.hasSuffix("%") ? String(t.dropLast()).trimmingCharacters(in: .whitespaces) : t
        guard let v = RowReader.number(n) else {
            problem(key, t, "процент — число от 0 до 100, например 12,5.")
            return nil
        }
        return v
    }

    /// Yes or no: «да»/«нет», «1»/«0», «true»/«false», «yes»/«no».
    mutating func yesNo(_ key: String, _ what: String, required: Bool) -> Bool? {
        guard let t = text(key, what, required: required) else { return nil }
        switch t.lowercased() {
        case "да", "1", "true", "yes", "истина": return true
        case "нет", "0", "false", "no", "ложь": return false
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
        var n = t.trimmingCharacters(in: .whitespaces)
        let percent = n.hasSuffix("%")
        if percent { n = String(n.dropLast()).trimmingCharacters(in: .whitespaces) }
        guard let v = RowReader.number(n), abs(v) <= 1e9 else {
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

    /// The school of the row: its code, or its ФИС ОКО login, which the file's reading has already
    /// turned into the code (`FileShape`).
    mutating func school(_ key: String, known: Set<String>, allowRegion: Bool) -> String? {
        let column = index[key] == nil && index["school_login"] != nil ? "school_login" : key
        guard let code = required(column, "код школы") else { return nil }
        if allowRegion && code == ResultRow.regionCode { return code }
        guard known.contains(code) else {
            problem(column, code, "неизвестная школа: такого кода нет в реестре школ муниципалитета.")
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

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
