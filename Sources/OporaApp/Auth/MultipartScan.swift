import Foundation

/// A quick look into a multipart/form-data body without decoding it: each part's name, whether it
/// is a file, and where its bytes are. Boundaries are found with Foundation's `Data.range(of:)`, so
/// a 20 MB body is scanned in milliseconds; the full decoding is left to the handler, after the
/// CSRF token and the size of the text fields have been checked.
enum MultipartScan {
    struct Part: Equatable {
        var name: String
        var isFile: Bool
        var body: Range<Int>
    }

    /// A form has a few dozen fields; a body of thousands of parts is refused unread.
    static let maxParts = 500

    /// The parts in order, or nil when the body is not well-formed multipart with this boundary.
    static func parts(_ data: Data, boundary: String) -> [Part]? {
        guard !boundary.isEmpty, boundary.utf8.count <= 200 else { return nil }
        let opening = Data(("--" + boundary).utf8)
        let delimiter = Data(("\r\n--" + boundary).utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        guard let first = data.range(of: opening, in: data.startIndex..<data.endIndex), first.lowerBound == data.startIndex else { return nil }
        var position = first.upperBound
        var parts: [Part] = []
        while parts.count < maxParts {
            // After a boundary: «--» ends the body, «\r\n» starts a part.
            guard position + 2 <= data.endIndex else { return nil }
            if data[position] == UInt8(ascii: "-") && data[position + 1] == UInt8(ascii: "-") { return parts }
            guard data[position] == 13 && data[position + 1] == 10 else { return nil }
            position += 2
            guard let headers = data.range(of: headerEnd, in: position..<data.endIndex),
                  headers.lowerBound - position <= 4096 else { return nil }
            let head = String(decoding: data[position..<headers.lowerBound], as: UTF8.self)
            guard let next = data.range(of: delimiter, in: headers.upperBound..<data.endIndex) else { return nil }
            let (name, isFile) = disposition(head)
            parts.append(Part(name: name ?? "", isFile: isFile, body: headers.upperBound..<next.lowerBound))
            position = next.upperBound
        }
        return nil
    }

    /// `name` and whether a `filename` is given, from a part's Content-Disposition header.
    static func disposition(_ head: String) -> (name: String?, isFile: Bool) {
        guard let line = head.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }) else {
            return (nil, false)
        }
        var name: String?
        var isFile = false
        for item in line.split(separator: ";").dropFirst() {
            let pair = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            let value = pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2 ? String(pair[1].dropFirst().dropLast()) : pair[1]
            switch pair[0].lowercased() {
            case "name": name = value
            case "filename", "filename*": isFile = true
            default: break
            }
        }
        return (name, isFile)
    }
}
