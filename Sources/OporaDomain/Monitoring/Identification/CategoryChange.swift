extension SchoolCategory {
    /// Whether the category is one the programme supports: НРО, НСУ or both (a resilient school is in НСУ).
    public var isSupported: Bool { [.lowResultsAndAdverse, .lowResults, .adverse, .resilient].contains(self) }
}

/// How a school's place among the НРО and НСУ schools changed over a programme: from the year before
/// it started to the last year with a category. A year without a judgement (no results, too few
/// participants) says nothing, so a school judged in only one of the two years is «unknown».
public enum CategoryChange: String, Sendable, CaseIterable {
    case left
    case entered
    case stayed
    case stayedOut
    case unknown

    public static func of(first: SchoolCategory?, last: SchoolCategory?) -> CategoryChange {
        guard let first, let last, first != .insufficientData, last != .insufficientData else { return .unknown }
        switch (first.isSupported, last.isSupported) {
        case (true, false): return .left
        case (false, true): return .entered
        case (true, true): return .stayed
        case (false, false): return .stayedOut
        }
    }

    public var russian: String {
        switch self {
        case .left: return "вышла из НРО/НСУ"
        case .entered: return "вошла в НРО/НСУ"
        case .stayed: return "осталась в НРО/НСУ"
        case .stayedOut: return "не была и не стала НРО/НСУ"
        case .unknown: return "не определить: нет категории в одном из лет"
        }
    }
}
