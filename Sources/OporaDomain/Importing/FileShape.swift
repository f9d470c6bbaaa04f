import Foundation

/// One sheet of a file as read, before its header is known: every non-blank row with its line. A CSV
/// file is one sheet of text, whose rows may not have fewer cells than its header, nor more that hold anything.
public struct RawSheet: Sendable {
    public var name: String
    public var rows: [ImportTable.Row]
    public var isText: Bool

    public init(name: String, rows: [ImportTable.Row], isText: Bool) {
        self.name = name
        self.rows = rows
        self.isText = isText
    }
}

/// What the user says about a file on upload (the web form, `opora import` flags, the API's query): the
/// sheet to read, and values for the whole file where it has no such column (a ФИС ОКО export of one
/// procedure has no year, procedure, grade or subject column).
public struct FileOptions: Sendable, Equatable, Codable {
    public var sheet: String?
    /// Column key (`year`, `kind`, `grade`, `subject`) → the value of every row.
    public var wholeFile: [String: String]

    public init(sheet: String? = nil, wholeFile: [String: String] = [:]) {
        self.sheet = sheet?.trimmedCell.isEmpty == false ? sheet?.trimmedCell : nil
        self.wholeFile = wholeFile.compactMapValues { $0.trimmedCell.isEmpty ? nil : $0.trimmedCell }
    }

    /// What the web form, the API's query and `opora import`'s flags give; blank or absent is none.
    public init(sheet: String?, year: String?, kind: String?, grade: String?, subject: String?) {
        self.init(sheet: sheet, wholeFile: ["year": year ?? "", "kind": kind ?? "", "grade": grade ?? "", "subject": subject ?? ""])
    }

    public static let wholeFileKeys = ["year", "kind", "grade", "subject"]
}

/// A file made into the table its kind reads, with the report of its columns.
public struct ShapedFile: Sendable {
    public var table: ImportTable
    public var report: ColumnReport
    let columns: ColumnSet

    /// The problems with their columns named by the file's own header («Кол-во участников»), or by the
    /// column's Russian label where the file has no such column.
    public func named(_ problems: ImportProblems) -> ImportProblems {
        let (index, _) = columns.map(table.header)
        return ImportProblems(problems.problems.map { p in
            var p = p
            if let key = p.column, columns.column(key) != nil {
                p.column = index[key].map { table.header[$0] } ?? columns.label(key)
            }
            return p
        })
    }
}

/// Files as people have them: the header below title rows, a header of two rows (a group cell over
/// «2», «3», «4», «5»), the sheet of a workbook that holds the table, the rows of Opora's own template,
/// values for the whole file given on upload, schools named by their ФИС ОКО login.
public enum FileShape {
    /// How far down a header is looked for.
    static let headerSearchRows = 30

    /// - logins: each login of the municipality's registry (normalised by `loginKey`) with the codes of
    ///   the schools that have it.
    public static func shape(_ sheets: [RawSheet], kind: ImportKind, options: FileOptions = FileOptions(),
                             logins: [String: [String]] = [:]) -> Result<ShapedFile, ImportProblems> {
        let set = kind.columns
        func fail(_ reason: String) -> Result<ShapedFile, ImportProblems> {
            .failure(ImportProblems([ImportProblem(line: nil, column: nil, value: nil, reason: reason)]))
        }
        let score = { (row: [String]) in row.filter { kind.recognises($0) }.count }
        // A row's score as a header: of its own, or with the row under it as the lower half of a two-row
        // header (so the «2 3 4 5» row under a group cell is never taken for the header itself).
        func headerScore(_ rows: [ImportTable.Row], _ i: Int) -> Int {
            let own = score(rows[i].cells)
            guard i + 1 < rows.count, let merged = twoRowHeader(rows[i].cells.map(\.trimmedCell), rows[i + 1], score: score) else { return own }
            return max(own, score(merged))
        }
        func bestHeader(_ sheet: RawSheet) -> (at: Int, score: Int) {
            let rows = Array(sheet.rows.prefix(headerSearchRows + 1))
            var best = (at: 0, score: 0)
            for i in rows.indices.prefix(headerSearchRows) {
                let s = headerScore(rows, i)
                if s > best.score { best = (i, s) }
            }
            return best
        }
        let sheet: RawSheet
        if let name = options.sheet {
            guard let s = sheets.first(where: { ColumnSet.normalise($0.name) == ColumnSet.normalise(name) }) else {
                return fail("В книге нет листа «\(name)». Листы книги: \(sheets.map { "«\($0.name)»" }.joined(separator: ", ")).")
            }
            sheet = s
        } else {
            let filled = sheets.filter { !$0.rows.isEmpty }
            guard let first = filled.first else { return fail("Файл пустой.") }
            let scores = filled.map { bestHeader($0).score }
            // Two sheets with a table of this kind: which one, or both, only the user knows.
            let tables = filled.indices.filter { scores[$0] >= 2 }
            if tables.count > 1 {
                return fail("В книге несколько листов с таблицами этого вида: \(tables.map { "«\(filled[$0].name)»" }.joined(separator: ", ")). "
                            + "Укажите лист в поле «Лист книги» и загрузите каждый лист отдельно.")
            }
            let best = scores.indices.max { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 > $1) } ?? 0
            sheet = scores[best] > 0 ? filled[best] : first
        }
        guard !sheet.rows.isEmpty else { return fail("Лист «\(sheet.name)» пустой.") }
        var notes: [String] = []
        if sheets.count > 1 { notes.append("Читается лист «\(sheet.name)»; другие листы книги (\(sheets.count - 1)) не загружаются.") }

        // The header: the row among the first that names the most columns of the kind (the earliest of equals).
        let at = bestHeader(sheet).at
        var header = sheet.rows[at].cells.map(\.trimmedCell)
        if at > 0 {
            let titles = sheet.rows[..<at].map { $0.cells.map(\.trimmedCell).filter { !$0.isEmpty }.joined(separator: " ") }
            notes.append("\(lines(sheet.rows[0].line, sheet.rows[at - 1].line)) над заголовком: «\(titles.joined(separator: "», «").prefix(300))» — \(at == 1 ? "не загружается" : "не загружаются").")
        }
        var start = at + 1
        if start < sheet.rows.count, let merged = twoRowHeader(header, sheet.rows[start], score: score) {
            header = merged
            notes.append("\(lines(sheet.rows[at].line, sheet.rows[start].line)) — заголовок из двух строк: столбцы под общей ячейкой названы «Общая ячейка / нижняя».")
            start += 1
        }
        // The second and third rows of Opora's own template: what each column holds, an example.
        for (what, expected) in [("пояснения к столбцам", set.templateRow(header, \.templateRule)), ("пример заполнения", set.templateRow(header, \.example))] {
            if start < sheet.rows.count, isTemplateRow(sheet.rows[start].cells, expected) {
                notes.append("Строка \(sheet.rows[start].line) — \(what) из образца, не загружается.")
                start += 1
            }
        }
        let rows = Array(sheet.rows[start...])
        var problems: [ImportProblem] = []
        if sheet.isText { problems += widthProblems(header, rows) }

        var table = ImportTable(header: header, rows: rows)
        var report = kind.report(table)
        report.notes = notes + kind.notes(table)

        // Values for the whole file, each a column after the header's last (a cell past the header is no column of it).
        for key in FileOptions.wholeFileKeys {
            guard let value = options.wholeFile[key] else { continue }
            let label = ResultsFile.columns.label(key)
            guard let column = set.column(key) else {
                problems.append(ImportProblem(line: nil, column: nil, value: value, reason:
                    "«\(label)» для всего файла не подходит к виду «\(kind.russianTitle)»: в таких файлах нет этого столбца. Оставьте поле пустым."))
                continue
            }
            if let i = header.firstIndex(where: { set.key(for: $0) == key }) {
                problems.append(ImportProblem(line: nil, column: header[i], value: value, reason:
                    "«\(column.label)» есть и в файле (столбец «\(header[i])»), и указан для всего файла (\(value)): оставьте одно."))
                continue
            }
            if let reason = wholeFileProblem(key, value) {
                problems.append(ImportProblem(line: nil, column: column.label, value: value, reason: reason))
                continue
            }
            let at = table.header.count
            table.header.append(column.label)
            for i in table.rows.indices {
                if table.rows[i].cells.count < at { table.rows[i].cells += Array(repeating: "", count: at - table.rows[i].cells.count) }
                table.rows[i].cells.insert(value, at: at)
            }
            let shown = key == "kind" ? AssessmentKind(text: value)?.russian ?? value : value
            report.entries.append(ColumnReport.Entry(letter: "—", header: column.label, loadsInto: column.label, fromForm: shown))
        }

        // Schools named by their login.
        let (index, _) = set.map(table.header)
        if index["school_code"] == nil, let l = index["school_login"] {
            for i in table.rows.indices where l < table.rows[i].cells.count {
                let login = table.rows[i].cells[l].trimmedCell
                guard !login.isEmpty else { continue }
                let codes = logins[loginKey(login)] ?? []
                if codes.count == 1 { table.rows[i].cells[l] = codes[0]; continue }
                problems.append(ImportProblem(line: table.rows[i].line, column: table.header[l], value: login, reason: codes.isEmpty
                    ? "нет школы с таким логином в реестре школ: добавьте логин в столбец «Логин ОО» реестра."
                    : "этот логин есть у нескольких школ реестра (\(codes.joined(separator: ", "))): исправьте реестр."))
            }
        }
        guard problems.isEmpty else { return .failure(ImportProblems(problems)) }
        return .success(ShapedFile(table: table, report: report, columns: set))
    }

    /// Logins compare without case and spaces.
    public static func loginKey(_ login: String) -> String { login.lowercased().filter { !$0.isWhitespace } }

    /// «Строка 1», «Строки 1–3».
    static func lines(_ first: Int, _ last: Int) -> String { first == last ? "Строка \(first)" : "Строки \(first)–\(last)" }

    /// The header of two rows, when `below` holds the lower cells of a group: a cell over several
    /// columns («Распределение отметок, %») with «2», «3», «4», «5» under it, the other cells of the
    /// header spanning both rows (so empty below). Each column under a group is named «Группа / нижняя».
    static func twoRowHeader(_ header: [String], _ below: ImportTable.Row, score: ([String]) -> Int) -> [String]? {
        let lower = below.cells.map(\.trimmedCell)
        let width = max(header.count, lower.count)
        let top = header + Array(repeating: "", count: width - header.count)
        let under = lower + Array(repeating: "", count: width - lower.count)
        let filled = under.indices.filter { !under[$0].isEmpty }
        guard !filled.isEmpty else { return nil }
        // Under a header cell of its own (not a group's first cell) the lower row must be empty.
        for p in filled where !top[p].isEmpty {
            let groupStart = p + 1 < width && top[p + 1].isEmpty && !under[p + 1].isEmpty
            if !groupStart { return nil }
        }
        guard top.indices.contains(where: { !top[$0].isEmpty && under[$0].isEmpty }) else { return nil }
        var merged = top
        var group = ""
        for p in 0..<width {
            if !top[p].isEmpty { group = top[p] }
            if !under[p].isEmpty { merged[p] = group.isEmpty ? under[p] : "\(group) / \(under[p])" }
        }
        return score(merged) > score(top) ? merged : nil
    }

    /// A row is the template's own when every column holds exactly the template's text (nothing where
    /// the template has nothing), and nothing lies past them.
    static func isTemplateRow(_ cells: [String], _ expected: [String?]) -> Bool {
        var matched = 0
        for (i, e) in expected.enumerated() {
            let t = i < cells.count ? cells[i].trimmedCell : ""
            guard t == (e ?? "") else { return false }
            if !t.isEmpty { matched += 1 }
        }
        return matched >= 2 && !cells.dropFirst(expected.count).contains { !$0.trimmedCell.isEmpty }
    }

    /// A text file's row with fewer cells than its header, or with more that are not empty, is a problem
    /// of that row: a comma inside «54,5» splits a cell, and nothing is trimmed or padded.
    static func widthProblems(_ header: [String], _ rows: [ImportTable.Row]) -> [ImportProblem] {
        let width = (header.lastIndex { !$0.trimmedCell.isEmpty } ?? -1) + 1
        var problems: [ImportProblem] = []
        for row in rows where !row.isBlank {
            if row.cells.count < width {
                problems.append(ImportProblem(line: row.line, column: nil, value: nil, reason:
                    "в строке \(RussianNoun.cell.counted(row.cells.count)), а в заголовке \(RussianNoun.column.counted(width)): проверьте разделители."))
            } else if row.cells.count > width, row.cells[width...].contains(where: { !$0.trimmedCell.isEmpty }) {
                let extra = row.cells[width...].map(\.trimmedCell).filter { !$0.isEmpty }
                problems.append(ImportProblem(line: row.line, column: nil, value: extra.joined(separator: "; "), reason:
                    "в строке \(RussianNoun.cell.counted(row.cells.count)), а в заголовке \(RussianNoun.column.counted(width)): лишние ячейки не загружаются. "
                    + "Если в числе дробная часть отделена запятой, а запятая разделяет столбцы, сохраните файл с разделителем «;» или возьмите число в кавычки."))
            }
        }
        return problems
    }

    static func wholeFileProblem(_ key: String, _ value: String) -> String? {
        switch key {
        case "year": return Int(value).map { (2000...2100).contains($0) } == true ? nil : "год — четыре цифры от 2000 до 2100."
        case "kind": return AssessmentKind(text: value) == nil ? "вид процедуры — ВПР, ОГЭ, ЕГЭ, РДР или МДР." : nil
        case "grade": return Int(value).map { (1...11).contains($0) } == true ? nil : "класс — число от 1 до 11."
        default: return nil
        }
    }
}

extension ColumnSet.Column {
    /// The template's second row: «Обязательно: » and the rule.
    public var templateRule: String { (required ? "Обязательно: " : "") + rule }
}

extension ColumnSet {
    /// For each header cell, the template's text of the column it names (nil for any other).
    func templateRow(_ header: [String], _ text: KeyPath<Column, String>) -> [String?] {
        header.map { h in key(for: h).flatMap(column).map { $0[keyPath: text] } }
    }
}
