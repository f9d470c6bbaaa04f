/// The steps of the management cycle of МУКО (механизмы управления качеством образования), in order.
/// Stored as its raw value.
public enum CycleStep: String, CaseIterable, Codable, Sendable {
    case goals
    case indicators
    case dataCollection
    case monitoring
    case analysis
    case recommendations
    case measures
    case decisions
    case effect

    public var russian: String {
        switch self {
        case .goals: return "Цели"
        case .indicators: return "Показатели"
        case .dataCollection: return "Сбор данных"
        case .monitoring: return "Мониторинг"
        case .analysis: return "Анализ"
        case .recommendations: return "Адресные рекомендации"
        case .measures: return "Меры"
        case .decisions: return "Управленческие решения"
        case .effect: return "Анализ эффективности мер"
        }
    }

    /// 1…9, the step's place in the cycle.
    public var number: Int { CycleStep.allCases.firstIndex(of: self)! + 1 }
}
