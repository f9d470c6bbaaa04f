/// How well the effect of a successful practice is proven, from strongest to weakest. Stored as its raw value.
public enum EvidenceLevel: String, CaseIterable, Codable, Sendable {
    case strong
    case moderate
    case promising
    case rationale

    public var russian: String {
        switch self {
        case .strong: return "сильный"
        case .moderate: return "умеренный"
        case .promising: return "перспективный"
        case .rationale: return "обоснование"
        }
    }

    /// What a practice must show to have this level, for the hint next to the choice.
    public var explanation: String {
        switch self {
        case .strong:
            return "Результат подтверждён сравнением с другими школами или классами за несколько лет."
        case .moderate:
            return "Результат подтверждён сравнением с другими школами или классами, но за один год или на небольшом числе обучающихся."
        case .promising:
            return "Результаты выросли после внедрения практики, но сравнения с другими школами или классами не было."
        case .rationale:
            return "Практика опирается на исследования или опыт других школ, а своих данных о результатах пока нет."
        }
    }
}
