/// A programme's life: written as a draft, run while active, closed at its end (or earlier, with a
/// reason). At most one programme of a municipality is active; their periods never overlap.
public enum ProgrammeStatus: String, CaseIterable, Codable, Sendable {
    case draft
    case active
    case closed

    public var russian: String {
        switch self {
        case .draft: return "Черновик"
        case .active: return "Действует"
        case .closed: return "Закрыта"
        }
    }

    /// Whether its plan, measures and indicators may still be changed.
    public var isOpen: Bool { self != .closed }
}

/// The rules of a programme's period among the municipality's other programmes.
public enum ProgrammePeriod {
    public static let maxYears = 10
    public static let allowedYears = 2000...2100

    /// Another programme of the same municipality, as the rules need it.
    public struct Other: Sendable {
        public var name: String
        public var years: ClosedRange<Int>
        public var status: ProgrammeStatus

        public init(name: String, years: ClosedRange<Int>, status: ProgrammeStatus) {
            self.name = name
            self.years = years
            self.status = status
        }
    }

    /// Problems of a period `first…last` among `others`, keyed by the form's fields
    /// (`first_year`, `last_year`); empty when it may be used.
    public static func problems(first: Int?, last: Int?, others: [Other]) -> [String: String] {
        guard let first, allowedYears.contains(first) else { return ["first_year": "Первый год — число от 2000 до 2100."] }
        guard let last, allowedYears.contains(last) else { return ["last_year": "Последний год — число от 2000 до 2100."] }
        if last < first { return ["last_year": "Последний год не может быть раньше первого (\(first))."] }
        if last - first + 1 > maxYears { return ["last_year": "Программа длится не больше \(maxYears) лет: \(first)–\(first + maxYears - 1)."] }
        if let o = others.first(where: { $0.years.overlaps(first...last) }) {
            return ["first_year": "Период \(first)–\(last) пересекается с программой «\(o.name)» (\(o.years.lowerBound)–\(o.years.upperBound)): периоды программ не должны пересекаться."]
        }
        return [:]
    }

    /// Why a programme may not become active, or nil.
    public static func activationProblem(status: ProgrammeStatus, others: [Other]) -> String? {
        if status == .closed { return "Закрытая программа не может снова стать действующей." }
        if status == .active { return "Программа уже действует." }
        if let o = others.first(where: { $0.status == .active }) {
            return "Уже действует программа «\(o.name)» (\(o.years.lowerBound)–\(o.years.upperBound)): сначала закройте её."
        }
        return nil
    }
}
