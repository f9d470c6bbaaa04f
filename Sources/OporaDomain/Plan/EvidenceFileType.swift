/// The file types accepted as evidence, recognised by their content, not only by their name:
/// a renamed executable or a script called `report.pdf` is refused.
public enum EvidenceFileType: String, CaseIterable, Sendable {
    case pdf, doc, docx, xls, xlsx, odt, ods, jpg, png

    public static let maxBytes = 20 * 1024 * 1024

    public var contentType: String {
        switch self {
        case .pdf: return "application/pdf"
        case .doc: return "application/msword"
        case .docx: return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xls: return "application/vnd.ms-excel"
        case .xlsx: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .odt: return "application/vnd.oasis.opendocument.text"
        case .ods: return "application/vnd.oasis.opendocument.spreadsheet"
        case .jpg: return "image/jpeg"
        case .png: return "image/png"
        }
    }

    public enum Problem: Error, Equatable, Sendable {
        case empty
        case tooLarge
        case extensionNotAllowed(String)
        case contentMismatch(String)

        public var russian: String {
            switch self {
            case .empty: return "Файл пустой."
            case .tooLarge: return "Файл больше 20 МБ."
            case .extensionNotAllowed(let ext):
                return "Файлы типа «\(ext)» не принимаются. Допустимы: PDF, DOC, DOCX, XLS, XLSX, ODT, ODS, JPG, PNG."
            case .contentMismatch(let ext):
                return "Содержимое файла не соответствует расширению «\(ext)»."
            }
        }
    }

    /// Checks a file's name and bytes together.
    public static func detect(fileName: String, bytes: [UInt8]) -> Result<EvidenceFileType, Problem> {
        guard !bytes.isEmpty else { return .failure(.empty) }
        guard bytes.count <= maxBytes else { return .failure(.tooLarge) }
        let ext = fileName.split(separator: ".").count > 1 ? String(fileName.split(separator: ".").last!).lowercased() : ""
        let claimed: EvidenceFileType?
        switch ext {
        case "jpeg": claimed = .jpg
        default: claimed = EvidenceFileType(rawValue: ext)
        }
        guard let claimed else { return .failure(.extensionNotAllowed(ext.isEmpty ? "без расширения" : ext)) }
        return claimed.matches(bytes) ? .success(claimed) : .failure(.contentMismatch(ext))
    }

    func matches(_ b: [UInt8]) -> Bool {
        func starts(_ prefix: [UInt8]) -> Bool { b.count >= prefix.count && Array(b.prefix(prefix.count)) == prefix }
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        switch self {
        case .pdf: return starts(Array("%PDF-".utf8))
        case .jpg: return starts([0xFF, 0xD8, 0xFF])
        case .png: return starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        case .doc, .xls: return starts(ole)
        case .docx: return starts(zip) && contains(b, "word/")
        case .xlsx: return starts(zip) && contains(b, "xl/")
        // An OpenDocument package stores its `mimetype` entry first and uncompressed.
        case .odt: return starts(zip) && contains(b.prefix(200), "application/vnd.oasis.opendocument.text")
        case .ods: return starts(zip) && contains(b.prefix(200), "application/vnd.oasis.opendocument.spreadsheet")
        }
    }

    private func contains<C: Collection>(_ haystack: C, _ needle: String) -> Bool where C.Element == UInt8 {
        let n = Array(needle.utf8)
        let h = Array(haystack)
        guard h.count >= n.count else { return false }
        for i in 0...(h.count - n.count) where h[i] == n[0] && Array(h[i..<(i + n.count)]) == n { return true }
        return false
    }
}
