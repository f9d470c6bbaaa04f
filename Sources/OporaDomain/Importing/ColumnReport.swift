import Foundation

/// How a file's columns were read: each column of the file with what it loads into or «не загружается»,
/// the values given for the whole file on upload, and notes on what was read around the table
/// (title rows, a template's rows, percentages turned into counts). Shown above the rows of every preview,
/// printed by the command line and returned by the API: nothing in a file is left out without a word.
public struct ColumnReport: Sendable, Equatable, Codable {
    public struct Entry: Sendable, Equatable, Codable {
        /// The spreadsheet's column letter, «A»; «—» for a value given on upload.
        public var letter: String
        /// The header as the file has it (both cells of a two-row header, «Группа / 2»).
        public var header: String
        /// The label of the column it loads into; nil when it is not loaded.
        public var loadsInto: String?
        /// The value given for the whole file on upload.
        public var fromForm: String?

        public var loaded: Bool { loadsInto != nil }

        /// «A. «Логин ОО» → Логин ОО», «D. «Примечание» — не загружается».
        public var russian: String {
            if let fromForm { return "«\(header)» для всего файла: \(fromForm)" }
            let place = "\(letter). «\(header.isEmpty ? "без заголовка" : header)»"
            return loadsInto.map { "\(place) → \($0)" } ?? "\(place) — не загружается"
        }
    }

    public var entries: [Entry]
    public var notes: [String]

    public init(entries: [Entry] = [], notes: [String] = []) {
        self.entries = entries
        self.notes = notes
    }

    public var notLoaded: [Entry] { entries.filter { !$0.loaded && $0.fromForm == nil } }

    /// «A», …, «Z», «AA»: the column's name in a spreadsheet, from its index (0 is «A»).
    public static func letter(_ index: Int) -> String {
        var n = index + 1
        var s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    /// The lines a terminal shows.
    public var lines: [String] {
        ["Столбцы файла:"] + entries.map { "  " + $0.russian } + notes.map { "  " + $0 }
    }
}

extension ColumnSet {
    /// Each column of the header with what it loads into; a column without a header counts only when a
    /// row has something in it.
    func report(_ table: ImportTable, loadedLabel: (String) -> String? = { _ in nil }) -> ColumnReport {
        let (index, _) = map(table.header)
        let loaded = Dictionary(index.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let width = table.rows.reduce(table.header.count) { max($0, $1.cells.count) }
        var entries: [ColumnReport.Entry] = []
        for i in 0..<width {
            let header = i < table.header.count ? table.header[i].trimmedCell : ""
            if header.isEmpty && !table.rows.contains(where: { i < $0.cells.count && !$0.cells[i].trimmedCell.isEmpty }) { continue }
            var into = loaded[i].map(label)
            // A login is read only where the file has no school code.
            if loaded[i] == "school_login" && index["school_code"] != nil { into = nil }
            entries.append(ColumnReport.Entry(letter: ColumnReport.letter(i), header: header, loadsInto: into ?? loadedLabel(header)))
        }
        return ColumnReport(entries: entries)
    }
}
