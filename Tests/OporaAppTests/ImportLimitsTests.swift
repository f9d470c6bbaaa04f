import Foundation
@testable import OporaApp
import OporaDomain
import Testing
import ZIPFoundation

/// Small files that would cost the server minutes or gigabytes are refused, with the reason.
@Suite struct ImportLimitsTests {
    static func problem(_ r: Result<[RawSheet], ImportProblems>) -> String? {
        if case .failure(let p) = r { return p.problems.first?.reason }
        return nil
    }

    /// A workbook whose sheet says it unpacks to 1,000 bytes and unpacks to more than 3 MB.
    static func lyingWorkbook() throws -> [UInt8] {
        var rows = ""
        for i in 1...50_000 { rows += "<row r=\"\(i)\"><c r=\"A\(i)\"><v>1</v></c><c r=\"B\(i)\"><v>2</v></c></row>" }
        let sheet = "<worksheet><sheetData>" + rows + "</sheetData></worksheet>"
        var bytes = try UnseenMunicipality.xlsx([["a"]])
        // Replace the sheet by a deflated big one, then under-state its size in both headers.
        let archive = try Archive(data: Data(bytes), accessMode: .update)
        if let old = archive["xl/worksheets/sheet1.xml"] { try archive.remove(old) }
        let data = Data(sheet.utf8)
        try archive.addEntry(with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(data.count),
                             compressionMethod: .deflate, provider: { pos, size in data.subdata(in: Int(pos)..<Int(pos) + size) })
        bytes = Array(archive.data!)
        let name = Array("xl/worksheets/sheet1.xml".utf8)
        var patched = 0
        func names(_ at: Int) -> Bool { at + name.count <= bytes.count && Array(bytes[at..<(at + name.count)]) == name }
        let understated: [UInt8] = [0xE8, 0x03, 0, 0]  // 1,000 little-endian
        for i in 0..<(bytes.count - 46) {
            let signature = Array(bytes[i..<(i + 4)])
            var offset: Int?
            if signature == [0x50, 0x4B, 0x03, 0x04] && names(i + 30) { offset = 22 }
            if signature == [0x50, 0x4B, 0x01, 0x02] && names(i + 46) { offset = 24 }
            guard let offset else { continue }
            for k in 0..<4 { bytes[i + offset + k] = understated[k] }
            patched += 1
        }
        #expect(patched == 2)
        #expect(data.count > 3_000_000)
        return bytes
    }

    @Test func aWorkbookThatUnpacksPastTheLimitIsRefusedByTheBytesUnpacked() throws {
        let bytes = try Self.lyingWorkbook()
        #expect(bytes.count < 400_000)
        let refused = Self.problem(TableReader.readXLSX(bytes, maxUnpackedBytes: 1_000_000))
        #expect(refused?.hasPrefix("Книга Excel распаковывается больше чем в") == true, "\(refused ?? "read")")
        // Under a limit it fits, the same file is read: the refusal is the size, not the patching.
        if case .success(let sheets) = TableReader.readXLSX(bytes, maxUnpackedBytes: 10_000_000) {
            #expect(sheets.map(\.rows.count) == [50_000])
        } else {
            Issue.record("the workbook should be read under a 10 MB limit")
        }
    }

    @Test func aCellAtTheLastExcelColumnIsRefusedWithoutPaddingRows() throws {
        var sheet = UnseenMunicipality.sheetXML([["code", "name"], ["s1", "Школа"]])
        sheet = sheet.replacingOccurrences(of: "</row></sheetData>", with: "<c r=\"XFD2\"><v>1</v></c></row></sheetData>")
        let bytes = try UnseenMunicipality.xlsx(sheetXML: sheet)
        let refused = Self.problem(TableReader.read(fileName: "wide.xlsx", bytes: bytes))
        #expect(refused == "В книге есть ячейка XFD2 — дальше 300-го столбца. В файлах Опоры столбцов не больше 300: удалите лишние столбцы.")
    }

    @Test func aCSVWithThousandsOfColumnsIsRefusedAtOnce() throws {
        let header = (1...40_000).map { "c\($0)" }.joined(separator: ",")
        let refused = Self.problem(TableReader.read(fileName: "wide.csv", bytes: Array((header + "\n1,2\n").utf8)))
        #expect(refused == "В файле 40\u{00A0}000 столбцов, а в файлах Опоры их не больше 300: удалите лишние столбцы.")
    }
}
