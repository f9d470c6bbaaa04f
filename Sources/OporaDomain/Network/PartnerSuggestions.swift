/// A school proposed as a network partner of a school with low results.
public struct PartnerSuggestion: Hashable, Codable, Sendable {
    public var schoolCode: String
    public var schoolName: String
    /// In Russian: why this school, with its figures.
    public var reason: String

    public init(schoolCode: String, schoolName: String, reason: String) {
        self.schoolCode = schoolCode
        self.schoolName = schoolName
        self.reason = reason
    }
}

/// Partners for a НРО school: schools of the same year that do better in similar social conditions, whose
/// experience is therefore likely to carry over.
public enum PartnerSuggestions {
    /// The largest difference of social indices still called similar conditions.
    public static let socialIndexTolerance = 0.25

    /// For a НРО school only. A candidate is another school of the same year without low results that is
    /// resilient or has a composite above the reference (> 0), with a known social index within the tolerance
    /// of the school's (any index when the school's is unknown). Resilient schools first, since they show
    /// that adverse conditions can be overcome; then the closest conditions; then the best composite.
    public static func suggest(for school: SchoolAssessment, among schools: [SchoolAssessment], limit: Int = 3) -> [PartnerSuggestion] {
        guard school.lowResults else { return [] }
        let candidates = schools.filter { c in
            guard c.year == school.year, c.schoolCode != school.schoolCode, !c.lowResults,
                  c.category == .resilient || (c.composite ?? 0) > 0, let index = c.socialIndex else { return false }
            guard let own = school.socialIndex else { return true }
            // Indices are means of ratios, so a difference of exactly 0,25 on paper may exceed it in the last bit.
            return abs(index - own) <= socialIndexTolerance + 1e-9
        }
        let sorted = candidates.sorted { a, b in
            let ra = a.category == .resilient ? 0 : 1, rb = b.category == .resilient ? 0 : 1
            if ra != rb { return ra < rb }
            let da = distance(a, school), db = distance(b, school)
            if da != db { return da < db }
            let ca = a.composite ?? 0, cb = b.composite ?? 0
            if ca != cb { return ca > cb }
            return a.schoolCode < b.schoolCode
        }
        return sorted.prefix(max(0, limit)).map { c in
            PartnerSuggestion(schoolCode: c.schoolCode, schoolName: c.schoolName, reason: reason(c, school))
        }
    }

    /// |Δ social index|, 0 when the school's index is unknown (then only the other keys order).
    private static func distance(_ candidate: SchoolAssessment, _ school: SchoolAssessment) -> Double {
        guard let a = candidate.socialIndex, let b = school.socialIndex else { return 0 }
        return abs(a - b)
    }

    /// «резильентная школа: сводный результат +0,031 при схожих социальных условиях (индекс 1,12 против 1,20)».
    private static func reason(_ candidate: SchoolAssessment, _ school: SchoolAssessment) -> String {
        let index = candidate.socialIndex.map(format) ?? "—"
        let conditions = school.socialIndex.map { "при схожих социальных условиях (индекс \(index) против \(format($0)))" }
            ?? "(социальный индекс \(index); индекс школы не вычислен, условия не сравнивались)"
        let composite = candidate.composite.map { RussianNumberFormat.signed($0, fractionDigits: 3) }
        if candidate.category == .resilient {
            return "резильентная школа: " + (composite.map { "сводный результат \($0) " } ?? "") + conditions
        }
        return "сводный результат выше эталона (\(composite ?? "—")) " + conditions
    }

    private static func format(_ index: Double) -> String { RussianNumberFormat.decimal(index, fractionDigits: 2...2) }
}
