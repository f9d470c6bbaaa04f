import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// An Office Open XML file (an XLSX workbook, a DOCX document) opened for reading: each part is
/// unpacked within a limit of bytes, counted as they are unpacked, since a part's header can
/// under-state its size.
final class OfficePackage {
    enum Refusal: Error {
        case unpacksTooLarge
        case tooManyColumns(reference: String)
        case tooManyCells
    }

    let archive: Archive
    let maxUnpackedBytes: Int

    init(_ bytes: [UInt8], maxUnpackedBytes: Int) throws {
        archive = try Archive(data: Data(bytes), accessMode: .read)
        self.maxUnpackedBytes = maxUnpackedBytes
    }

    func has(_ path: String) -> Bool { archive[path] != nil }

    /// The part's bytes, or nil when the package has no such part.
    func entry(_ path: String) throws -> Data? {
        guard let e = archive[path] else { return nil }
        guard e.uncompressedSize <= UInt64(maxUnpackedBytes) else { throw Refusal.unpacksTooLarge }
        var data = Data()
        let limit = maxUnpackedBytes
        _ = try archive.extract(e, skipCRC32: true) { chunk in
            guard data.count + chunk.count <= limit else { throw Refusal.unpacksTooLarge }
            data.append(chunk)
        }
        return data
    }

    /// A workbook's sheets in its order: the name on the tab and the part that holds it.
    func sheets() throws -> [(name: String, path: String)] {
        guard let workbook = try entry("xl/workbook.xml"), let rels = try entry("xl/_rels/workbook.xml.rels") else {
            return has("xl/worksheets/sheet1.xml") ? [("", "xl/worksheets/sheet1.xml")] : []
        }
        let targets = AttributeScanner.all(in: rels, element: "Relationship")
        return AttributeScanner.all(in: workbook, element: "sheet").compactMap { sheet in
            guard let rid = sheet["r:id"], let target = targets.first(where: { $0["Id"] == rid })?["Target"] else { return nil }
            return (sheet["name"] ?? "", target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target)
        }
    }

    /// The texts that cells of type `s` point to, read once.
    private lazy var sharedStrings: Result<[String], any Error> = Result { try entry("xl/sharedStrings.xml").map(SharedStringsParser.parse) ?? [] }

    /// One sheet's rows by number (blank rows left out), at most `maxColumns` wide.
    func rows(ofSheet path: String, maxColumns: Int) throws -> [Int: [String]]? {
        let shared = try sharedStrings.get()
        guard let sheet = try entry(path) else { return nil }
        let parsed = SheetParser.parse(sheet, sharedStrings: shared, maxColumns: maxColumns)
        if let reference = parsed.wideCell { throw Refusal.tooManyColumns(reference: reference) }
        return parsed.rows
    }
}
