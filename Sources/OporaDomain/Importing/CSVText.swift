/// CSV as spreadsheet programs save it (RFC 4180): cells separated by `,`, `;` or tab, quoted cells
/// with `""` for a quote and line breaks inside, lines ending in LF, CRLF or CR.
///
/// Opora reads CSV itself because a country's results file has 1.5 million rows: a parser that walks
/// the text character by character (SwiftCSV) took 19 s for it on the benchmark machine; this one
/// walks the UTF-8 bytes and takes about a second.
public enum CSVText {
    public enum Failure: Error, Equatable { case unclosedQuote(line: Int) }

    /// The delimiter the header line uses most: `;` in a Russian spreadsheet's CSV, else `,` or tab.
    public static func delimiter(of bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        for b in bytes {
            if b == UInt8(ascii: "\"") { quoted.toggle() }
            else if !quoted && (b == 0x0A || b == 0x0D) { break }
            else if !quoted, counts[b] != nil { counts[b]! += 1 }
        }
        return [UInt8(ascii: ";"), UInt8(ascii: "\t")].filter { counts[$0]! > counts[UInt8(ascii: ",")]! }
            .max { counts[$0]! < counts[$1]! } ?? UInt8(ascii: ",")
    }

    /// The header and the rows, each row with the line of the file it starts on (the header's is 1).
    /// Blank lines give no row but count as lines. Line breaks inside quoted cells become `\n`.
    public static func parse(_ bytes: [UInt8]) -> Result<ImportTable, Failure> {
        let delimiter = delimiter(of: bytes)
        let quote = UInt8(ascii: "\""), lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        var records: [ImportTable.Row] = []
        var cells: [String] = []
        var scratch: [UInt8] = []
        var line = 1
        var recordLine = 1
        var i = 0
        let n = bytes.count
        func endRecord() {
            if !(cells.count == 1 && cells[0].isEmpty) { records.append(ImportTable.Row(line: recordLine, cells: cells)) }
            cells.removeAll(keepingCapacity: true)
        }
        while i < n {
            if cells.isEmpty { recordLine = line }
            if bytes[i] == quote {
                // A quoted cell: up to the quote not followed by another quote.
                scratch.removeAll(keepingCapacity: true)
                i += 1
                var closed = false
                while i < n {
                    let b = bytes[i]
                    if b == quote {
                        if i + 1 < n && bytes[i + 1] == quote { scratch.append(quote); i += 2; continue }
                        i += 1
                        closed = true
                        break
                    }
                    if b == cr || b == lf {
                        line += 1
                        scratch.append(lf)
                        i += (b == cr && i + 1 < n && bytes[i + 1] == lf) ? 2 : 1
                        continue
                    }
                    scratch.append(b)
                    i += 1
                }
                guard closed else { return .failure(.unclosedQuote(line: recordLine)) }
                // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
                while i < n, bytes[i] != delimiter, bytes[i] != lf, bytes[i] != cr { scratch.append(bytes[i]); i += 1 }
                cells.append(String(decoding: scratch, as: UTF8.self))
            } else {
                let start = i
                while i < n, bytes[i] != delimiter, bytes[i] != lf, bytes[i] != cr { i += 1 }
                cells.append(String(decoding: bytes[start..<i], as: UTF8.self))
            }
            if i >= n { break }
            if bytes[i] == delimiter {
                i += 1
                if i == n { cells.append("") }
                continue
            }
            // A line break ends the record.
            i += (bytes[i] == cr && i + 1 < n && bytes[i + 1] == lf) ? 2 : 1
            endRecord()
            line += 1
        }
        if !cells.isEmpty { endRecord() }
        guard let header = records.first else { return .success(ImportTable(header: [], rows: [])) }
        return .success(ImportTable(header: header.cells, rows: Array(records.dropFirst())))
    }
}
