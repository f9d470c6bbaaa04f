/// How an indicator's value is obtained from the rows: one of the five built-in formulas (DESIGN.md «The
/// five target indicators»). An indicator without a formula is entered by hand with its source.
public enum IndicatorFormula: String, CaseIterable, Codable, Sendable {
    case equalAccess
    case training
    case gia
    case higherResults
    case staffing

    public var russian: String {
        switch self {
        case .equalAccess: return "доля участвующих школ, где обеспечены условия равного доступа (чек-лист)"
        case .training: return "доля педагогов участвующих школ, прошедших повышение квалификации"
        case .gia: return "доля выпускников участвующих школ, получивших аттестат (ГИА)"
        case .higherResults: return "доля участвующих школ, улучшивших результаты к прошлому году"
        case .staffing: return "доля ставок участвующих школ, занятых педагогами"
        }
    }

    /// The number the formula has in the seed table «Результативность»: 1…5.
    public var seedNumber: Int { Self.allCases.firstIndex(of: self)! + 1 }

    public init?(seedNumber: Int) {
        guard IndicatorFormulas.numbers.contains(seedNumber) else { return nil }
        self = Self.allCases[seedNumber - 1]
    }
}
