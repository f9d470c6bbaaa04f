/// Where a measure stands. `overdue` is not a status: it is derived from the deadline and today.
public enum MeasureStatus: String, CaseIterable, Codable, Sendable {
    case planned
    case inProgress
    case done
    case cancelled

    public var russian: String {
        switch self {
        case .planned: return "Запланировано"
        case .inProgress: return "Выполняется"
        case .done: return "Выполнено"
        case .cancelled: return "Отменено"
        }
    }

    /// Open measures are the ones that can still become overdue.
    public var isOpen: Bool { self == .planned || self == .inProgress }

    /// The statuses a measure may move to from this one. A done or cancelled measure can be
    /// reopened (a mistake is corrected, not worked around), which the history then shows.
    public var next: [MeasureStatus] {
        switch self {
        case .planned: return [.inProgress, .done, .cancelled]
        case .inProgress: return [.planned, .done, .cancelled]
        case .done: return [.inProgress]
        case .cancelled: return [.planned]
        }
    }
}

public enum MeasureTiming {
    /// Open, with a deadline before today.
    public static func isOverdue(status: MeasureStatus, deadline: Day?, today: Day) -> Bool {
        guard status.isOpen, let deadline else { return false }
        return deadline < today
    }

    /// Open, with a deadline from today to `days` days ahead.
    public static func isDueSoon(status: MeasureStatus, deadline: Day?, today: Day, days: Int = 30) -> Bool {
        guard status.isOpen, let deadline else { return false }
        return deadline >= today && deadline <= today.adding(days: days)
    }
}
