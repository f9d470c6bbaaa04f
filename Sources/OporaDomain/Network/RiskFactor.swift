/// A factor of a school's risk profile (рисковый профиль, federal project 500+) and the directions of the
/// programme plan whose measures address it.
public struct RiskFactor: Hashable, Codable, Sendable {
    public var key: String
    public var title: String
    /// Codes of plan directions, e.g. "1.3".
    public var directions: [String]

    public init(key: String, title: String, directions: [String]) {
        self.key = key
        self.title = title
        self.directions = directions
    }
}

/// The ten risk factors of project 500+, in the project's order; the admin may add more.
public enum RiskFactors {
    public static let defaults: [RiskFactor] = [
        RiskFactor(key: "equipment", title: "Низкий уровень оснащения школы", directions: ["1.3"]),
        RiskFactor(key: "staffShortage", title: "Дефицит педагогических кадров", directions: ["1.1"]),
        RiskFactor(key: "competence", title: "Недостаточная предметная и методическая компетентность педагогических работников",
                   directions: ["1.2", "2.3"]),
        RiskFactor(key: "adaptivity", title: "Риски низкой адаптивности учебного процесса", directions: ["2.1", "2.2"]),
        RiskFactor(key: "professionalDevelopment", title: "Несформированность внутришкольной системы повышения квалификации",
                   directions: ["1.2", "1.4", "2.3"]),
        RiskFactor(key: "languageBarriers", title: "Низкое качество преодоления языковых и культурных барьеров",
                   directions: ["2.1", "4.2"]),
        RiskFactor(key: "environment", title: "Пониженный уровень качества школьной образовательной и воспитательной среды",
                   directions: ["2.5", "3.2", "4.6"]),
        RiskFactor(key: "studentsAtRisk", title: "Высокая доля обучающихся с рисками учебной неуспешности", directions: ["2.1", "2.4"]),
        RiskFactor(key: "parents", title: "Низкий уровень вовлечённости родителей", directions: ["3.1", "4.2"]),
        RiskFactor(key: "motivation", title: "Низкая учебная мотивация обучающихся", directions: ["2.4", "3.2"]),
    ]
}

/// How strongly a factor is present at a school. Stored as its raw value.
public enum RiskLevel: String, CaseIterable, Codable, Sendable {
    case high
    case medium
    case low
    case none

    public var russian: String {
        switch self {
        case .high: return "высокий"
        case .medium: return "средний"
        case .low: return "низкий"
        case .none: return "нет риска"
        }
    }

    /// 3 for high down to 0 for none, to sort and sum profiles.
    public var rank: Int {
        switch self {
        case .high: return 3
        case .medium: return 2
        case .low: return 1
        case .none: return 0
        }
    }
}
