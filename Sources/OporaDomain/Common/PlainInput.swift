/// What a typed value must look like, the same for a form, an imported file and the API.
public enum SchoolCode {
    public static let maxLength = 40
    /// «Код — латинские буквы, цифры, дефис или подчёркивание (до 40 знаков).»
    public static let rule = "латинские буквы, цифры, дефис или подчёркивание (до \(maxLength) знаков)"

    /// Nothing a header, a file name or a URL could be broken by: ASCII letters, digits, «-» and «_».
    public static func isValid(_ code: String) -> Bool {
        !code.isEmpty && code.utf8.count <= maxLength
            && code.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x5F }
    }
}

public enum PlainNumber {
    /// «12», «−3», «12,5», «12.5», «1 200,5»: a finite decimal within ±10⁹; nil for anything else
    /// («inf», «nan», «1e3», «12,5 км», two separators).
    public static func decimal(_ text: String) -> Double? {
        var n = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "")
            .replacingOccurrences(of: "\u{202F}", with: "").replacingOccurrences(of: ",", with: ".")
        if n.hasPrefix("−") { n = "-" + n.dropFirst() }
        let body = n.hasPrefix("-") ? n.dropFirst() : Substring(n)
        guard !body.isEmpty, body.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }),
              body.utf8.filter({ $0 == 0x2E }).count <= 1, body.first != ".", body.last != ".",
              let v = Double(n), v.isFinite, abs(v) <= 1e9 else { return nil }
        return v
    }
}
