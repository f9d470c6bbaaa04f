import Foundation
import OporaDomain

/// Each kind's template, made from the same column definitions the import reads: the Russian header,
/// a row saying what each column holds, an example row. Both rows under the header are recognised on
/// import and skipped (the example only while it is left as it is), so a filled template loads as it is.
enum ImportTemplate {
    static func columns(_ kind: ImportKind) -> [ColumnSet.Column] { kind.templateColumns }

    static func workbook(_ kind: ImportKind) throws -> [UInt8] {
        let columns = columns(kind)
        return try XLSXWriter.workbook([
            XLSXSheet(name: "Образец", columns: columns.map { XLSXColumn(title: $0.label, width: max(14, min(40, Double($0.label.count) + 4))) },
                      rows: [columns.map { .text($0.templateRule) }, columns.map { .text($0.example) }]),
        ])
    }

    /// `;`-separated UTF-8 with a byte order mark: what Russian Excel opens in columns.
    static func csv(_ kind: ImportKind) -> [UInt8] {
        let columns = columns(kind)
        let lines = [columns.map(\.label), columns.map(\.templateRule), columns.map(\.example)].map { $0.map(quoted).joined(separator: ";") }
        return [0xEF, 0xBB, 0xBF] + Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static func quoted(_ cell: String) -> String {
        cell.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" }) ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
    }
}
