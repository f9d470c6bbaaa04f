/// An area of a teacher's professional competence that the diagnostics of professional deficits score.
public struct CompetenceArea: Hashable, Codable, Sendable {
    public var key: String
    public var title: String
    /// A percent 0…100: a score strictly below it is a deficit.
    public var threshold: Double

    public init(key: String, title: String, threshold: Double) {
        self.key = key
        self.title = title
        self.threshold = threshold
    }
}

/// The areas a municipality diagnoses; the defaults follow the usual structure of the regional diagnostics.
public enum CompetenceAreas {
    public static let defaultThreshold = 60.0

    public static let defaults: [CompetenceArea] = [
        ("subject", "Предметная компетентность"),
        ("methodical", "Методическая компетентность"),
        ("psychological", "Психолого-педагогическая компетентность"),
        ("assessment", "Оценочная компетентность (оценка образовательных результатов)"),
        ("digital", "Цифровая компетентность"),
        ("communicative", "Коммуникативная компетентность"),
        ("specialNeeds", "Работа с обучающимися с особыми образовательными потребностями"),
    ].map { CompetenceArea(key: $0.0, title: $0.1, threshold: defaultThreshold) }

    /// The area named by its key or title as a person types it: any case, «ё» or «е», extra spaces.
    public static func find(_ text: String, in areas: [CompetenceArea]) -> CompetenceArea? {
        let t = ColumnSet.normalise(text)
        guard !t.isEmpty else { return nil }
        return areas.first { ColumnSet.normalise($0.key) == t || ColumnSet.normalise($0.title) == t }
    }

    /// «Предметная компетентность», «Цифровая компетентность»: the titles for a problem message.
    static func listed(_ areas: [CompetenceArea]) -> String {
        areas.map { "«\($0.title)»" }.joined(separator: ", ")
    }
}
