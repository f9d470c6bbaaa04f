/// Turns a CSV file's bytes into text: UTF-8 (with or without its mark) or Windows-1251, the two
/// encodings a Russian spreadsheet program saves CSV in. Anything else is refused, not guessed.
public enum TextDecoding {
    public static let wrongEncoding = ImportProblem(
        line: nil, column: nil, value: nil,
        reason: "Файл не в кодировке UTF-8 или Windows-1251: сохраните его как CSV (UTF-8) или XLSX.")

    public static func decode(_ bytes: [UInt8]) -> Result<String, ImportProblem> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || body.contains(0) {
            return .failure(wrongEncoding)
        }
        if let text = String(validating: body, as: UTF8.self) { return .success(text) }
        // Windows-1251 text is mostly letters 0xC0–0xFF; control characters other than tab and line
        // breaks mean a binary file.
        if body.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) || body.contains(0x98) {
            return .failure(wrongEncoding)
        }
        var scalars = String.UnicodeScalarView()
        for b in body {
            if b < 0x80 { scalars.append(Unicode.Scalar(b)) }
            else if b >= 0xC0 { scalars.append(Unicode.Scalar(0x0410 + UInt32(b) - 0xC0)!) }
            else { scalars.append(Unicode.Scalar(cp1251High[Int(b) - 0x80])!) }
        }
        return .success(String(scalars))
    }

    /// Windows-1251 0x80–0xBF; 0x98 is unassigned.
    static let cp1251High: [UInt32] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
    ]
}
