import Foundation
import Vapor

/// A stored or built file sent as a download, never shown inline, with its name safe in the header.
enum Download {
    static func attachment(_ data: Data, contentType: String, fileName: String) -> Response {
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: contentType)
        response.headers.replaceOrAdd(name: .contentDisposition, value: contentDisposition(fileName))
        return response
    }

    /// RFC 6266: an ASCII `filename` for old clients and the UTF-8 name percent-encoded in `filename*`.
    /// Control characters are dropped first, so no name can end the header or start another.
    static func contentDisposition(_ fileName: String) -> String {
        let clean = String(String.UnicodeScalarView(fileName.unicodeScalars.filter { $0.value >= 32 && $0.value != 127 && !(0x80...0x9F).contains($0.value) }))
        let name = clean.isEmpty ? "file" : clean
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        var allowed = CharacterSet()
        allowed.insert(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let encoded = name.addingPercentEncoding(withAllowedCharacters: allowed) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}
