import Foundation

/// Numbers, shares and rows as the pages, the workbooks, the import previews and the command line
/// write them for people: a decimal comma, the minus sign «−», « %» after a percent. One format,
/// built on `RussianNumberFormat`, for every layer.
public enum Format {
    /// 12 → «12», −3 → «−3», 12.345 → «12,3» (digits 1), 0.5 → «0,50» (digits 2).
    public static func number(_ v: Double, digits: Int = 1) -> String {
        if v == v.rounded() && abs(v) < 1e12 { return (v < 0 ? "−" : "") + String(Int(abs(v))) }
        return RussianNumberFormat.decimal(v, fractionDigits: digits...digits)
    }

    /// 100000 → «100 000» (digit groups by a non-breaking space), −5 → «−5».
    public static func integer(_ value: Int) -> String { RussianNumberFormat.integer(value) }

    /// 0.456 → «45,6 %»
    public static func percent(_ share: Double?, digits: Int = 1) -> String {
        guard let share else { return "—" }
        return number((share * 100 * pow(10, Double(digits))).rounded() / pow(10, Double(digits)), digits: digits) + " %"
    }

    /// A signed difference of shares in percentage points: «+3,2 п. п.»
    public static func points(_ d: Double?) -> String {
        guard let d else { return "—" }
        let v = (d * 1000).rounded() / 10
        return (v > 0 ? "+" : v < 0 ? "−" : "") + number(abs(v)) + " п. п."
    }

    public static func result(_ r: ResultRow) -> String {
        var s = "участников \(r.participants), «2» \(r.fails)"
        if let m3 = r.marks3, let m4 = r.marks4, let m5 = r.marks5 { s += ", «3» \(m3), «4» \(m4), «5» \(m5)" }
        if let mean = r.meanScore { s += ", средний балл \(number(mean, digits: 2))" }
        return s
    }

    public static func context(_ c: SocialContext) -> String {
        var parts: [String] = []
        if let n = c.students { parts.append("обучающихся \(n)") }
        if let v = c.lowIncomeShare { parts.append("малоимущие \(percent(v))") }
        if let v = c.incompleteFamilyShare { parts.append("неполные семьи \(percent(v))") }
        if let v = c.noHigherEducationShare { parts.append("без высшего образования родителей \(percent(v))") }
        if let v = c.nonNativeShare { parts.append("русский неродной \(percent(v))") }
        if let v = c.preventiveRegisterShare { parts.append("на профилактическом учёте \(percent(v))") }
        return parts.isEmpty ? "нет сведений" : parts.joined(separator: ", ")
    }
}
