/// The outcome of the identification for one school in one year (DESIGN.md, rule 7). Stored as its raw value.
public enum SchoolCategory: String, CaseIterable, Codable, Sendable {
    case lowResultsAndAdverse
    case lowResults
    case resilient
    case adverse
    case none
    case insufficientData

    public var russian: String {
        switch self {
        case .lowResultsAndAdverse: return "НРО и НСУ"
        case .lowResults: return "НРО"
        case .resilient: return "Резильентная"
        case .adverse: return "НСУ"
        case .none: return "Нет признаков"
        case .insufficientData: return "Недостаточно данных"
        }
    }

    public var russianDescription: String {
        switch self {
        case .lowResultsAndAdverse: return "Стабильно низкие результаты обучения в неблагоприятных социальных условиях"
        case .lowResults: return "Стабильно низкие результаты обучения"
        case .resilient: return "Неблагоприятные социальные условия, но результаты не ниже эталона"
        case .adverse: return "Неблагоприятные социальные условия и результаты ниже эталона"
        case .none: return "Признаков низких результатов и неблагоприятных условий нет"
        case .insufficientData: return "В одном из нужных лет нет результатов с достаточным числом участников"
        }
    }

    /// Rule 7: missing data first, because a school cannot be judged on years it has no results for;
    /// then НРО (with or without НСУ); then НСУ split by the composite.
    static func decide(hasEveryYear: Bool, lowResults: Bool, adverseConditions: Bool, composite: Double?) -> SchoolCategory {
        guard hasEveryYear else { return .insufficientData }
        switch (lowResults, adverseConditions) {
        case (true, true): return .lowResultsAndAdverse
        case (true, false): return .lowResults
        case (false, true):
            return Identification.isAtLeast(composite ?? 0, 0) ? .resilient : .adverse
        case (false, false): return .none
        }
    }
}
