/// CSV as spreadsheet programs save it (RFC 4180): cells separated by `,`, `;` or tab, quoted cells
/// with `""` for a quote and line breaks inside, lines ending in LF, CRLF or CR.
///
/// Opora reads CSV itself because a country's results file has 1.5 million rows: a parser that walks
/// the text character by character (SwiftCSV) took 19 s for it on the benchmark machine; this one
/// walks the UTF-8 bytes and takes about a second.
public enum CSVText {
    public enum Failure: Error, Equatable { case unclosedQuote(line: Int) }

    /// The delimiter the lines agree on: the one that the most of the first 50 lines hold the same number of
    /// times (title lines above a table hold none; «21,74» in a `;` file gives a varying number of commas).
    /// `;` in a Russian spreadsheet's CSV, else `,` or tab.
    public static func delimiter(of bytes: [UInt8]) -> UInt8 {
        let candidates = [UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: ",")]
        var lines: [[UInt8: Int]] = []
        var current: [UInt8: Int] = [:]
        var quoted = false
        for b in bytes {
            if b == UInt8(ascii: "\"") { quoted.toggle() }
            else if !quoted && (b == 0x0A || b == 0x0D) {
                if !current.isEmpty { lines.append(current) }
                current = [:]
                if lines.count >= 50 { break }
            } else if !quoted, candidates.contains(b) { current[b, default: 0] += 1 }
        }
        if !current.isEmpty { lines.append(current) }
        // On a tie, the delimiter of the first line that has any.
        let first = lines.first ?? [:]
        var best = (delimiter: UInt8(ascii: ","), lines: 0, count: 0, first: 0)
        for c in candidates {
            let counts = lines.compactMap { $0[c] }
            let modes = Dictionary(grouping: counts, by: { $0 }).mapValues(\.count)
            guard let mode = modes.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { continue }
            let score = (mode.value, mode.key, first[c] ?? 0)
            if score > (best.lines, best.count, best.first) { best = (c, score.0, score.1, score.2) }
        }
        return best.delimiter
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
