import Foundation

/// A programme read from files as municipalities keep it: the Word document's tables (Приложение 1,
/// the plan of directions and yearly tasks; Приложение 2, the measures) or the workbook of four
/// sheets. Tables are recognised by their header cells; every problem names its table, row and cell.
public enum ProgrammeFile {
    /// One table as read from a file: rows of cell texts, a merged cell's text in each column it spans.
    public struct Table: Sendable, Equatable {
        /// How messages name it: «Таблица 3», «Лист «Мероприятия»».
        public var name: String
        /// The paragraphs just before it in a document, nearest last («2025 год», «1. Раздел»).
        public var before: [String]
        public var rows: [[String]]

        public init(name: String, before: [String] = [], rows: [[String]]) {
            self.name = name
            self.before = before
            self.rows = rows
        }
    }

    /// One thing that stops the file from becoming a programme, with its place.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var table: String?
        /// Counted from 1, as a user sees the table.
        public var row: Int?
        public var column: String?
        public var reason: String

        public init(table: String?, row: Int?, column: String?, reason: String) {
            self.table = table
            self.row = row
            self.column = column
            self.reason = reason
        }

        /// «Таблица 3, строка 12, столбец «Сроки»»; nil for the whole file.
        public var place: String? {
            let place = [table, row.map { "строка \($0)" }, column.map { "столбец «\($0)»" }].compactMap { $0 }.joined(separator: ", ")
            return place.isEmpty ? nil : place
        }

        /// «Таблица 3, строка 12, столбец «Сроки»: …»
        public var description: String { place.map { "\($0): \(reason)" } ?? reason }
    }

    /// What was read: the draft programme, and what stops it; what each table was taken for, and
    /// what of them is not loaded.
    public struct Reading: Sendable {
        public var template: ProgrammeTemplate
        public var problems: [Problem]
        /// «Таблица 2 — план: направления и задачи по годам (Приложение 1)»
        public var recognised: [String]
        /// «Таблица 3, столбец «Отметка о выполнении»»
        public var notLoaded: [String]
    }

    /// The kinds of column the readers know, by their header cell.
    enum Column: Equatable {
        case number, section, direction, task, name, deadline, responsible, mark, product, level, expectedResult, yearColumn
        case year(Int)
        case other
    }

    /// A header's text compared without case, «ё», spaces and punctuation: «Срок(и) исполнения» → «срокиисполнения».
    static func key(_ s: String) -> String {
        String(s.lowercased().replacingOccurrences(of: "ё", with: "е").filter { $0.isLetter || $0.isNumber })
    }

    /// A cell's text with its runs of spaces and line breaks made one space.
    static func clean(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func column(_ header: String) -> Column? {
        let text = clean(header)
        guard !text.isEmpty else { return nil }
        if let y = year(heading: text) { return .year(y) }
        let k = key(text)
        if k.isEmpty || ["пп", "n", "nпп", "номер", "код", "коднаправления", "номернаправления"].contains(k) { return .number }
        if k.hasPrefix("раздел") { return .section }
        if k.contains("направлени") { return .direction }
        if k.hasPrefix("задач") { return .task }
        if k.hasPrefix("мероприятияпо") { return nil }
        if k.hasPrefix("наименование") || k.hasPrefix("мероприяти") { return .name }
        if k.hasPrefix("срок") { return .deadline }
        if k.hasPrefix("ответствен") || k.hasPrefix("исполнител") { return .responsible }
        if k.hasPrefix("отметка") { return .mark }
        if k.hasPrefix("прогнозируемыйрезультат") { return .expectedResult }
        if k.hasPrefix("продукт") || k.hasPrefix("результат") || k.hasPrefix("ожидаемыйрезультат") { return .product }
        if k.hasPrefix("уровень") || k.hasPrefix("ктовыполняет") { return .level }
        if k == "год" || k == "годы" { return .yearColumn }
        return .other
    }

    /// «2025», «2025 год», «на 2025 г.» → 2025
    static func year(heading text: String) -> Int? {
        var k = key(text)
        if k.hasPrefix("на") { k.removeFirst(2) }
        for suffix in ["годы", "года", "год", "гг", "г"] where k.hasSuffix(suffix) {
            k.removeLast(suffix.count)
            break
        }
        guard k.count == 4, k.allSatisfy({ $0.isASCII && $0.isNumber }), let y = Int(k), (1900...2200).contains(y) else { return nil }
        return y
    }

    /// «1.1. Изменение …» → ([1, 1], "Изменение …"); «2. Организация» → ([2], "Организация"); nil without a leading number.
    static func numbered(_ s: String) -> (numbers: [Int], rest: String)? {
        var chars = Substring(clean(s))
        var numbers: [Int] = []
        while true {
            let digits = chars.prefix(while: { $0.isASCII && $0.isNumber })
            guard !digits.isEmpty, digits.count <= 3, let n = Int(digits) else { break }
            numbers.append(n)
            chars = chars.dropFirst(digits.count)
            guard chars.first == "." else { break }
            chars = chars.dropFirst()
        }
        guard !numbers.isEmpty else { return nil }
        return (numbers, chars.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: ")"))))
    }

    /// The label of a «Прогнозируемый результат» row.
    static func isExpectedResultLabel(_ s: String) -> Bool {
        let k = key(s)
        return k.hasPrefix("прогнозируемыйрезультат") || k.hasPrefix("ожидаемыйрезультат")
    }

    /// The text of a row that heads what follows: one text across the row from its first cell, or
    /// alone in its first cell.
    static func heading(_ row: [String], firstColumn: Column?) -> String? {
        let filled = row.enumerated().filter { !$0.element.isEmpty }
        guard let first = filled.first, first.offset == 0 else { return nil }
        if filled.count >= 2 && filled.allSatisfy({ $0.element == first.element }) { return first.element }
        if filled.count == 1 && firstColumn != .name && row.count > 1 { return first.element }
        return nil
    }

    /// A table's header: the kind of each column (from its lowest header cell with text) and where its rows start.
    struct Header {
        var columns: [Column?]
        var labels: [String]
        /// The first row of the header and the first row after it (indices into the rows).
        var start: Int
        var dataStart: Int

        func index(_ kind: Column) -> Int? { columns.firstIndex(of: kind) }
        var years: [(index: Int, year: Int)] {
            columns.enumerated().compactMap { if case .year(let y)? = $0.element { return ($0.offset, y) } else { return nil } }
        }
    }

    /// The header ending at row `last`: the rows above it up to a heading row belong to it.
    static func header(_ rows: [[String]], endingAt last: Int) -> Header {
        var start = last
        while start > 0 && heading(rows[start - 1], firstColumn: nil) == nil && last - start < 2 { start -= 1 }
        let width = rows[start...last].map(\.count).max() ?? 0
        var columns: [Column?] = []
        var labels: [String] = []
        for c in 0..<width {
            let label = (start...last).reversed().lazy.compactMap { r in c < rows[r].count && !rows[r][c].isEmpty ? rows[r][c] : nil }.first ?? ""
            labels.append(label)
            columns.append(column(label))
        }
        return Header(columns: columns, labels: labels, start: start, dataStart: last + 1)
    }

    /// The first of the table's first rows that makes a header `fits` accepts.
    static func findHeader(_ rows: [[String]], fits: (Header) -> Bool) -> Header? {
        for last in 0..<min(rows.count, 6) {
            let h = header(rows, endingAt: last)
            if fits(h) { return h }
        }
        return nil
    }

    static func isPlanHeader(_ h: Header) -> Bool { h.index(.direction) != nil && !h.years.isEmpty && h.index(.name) == nil }
    static func isMeasuresHeader(_ h: Header) -> Bool {
        h.index(.name) != nil && (h.index(.deadline) != nil || h.index(.responsible) != nil || h.index(.product) != nil)
    }

    /// A row that repeats the header's labels in their columns (a table split by sections repeats them).
    static func repeatsHeader(_ row: [String], _ h: Header) -> Bool {
        zip(row, h.columns).filter { cell, kind in
            guard let kind, kind != .other, kind != .number, !cell.isEmpty else { return false }
            return column(cell) == kind
        }.count >= 2
    }

    /// Cells padded to the header's width, each cleaned.
    static func cells(_ row: [String], width: Int) -> [String] {
        let cleaned = row.map(clean)
        return cleaned.count >= width ? cleaned : cleaned + Array(repeating: "", count: width - cleaned.count)
    }
}

extension RussianNoun {
    public static let section = RussianNoun("раздел", "раздела", "разделов")
    public static let indicator = RussianNoun("индикатор", "индикатора", "индикаторов")
    public static let problem = RussianNoun("ошибка", "ошибки", "ошибок")
}
