import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import OporaDomain

/// Reads the tables of a Word document (`word/document.xml`): each top-level `w:tbl` as rows of
/// cell texts, a cell spanning columns (`w:gridSpan`) giving its text to each of them, a cell
/// continuing a vertical merge (`w:vMerge`) empty; with each table, the paragraphs before it.
/// Within the size and zip-bomb limits of imported workbooks.
enum DocxReader {
    static func tables(_ bytes: [UInt8], maxUnpackedBytes: Int = TableReader.maxUnpackedBytes) -> Result<[ProgrammeFile.Table], ImportProblems> {
        func fail(_ reason: String) -> Result<[ProgrammeFile.Table], ImportProblems> {
            .failure(ImportProblems([ImportProblem(line: nil, column: nil, value: nil, reason: reason)]))
        }
        do {
            let package = try OfficePackage(bytes, maxUnpackedBytes: maxUnpackedBytes)
            guard let document = try package.entry("word/document.xml") else { return fail("В файле нет текста документа Word: сохраните его заново как .docx.") }
            let parser = DocumentTablesParser()
            let xml = XMLParser(data: document)
            xml.delegate = parser
            _ = xml.parse()
            if parser.tooLarge { throw OfficePackage.Refusal.tooManyCells }
            return .success(parser.tables)
        } catch {
            return fail(TableReader.refusal(error, maxUnpackedBytes: maxUnpackedBytes, document: true))
        }
    }
}

/// Collects a document's top-level tables; a table inside a cell gives its text to that cell.
final class DocumentTablesParser: NSObject, XMLParserDelegate {
    var tables: [ProgrammeFile.Table] = []
    var tooLarge = false
    /// Paragraphs since the last table, outside tables.
    private var paragraphs: [String] = []
    private var paragraph = ""
    private var depth = 0
    private var rows: [[String]] = []
    private var row: [String] = []
    private var cell = ""
    private var span = 1
    private var continuesMerge = false
    private var inText = false
    private var cells = 0

    private static func local(_ name: String) -> Substring { name.split(separator: ":").last ?? Substring(name) }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch Self.local(name) {
        case "tbl":
            depth += 1
            if depth == 1 { rows = [] }
        case "tr" where depth == 1:
            row = []
        case "tc" where depth == 1:
            cell = ""
            span = 1
            continuesMerge = false
        case "gridBefore" where depth == 1:
            row += Array(repeating: "", count: min(Int(attributes["w:val"] ?? "") ?? 0, TableReader.maxColumns))
        case "gridSpan" where depth == 1:
            span = min(max(Int(attributes["w:val"] ?? "") ?? 1, 1), TableReader.maxColumns)
        case "vMerge" where depth == 1:
            continuesMerge = (attributes["w:val"] ?? "continue") != "restart"
        case "t":
            inText = true
        case "tab", "br":
            if depth > 0 { cell += " " } else { paragraph += " " }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard inText else { return }
        if depth > 0 { cell += string } else { paragraph += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch Self.local(name) {
        case "t":
            inText = false
        case "p":
            if depth > 0 {
                cell += " "
            } else {
                let text = paragraph.trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty { paragraphs = Array((paragraphs + [text]).suffix(3)) }
                paragraph = ""
            }
        case "tc" where depth == 1:
            let text = continuesMerge ? "" : cell.trimmingCharacters(in: .whitespacesAndNewlines)
            row += Array(repeating: text, count: span)
            cells += span
            if row.count > TableReader.maxColumns || cells > TableReader.maxCells {
                tooLarge = true
                parser.abortParsing()
            }
        case "tr" where depth == 1:
            rows.append(row)
        case "tbl":
            depth -= 1
            if depth == 0 {
                tables.append(ProgrammeFile.Table(name: "Таблица \(tables.count + 1)", before: paragraphs, rows: rows))
                paragraphs = []
            }
        default:
            break
        }
    }
}
