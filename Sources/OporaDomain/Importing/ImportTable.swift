import Foundation

/// A file as read: the header and the rows, each with the line a user sees in a spreadsheet
/// program (the header is line 1).
public struct ImportTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var cells: [String]

        public init(line: Int, cells: [String]) {
            self.line = line
            self.cells = cells
        }

        public var isBlank: Bool { cells.allSatisfy { $0.trimmedCell.isEmpty } }
    }

    public var header: [String]
    public var rows: [Row]

    public init(header: [String], rows: [Row]) {
        self.header = header
        self.rows = rows
    }
}

/// One thing wrong with a file: where (line and column; none for the whole file), the value, why.
public struct ImportProblem: Error, Equatable, Sendable, Codable {
    public var line: Int?
    public var column: String?
    public var value: String?
    public var reason: String

    public init(line: Int?, column: String?, value: String?, reason: String) {
        self.line = line
        self.column = column
        self.value = value
        self.reason = reason
    }

    /// «Строка 7, столбец «participants», значение «-3»: …»
    public var russian: String {
        var place: [String] = []
        if let line { place.append("Строка \(line)") } else { place.append("Весь файл") }
        if let column { place.append("столбец «\(column)»") }
        if let value { place.append("значение «\(value)»") }
        return place.joined(separator: ", ") + ": " + ImportProblem.afterColon(reason)
    }

    /// After a colon a Russian sentence goes on in lower case: «…: число участников…», but «…: ВПР…».
    static func afterColon(_ reason: String) -> String {
        let letters = Array(reason.prefix(2))
        guard letters.count == 2, letters[0].isUppercase, letters[1].isLowercase else { return reason }
        return letters[0].lowercased() + reason.dropFirst()
    }
}

/// Every problem of a file, sorted by line; a file with any of them imports nothing.
public struct ImportProblems: Error, Equatable, Sendable {
    public var problems: [ImportProblem]

    public init(_ problems: [ImportProblem]) {
        self.problems = problems.sorted { ($0.line ?? 0, $0.column ?? "") < ($1.line ?? 0, $1.column ?? "") }
    }
}

/// The kinds of files Opora imports.
public enum ImportKind: String, CaseIterable, Codable, Sendable {
    case schools
    case context
    case results
    case studentResults
    case teachers
    case staffPositions
    case trainings
    case checklist
    case gia
    case diagnostics
    case courses
    case studentSupport

    public var russianTitle: String {
        switch self {
        case .schools: return "Реестр школ"
        case .context: return "Социальные условия"
        case .results: return "Результаты по школам"
        case .studentResults: return "Результаты по участникам"
        case .teachers: return "Педагогические работники"
        case .staffPositions: return "Штатное расписание"
        case .trainings: return "Повышение квалификации"
        case .checklist: return "Перечень равного доступа"
        case .gia: return "Итоги ГИА"
        case .diagnostics: return "Диагностика профессиональных дефицитов"
        case .courses: return "Каталог курсов повышения квалификации"
        case .studentSupport: return "Поддержка обучающихся"
        }
    }

    var columns: ColumnSet {
        switch self {
        case .schools: return SchoolsFile.columns
        case .context: return ContextFile.columns
        case .results: return ResultsFile.columns
        case .studentResults: return StudentResultsFile.columns
        case .teachers: return TeachersFile.columns
        case .staffPositions: return StaffPositionsFile.columns
        case .trainings: return TrainingsFile.columns
        case .checklist: return ChecklistFile.columns
        case .gia: return GIAFile.columns
        case .diagnostics: return DiagnosticsFile.columns
        case .courses: return CoursesFile.columns
        case .studentSupport: return StudentSupportFile.columns
        }
    }

    /// The columns of this kind's files, in the order of its template.
    public var columnSet: ColumnSet { columns }

    /// The columns of the kind's template and exports: every column but the login, which stands in for the code.
    public var templateColumns: [ColumnSet.Column] { columns.columns.filter { $0.key != "school_login" } }

    /// The template's header line with the Russian labels, as `;`-separated text.
    public var templateHeader: String { templateColumns.map(\.label).joined(separator: ";") }

    /// Whether a header cell names a column of this kind (a checklist's item is one too).
    func recognises(_ header: String) -> Bool {
        if !columns.keys(for: header).isEmpty { return true }
        return self == .checklist && EqualAccessChecklist.defaultItems.contains { ColumnSet.normalise($0) == ColumnSet.normalise(header) }
    }

    /// Each column of the table with what it loads into.
    func report(_ table: ImportTable) -> ColumnReport {
        let items = Dictionary(EqualAccessChecklist.defaultItems.map { (ColumnSet.normalise($0), $0) }, uniquingKeysWith: { a, _ in a })
        return columns.report(table) { header in self == .checklist ? items[ColumnSet.normalise(header)].map { "пункт перечня «\($0)»" } : nil }
    }

    /// What the preview says about how this kind's cells are turned into stored values.
    func notes(_ table: ImportTable) -> [String] {
        guard self == .results else { return [] }
        let (index, _) = columns.map(table.header)
        guard ResultsFile.percentKeys.contains(where: { index[$0] != nil }) else { return [] }
        return ["Проценты отметок пересчитываются в числа участников: участники × процент ÷ 100, округлено до целого "
                + "(21,74 % от 23 участников — 5 человек). Сумма процентов строки должна быть 100 ± 1."]
    }

    /// A guess from the header, for files sent without saying what they are. A header counts as every
    /// column it can name in any kind, so the rules go from the most telling column to the least.
    public static func detect(header: [String]) -> ImportKind? {
        let keys = Set(header.flatMap { h in allCases.flatMap { $0.columns.keys(for: h) } })
        let items = Set(EqualAccessChecklist.defaultItems.map(ColumnSet.normalise))
        if keys.contains("teacher_code") {
            if keys.contains("score") || keys.contains("area") { return .diagnostics }
            return keys.contains("completed_on") || keys.contains("title") ? .trainings : .teachers
        }
        if keys.contains("motivation_low") || keys.contains("difficulties") { return .studentSupport }
        if keys.contains("areas") && keys.contains("title") { return .courses }
        if keys.contains("participant_code") { return .studentResults }
        if keys.contains("positions") { return .staffPositions }
        if keys.contains("item") || header.contains(where: { items.contains(ColumnSet.normalise($0)) }) { return .checklist }
        if keys.contains("participants") { return keys.contains("passed") && !keys.contains("kind") ? .gia : .results }
        if keys.contains(where: { $0.hasSuffix("_share") || $0.hasSuffix("_count") }) { return .context }
        if keys.contains("name") && keys.contains("code") { return .schools }
        return nil
    }
}

extension String {
    /// Without spaces and line breaks at either end. Most cells have none, and trimming them anyway
    /// was a sixth of the time of importing a large file, so those come back as they are.
    var trimmedCell: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        func isSpace(_ s: Unicode.Scalar) -> Bool { s.isASCII ? s.value <= 0x20 : s.properties.isWhitespace }
        if !isSpace(first) && !isSpace(last) { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
