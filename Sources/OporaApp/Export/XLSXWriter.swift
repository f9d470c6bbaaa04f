import Foundation
#if canImport(OporaDomain)
import OporaDomain
#endif
import ZIPFoundation

/// One worksheet of a report: a bold, frozen header row made of the column titles, then the rows.
struct XLSXSheet: Sendable {
    /// Shown on the sheet's tab; made legal for Excel (≤ 31 characters, no `[]:*?/\`, unique) when written.
    var name: String
    var columns: [XLSXColumn]
    var rows: [[XLSXCell]]
}

struct XLSXColumn: Sendable {
    /// The header cell's text.
    var title: String
    /// In characters of the default font, as Excel measures column widths.
    var width: Double
}

/// A cell keeps its value typed so that users can sort, filter and compute with it in the spreadsheet.
enum XLSXCell: Sendable {
    case text(String)
    /// Shown with one decimal place; the full value is kept.
    case number(Double)
    /// A fraction: 0.753 is shown as 75,3 %.
    case percent(Double)
    case integer(Int)
    /// Shown as ДД.ММ.ГГГГ.
    case date(Day)
    case empty
}

/// Writes report tables as an Office Open XML workbook (.xlsx) that Excel and LibreOffice open.
///
/// Only the parts a spreadsheet program requires are written, with inline strings instead of a
/// shared-strings table, so the code stays small. The output depends only on the input: the same
/// report always gives the same bytes.
enum XLSXWriter {
    static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    enum Failure: Error {
        /// A workbook without sheets is not a valid file.
        case noSheets
        /// More rows or columns than Excel holds; it would refuse the whole file.
        case tooLarge(sheet: String)
        case archive
    }

    static func workbook(_ sheets: [XLSXSheet]) throws -> [UInt8] {
        guard !sheets.isEmpty else { throw Failure.noSheets }
        let names = sheetNames(sheets.map(\.name))
        for (sheet, name) in zip(sheets, names) {
            guard sheet.rows.count < maxRows, columnCount(sheet) <= maxColumns else { throw Failure.tooLarge(sheet: name) }
        }
        var parts: [(path: String, xml: String)] = [
            ("[Content_Types].xml", contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbookXML(sheets: sheets, names: names)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", styles),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet, selected: index == 0)))
        }
        return try zipped(parts)
    }

    static let maxRows = 1_048_576
    static let maxColumns = 16_384

    // MARK: Package

    /// A fixed timestamp (1980-01-01, the earliest a ZIP entry can carry) keeps the output deterministic.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    static func zipped(_ parts: [(path: String, xml: String)]) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for part in parts {
            let data = Data(part.xml.utf8)
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: entryDate, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw Failure.archive }
        return [UInt8](data)
    }

    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func contentTypes(sheetCount: Int) -> String {
        let sheetOverrides = (1...sheetCount).map {
            #"<Override PartName="/xl/worksheets/sheet\#($0).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }.joined()
        return declaration
            + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
            + sheetOverrides
            + "</Types>"
    }

    static let rootRelationships = declaration
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    /// Sheets are `rId1`…`rIdN`; styles come after them.
    static func workbookRelationships(sheetCount: Int) -> String {
        let sheets = (1...sheetCount).map {
            #"<Relationship Id="rId\#($0)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#($0).xml"/>"#
        }.joined()
        return declaration
            + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + sheets
            + #"<Relationship Id="rId\#(sheetCount + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
            + "</Relationships>"
    }

    /// Excel expects every autofilter range to be named `_xlnm._FilterDatabase` in the workbook as well.
    static func workbookXML(sheets: [XLSXSheet], names: [String]) -> String {
        var sheetList = ""
        var filters = ""
        for (index, (sheet, name)) in zip(sheets, names).enumerated() {
            sheetList += #"<sheet name="\#(escaped(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
            if let range = filterRange(sheet) {
                let quoted = "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
                let absolute = range.split(separator: ":").map { cell in
                    "$" + cell.prefix { $0.isLetter } + "$" + cell.drop { $0.isLetter }
                }.joined(separator: ":")
                filters += #"<definedName name="_xlnm._FilterDatabase" localSheetId="\#(index)" hidden="1">"#
                    + escaped(quoted + "!" + absolute) + "</definedName>"
            }
        }
        return declaration
            + #"<workbook xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
            + #"<bookViews><workbookView activeTab="0"/></bookViews>"#
            + "<sheets>" + sheetList + "</sheets>"
            + (filters.isEmpty ? "" : "<definedNames>" + filters + "</definedNames>")
            + "</workbook>"
    }

    // MARK: Styles

    /// Indexes into `cellXfs` in `styles`, in the same order.
    enum Style: Int {
        case plain = 0, header, integer, decimal, percent, date, wrapped
    }

    /// Number formats are written in Excel's locale-independent notation; the spreadsheet program
    /// shows them in the user's locale (75,3 % in a Russian one). Fills 0 and 1 are the two Excel reserves.
    static let styles = declaration
        + #"<styleSheet xmlns="\#(mainNamespace)">"#
        + #"<numFmts count="3">"#
        + #"<numFmt numFmtId="164" formatCode="0.0"/>"#
        + #"<numFmt numFmtId="165" formatCode="0.0%"/>"#
        + #"<numFmt numFmtId="166" formatCode="dd.mm.yyyy"/>"#
        + "</numFmts>"
        + #"<fonts count="2">"#
        + #"<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#
        + #"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#
        + "</fonts>"
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="7">"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        + #"<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#
        + "</cellXfs>"
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"

    // MARK: Worksheets

    /// The header row is frozen so it stays visible while scrolling, and carries an autofilter.
    static func worksheet(_ sheet: XLSXSheet, selected: Bool) -> String {
        var xml = declaration + #"<worksheet xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
        if columnCount(sheet) > 0 {
            xml += #"<dimension ref="A1:\#(columnName(columnCount(sheet)))\#(sheet.rows.count + 1)"/>"#
        }
        xml += #"<sheetViews><sheetView\#(selected ? #" tabSelected="1""# : "") workbookViewId="0">"#
            + #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            + #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>"#
            + "</sheetView></sheetViews>"
            // Without it LibreOffice keeps every row one line high, cutting off wrapped text.
            + #"<sheetFormatPr defaultRowHeight="15"/>"#
        if !sheet.columns.isEmpty {
            xml += "<cols>"
            for (index, column) in sheet.columns.enumerated() {
                // Excel rejects widths outside 0…255.
                let width = column.width.isFinite ? min(max(column.width, 0), 255) : 10
                xml += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width)" customWidth="1"/>"#
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        xml += row(1, sheet.columns.map { .text($0.title) }, header: true)
        for (index, cells) in sheet.rows.enumerated() {
            xml += row(index + 2, cells, header: false)
        }
        xml += "</sheetData>"
        if let range = filterRange(sheet) {
            xml += #"<autoFilter ref="\#(range)"/>"#
        }
        return xml + "</worksheet>"
    }

    /// Rows may be longer than the header.
    static func columnCount(_ sheet: XLSXSheet) -> Int {
        max(sheet.columns.count, sheet.rows.map(\.count).max() ?? 0)
    }

    /// The header and all rows, over the titled columns; none without a header.
    static func filterRange(_ sheet: XLSXSheet) -> String? {
        guard !sheet.columns.isEmpty else { return nil }
        return "A1:\(columnName(sheet.columns.count))\(sheet.rows.count + 1)"
    }

    static func row(_ number: Int, _ cells: [XLSXCell], header: Bool) -> String {
        var xml = #"<row r="\#(number)">"#
        for (index, cell) in cells.enumerated() {
            let reference = columnName(index + 1) + String(number)
            switch cell {
            case .text(let text):
                let text = cleaned(text)
                guard !text.isEmpty else { continue }
                // Without wrapping, a line break typed by a user would hide all but one line.
                let style: Style = header ? .header : text.contains(where: \.isNewline) ? .wrapped : .plain
                let styleAttribute = style == .plain ? "" : #" s="\#(style.rawValue)""#
                xml += #"<c r="\#(reference)"\#(styleAttribute) t="inlineStr"><is><t xml:space="preserve">\#(escaped(text))</t></is></c>"#
            case .number(let value):
                xml += numeric(reference, value, .decimal)
            case .percent(let value):
                xml += numeric(reference, value, .percent)
            case .integer(let value):
                xml += #"<c r="\#(reference)" s="\#(Style.integer.rawValue)"><v>\#(value)</v></c>"#
            case .date(let day):
                xml += #"<c r="\#(reference)" s="\#(Style.date.rawValue)"><v>\#(serial(day))</v></c>"#
            case .empty:
                continue
            }
        }
        return xml + "</row>"
    }

    /// A value a spreadsheet cannot hold (NaN, infinity) is left blank rather than breaking the file.
    static func numeric(_ reference: String, _ value: Double, _ style: Style) -> String {
        guard value.isFinite else { return "" }
        // `description` is the shortest text that reads back as the same Double, e.g. 0.753 or 1e-05.
        return #"<c r="\#(reference)" s="\#(style.rawValue)"><v>\#(value.description)</v></c>"#
    }

    /// Excel's date serial: days since 1899-12-30. Excel counts the nonexistent 1900-02-29, so days
    /// before March 1900 are one less.
    static func serial(_ day: Day) -> Int {
        let days = daysFromCivil(year: day.year, month: day.month, day: day.day) - daysFromCivil(year: 1899, month: 12, day: 30)
        return days < 61 ? days - 1 : days
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm),
    /// so the serial does not depend on the server's calendar or time zone.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// 1 → A, 26 → Z, 27 → AA: the letters an import names a column by.
    static func columnName(_ number: Int) -> String { ColumnReport.letter(number - 1) }

    // MARK: Text

    /// Excel refuses a cell longer than this.
    static let maxCellLength = 32_767

    /// Text comes from users: characters XML 1.0 cannot carry are dropped, and the text is cut to
    /// what a cell holds. Excel reads `_x0041_` as an escaped character, so a literal one is
    /// protected by escaping its underscore (`_x005F_`).
    static func cleaned(_ text: String) -> String {
        var result = String(text.unicodeScalars.filter(isXMLCharacter))
        if result.contains("_x") {
            result = result.replacingOccurrences(of: "_(?=x[0-9A-Fa-f]{4}_)", with: "_x005F_", options: .regularExpression)
        }
        return truncated(result, utf16Length: maxCellLength)
    }

    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0..<0x20, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Excel counts lengths in UTF-16 units; whole characters are kept.
    static func truncated(_ text: String, utf16Length limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        var result = ""
        var length = 0
        for character in text {
            length += character.utf16.count
            if length > limit { break }
            result.append(character)
        }
        return result
    }

    // MARK: Sheet names

    /// Excel's rules for tab names: 1…31 characters, none of `[]:*?/\`, no apostrophe at either
    /// end, unique ignoring case, and not the reserved "History". A name that breaks them makes
    /// Excel "repair" the file, so names are fixed here rather than trusted.
    static func sheetNames(_ wanted: [String]) -> [String] {
        var taken: Set<String> = ["history"]
        var names: [String] = []
        for (index, name) in wanted.enumerated() {
            var base = String(name.unicodeScalars.filter { $0.value >= 0x20 && isXMLCharacter($0) })
            for forbidden in ["[", "]", ":", "*", "?", "/", "\\"] {
                base = base.replacingOccurrences(of: forbidden, with: "-")
            }
            base = base.trimmingCharacters(in: nameTrim)
            if base.isEmpty { base = "Лист \(index + 1)" }
            var candidate = fitted(base, length: 31)
            var copy = 2
            while taken.contains(candidate.lowercased()) {
                let suffix = " (\(copy))"
                candidate = fitted(base, length: 31 - suffix.utf16.count) + suffix
                copy += 1
            }
            taken.insert(candidate.lowercased())
            names.append(candidate)
        }
        return names
    }

    /// Cut to `length` and trimmed afterwards, so the cut cannot leave an apostrophe or a space at the end.
    static func fitted(_ name: String, length: Int) -> String {
        truncated(name.trimmingCharacters(in: nameTrim), utf16Length: length).trimmingCharacters(in: nameTrim)
    }

    static let nameTrim = CharacterSet.whitespaces.union(CharacterSet(charactersIn: "'"))
}
