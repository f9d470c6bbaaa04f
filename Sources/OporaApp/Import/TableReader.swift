import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import OporaDomain

/// Reads an uploaded CSV or XLSX file into the table the domain validates: a header and rows with
/// the line numbers a user sees in a spreadsheet program.
enum TableReader {
    /// The largest upload on the web; the command line reads files of any size up to `commandLineMaxBytes`.
    static let maxBytes = 50 * 1024 * 1024
    static let commandLineMaxBytes = 2 * 1024 * 1024 * 1024
    /// The most bytes a workbook's parts may unpack to, counted as they are unpacked (a header may lie).
    static let maxUnpackedBytes = 200 * 1024 * 1024
    /// No import kind has more than a few dozen columns: a wider table is not one of Opora's files.
    static let maxColumns = 300
    /// Rows × columns: a country's results file is about 17 million cells.
    static let maxCells = 40_000_000

    /// The file's sheets: a CSV file's one, or every sheet of a workbook in its order, each with its
    /// non-blank rows and their line numbers; where the table starts on a sheet is `FileShape`'s to find.
    static func read(fileName: String, bytes: [UInt8], maxBytes: Int = maxBytes) -> Result<[RawSheet], ImportProblems> {
        guard !bytes.isEmpty else { return fail("Файл пустой.") }
        guard bytes.count <= maxBytes else { return fail("Файл больше \(maxBytes / 1024 / 1024) МБ: разделите его на части.") }
        let isZip = bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
        let lower = fileName.lowercased()
        if lower.hasSuffix(".xlsx") || isZip {
            guard isZip else { return fail("Файл назван .xlsx, но это не книга Excel.") }
            return readXLSX(bytes)
        }
        if lower.hasSuffix(".xls") {
            return fail("Старый формат .xls не читается: сохраните файл как .xlsx или CSV.")
        }
        return readCSV(bytes)
    }

    static func fail<T>(_ reason: String) -> Result<T, ImportProblems> {
        .failure(ImportProblems([ImportProblem(line: nil, column: nil, value: nil, reason: reason)]))
    }

    static func readCSV(_ bytes: [UInt8]) -> Result<[RawSheet], ImportProblems> {
        let text: String
        switch TextDecoding.decode(bytes) {
        case .failure(let problem): return .failure(ImportProblems([problem]))
        case .success(let t): text = t
        }
        guard !text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return fail("Файл пустой.") }
        switch CSVText.parse(Array(text.utf8)) {
        case .failure(.unclosedQuote(let line)):
            return .failure(ImportProblems([ImportProblem(line: line, column: nil, value: nil,
                                                          reason: "Файл не читается как CSV: кавычка, открытая в строке \(line), не закрыта.")]))
        case .success(let table):
            let width = table.rows.reduce(table.header.count) { max($0, $1.cells.count) }
            if let problem = sizeProblem(columns: width, rows: table.rows.count) { return fail(problem) }
            // Title lines above a table are rows too: the header is found among them. One pass, one copy of the rows.
            var rows: [ImportTable.Row] = []
            rows.reserveCapacity(table.rows.count + 1)
            let header = ImportTable.Row(line: 1, cells: table.header)
            if !header.isBlank { rows.append(header) }
            for row in table.rows where !row.isBlank { rows.append(row) }
            return .success([RawSheet(name: "", rows: rows, isText: true)])
        }
    }

    /// The table is too wide or too large to be one of Opora's files; the message says by how much.
    static func sizeProblem(columns: Int, rows: Int) -> String? {
        if columns > maxColumns {
            return "В файле \(RussianNumberFormat.integer(columns)) столбцов, а в файлах Опоры их не больше \(maxColumns): удалите лишние столбцы."
        }
        if columns * rows > maxCells {
            return "В файле \(RussianNumberFormat.integer(rows)) строк по \(columns) столбцов — больше \(maxCells / 1_000_000) млн ячеек: разделите его на части."
        }
        return nil
    }

    static func readXLSX(_ bytes: [UInt8], maxUnpackedBytes: Int = maxUnpackedBytes) -> Result<[RawSheet], ImportProblems> {
        do {
            let package = try OfficePackage(bytes, maxUnpackedBytes: maxUnpackedBytes)
            var sheets: [RawSheet] = []
            var cellCount = 0
            for sheet in try package.sheets() {
                guard let cells = try package.rows(ofSheet: sheet.path, maxColumns: maxColumns) else { continue }
                let width = cells.values.map(\.count).max() ?? 0
                cellCount += width * cells.count
                if let problem = sizeProblem(columns: width, rows: cells.count) ?? sizeProblem(columns: 1, rows: cellCount) { return fail(problem) }
                sheets.append(RawSheet(name: sheet.name, rows: cells.keys.sorted().map { ImportTable.Row(line: $0, cells: cells[$0]!) }, isText: false))
            }
            guard !sheets.isEmpty else { return fail("В книге Excel нет листов.") }
            guard sheets.contains(where: { !$0.rows.isEmpty }) else { return fail("Файл пустой.") }
            return .success(sheets)
        } catch {
            return fail(refusal(error, maxUnpackedBytes: maxUnpackedBytes))
        }
    }

    /// Every sheet of a workbook by its name, each as rows from row 1 (a blank row is an empty one),
    /// within the limits of any imported workbook.
    static func readSheets(_ bytes: [UInt8], maxUnpackedBytes: Int = maxUnpackedBytes) -> Result<[String: [[String]]], ImportProblems> {
        do {
            let package = try OfficePackage(bytes, maxUnpackedBytes: maxUnpackedBytes)
            var sheets: [String: [[String]]] = [:]
            for sheet in try package.sheets() {
                guard let cells = try package.rows(ofSheet: sheet.path, maxColumns: maxColumns) else { continue }
                let width = cells.values.map(\.count).max() ?? 0
                let last = cells.keys.max() ?? 0
                if let problem = sizeProblem(columns: width, rows: last) { return .failure(ImportProblems([ImportProblem(line: nil, column: nil, value: nil, reason: "Лист «\(sheet.name)»: \(problem)")])) }
                sheets[sheet.name] = (0..<last).map { cells[$0 + 1] ?? [] }
            }
            return .success(sheets)
        } catch {
            return .failure(ImportProblems([ImportProblem(line: nil, column: nil, value: nil, reason: refusal(error, maxUnpackedBytes: maxUnpackedBytes))]))
        }
    }

    /// Why an Office file (a workbook, or a Word `document`) could not be read, in the user's words.
    static func refusal(_ error: any Error, maxUnpackedBytes: Int = maxUnpackedBytes, document: Bool = false) -> String {
        switch error {
        case OfficePackage.Refusal.unpacksTooLarge:
            return document
                ? "Документ Word распаковывается больше чем в \(maxUnpackedBytes / 1024 / 1024) МБ: это не документ программы."
                : "Книга Excel распаковывается больше чем в \(maxUnpackedBytes / 1024 / 1024) МБ: это не таблица Опоры. Сохраните нужный лист отдельной книгой или как CSV."
        case OfficePackage.Refusal.tooManyColumns(let reference):
            return "В книге есть ячейка \(reference) — дальше \(maxColumns)-го столбца. В файлах Опоры столбцов не больше \(maxColumns): удалите лишние столбцы."
        case OfficePackage.Refusal.tooManyCells:
            return "В таблицах документа больше \(maxColumns) столбцов или \(maxCells / 1_000_000) млн ячеек: это не документ программы."
        default:
            return document
                ? "Документ Word повреждён или защищён паролем: сохраните его заново как .docx."
                : "Книга Excel повреждена или защищена паролем: сохраните её заново как .xlsx."
        }
    }
}

/// Collects the attributes of elements of one name.
final class AttributeScanner: NSObject, XMLParserDelegate {
    let element: String
    var found: [[String: String]] = []

    init(element: String) { self.element = element }

    static func all(in data: Data, element: String) -> [[String: String]] {
        let scanner = AttributeScanner(element: element)
        let parser = XMLParser(data: data)
        parser.delegate = scanner
        _ = parser.parse()
        return scanner.found
    }

    static func first(in data: Data, element: String, attribute: String) -> String? {
        all(in: data, element: element).first?[attribute]
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard localName(name) == element else { return }
        // «r:id» whatever the prefix the writer bound the relationships namespace to.
        var plain = attributes
        for (key, value) in attributes where key.hasSuffix(":id") { plain["r:id"] = value }
        found.append(plain)
    }
}

/// `xl/sharedStrings.xml`: the texts that cells of type `s` point to by index.
final class SharedStringsParser: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var current = ""
    var inItem = false
    var inText = false
    var inPhonetic = false

    static func parse(_ data: Data) -> [String] {
        let p = SharedStringsParser()
        let parser = XMLParser(data: data)
        parser.delegate = p
        _ = parser.parse()
        return p.strings
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let name = localName(name)
        if name == "si" { inItem = true; current = "" }
        // The text of a phonetic reading (<rPh>) is not the cell's.
        if name == "rPh" { inPhonetic = true }
        if name == "t" && inItem && !inPhonetic { inText = true }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let name = localName(name)
        if name == "t" { inText = false }
        if name == "rPh" { inPhonetic = false }
        if name == "si" { strings.append(current); inItem = false }
    }
}

/// A worksheet: row number → cell texts by column.
final class SheetParser: NSObject, XMLParserDelegate {
    let shared: [String]
    var rows: [Int: [String]] = [:]
    var rowNumber = 0
    var column = 0
    var type = ""
    var value = ""
    var inValue = false
    var maxColumns = 16384
    var wideCell: String?

    init(shared: [String]) { self.shared = shared }

    /// The rows by number; `wideCell` names the first cell past `maxColumns` («XFD1»), where reading stopped.
    static func parse(_ data: Data, sharedStrings: [String], maxColumns: Int) -> (rows: [Int: [String]], wideCell: String?) {
        let p = SheetParser(shared: sharedStrings)
        p.maxColumns = maxColumns
        let parser = XMLParser(data: data)
        parser.delegate = p
        _ = parser.parse()
        // Rows with no text at all are not rows a user meant.
        return (p.rows.filter { !$0.value.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }, p.wideCell)
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch localName(name) {
        case "row":
            rowNumber = Int(attributes["r"] ?? "") ?? rowNumber + 1
            column = 0
        case "c":
            column = attributes["r"].map(SheetParser.columnIndex) ?? column + 1
            // No row is padded out to a far column: reading stops at the first cell past the limit.
            if !(1...maxColumns).contains(column) {
                wideCell = String((attributes["r"] ?? "\(column)").prefix(12))
                parser.abortParsing()
            }
            type = attributes["t"] ?? ""
            value = ""
        case "v", "t":
            inValue = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch localName(name) {
        case "v", "t": inValue = false
        case "c":
            guard (1...maxColumns).contains(column) else { return }
            var text = value
            if type == "s", let i = Int(value), i >= 0, i < shared.count { text = shared[i] }
            if type == "b" { text = value == "1" ? "true" : "false" }
            if type.isEmpty || type == "n", let d = Double(value), abs(d) < 1e15 {
                // A number cell as a person reads it: «23», «21.74» (not «21.739999999999998» or «1.2E-3»).
                if d == d.rounded() { text = String(Int(d)) } else {
                    var plain = String(format: "%.10f", d)
                    while plain.hasSuffix("0") { plain.removeLast() }
                    text = plain
                }
            }
            var row = rows[rowNumber] ?? []
            if row.count < column { row += Array(repeating: "", count: column - row.count) }
            row[column - 1] = text
            rows[rowNumber] = row
        default: break
        }
    }

    /// "C7" → 3
    static func columnIndex(_ reference: String) -> Int {
        var n = 0
        for scalar in reference.unicodeScalars.prefix(4) {
            guard (65...90).contains(scalar.value) else { break }
            n = n * 26 + Int(scalar.value) - 64
        }
        return n
    }
}

/// An element's name without its namespace prefix: `x:row` is `row`. Some writers (the Open XML SDK,
/// exports of 1C) prefix every element of a workbook.
func localName(_ name: String) -> String {
    guard let colon = name.lastIndex(of: ":") else { return name }
    return String(name[name.index(after: colon)...])
}
