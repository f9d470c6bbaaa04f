/// A professional deficit: an area where the teacher's latest diagnostic score is below the threshold.
public struct Deficit: Hashable, Codable, Sendable {
    public var teacherID: String
    /// The key of a `CompetenceArea`.
    public var area: String
    public var score: Double
    public var threshold: Double
    public var date: Day
    /// The `DiagnosticFact` the deficit stands on.
    public var factID: String

    public init(teacherID: String, area: String, score: Double, threshold: Double, date: Day, factID: String) {
        self.teacherID = teacherID
        self.area = area
        self.score = score
        self.threshold = threshold
        self.date = date
        self.factID = factID
    }

    /// «Цифровая компетентность: 45 % при пороге 60 % (диагностика 12.03.2025)». The title comes from
    /// `areas` because a municipality may rename an area after the diagnostics.
    public func russian(areas: [CompetenceArea]) -> String {
        let title = areas.first { $0.key == area }?.title ?? area
        return "\(title): \(Deficit.percent(score)) при пороге \(Deficit.percent(threshold)) (диагностика \(date.russian))"
    }

    /// «45 %», «45,5 %».
    static func percent(_ value: Double) -> String {
        RussianNumberFormat.decimal(value, fractionDigits: 0...1) + " %"
    }
}

/// How many teachers have a deficit in one area.
public struct AreaCount: Hashable, Codable, Sendable {
    public var area: CompetenceArea
    public var teacherIDs: [String]

    public init(area: CompetenceArea, teacherIDs: [String]) {
        self.area = area
        self.teacherIDs = teacherIDs
    }
}

/// Deficits from the diagnostics. Only a teacher's latest diagnostic date counts: a deficit found earlier
/// and not found by a later diagnostics has been overcome.
public enum DeficitAnalysis {
    public static func latestDate(of teacherID: String, in facts: [DiagnosticFact]) -> Day? {
        facts.filter { $0.teacherID == teacherID }.map(\.date).max()
    }

    /// The deficits of the latest diagnostics, weakest first; areas not in `areas` are ignored.
    public static func deficits(of teacherID: String, facts: [DiagnosticFact], areas: [CompetenceArea]) -> [Deficit] {
        guard let latest = latestDate(of: teacherID, in: facts) else { return [] }
        let scores = facts.filter { $0.teacherID == teacherID && $0.date == latest }
        let found = areas.enumerated().compactMap { order, area -> (order: Int, deficit: Deficit)? in
            guard let fact = scores.first(where: { $0.area == area.key }), fact.score < area.threshold else { return nil }
            return (order, Deficit(teacherID: teacherID, area: area.key, score: fact.score, threshold: area.threshold,
                                   date: fact.date, factID: fact.id))
        }
        return found.sorted { ($0.deficit.score, $0.order) < ($1.deficit.score, $1.order) }.map(\.deficit)
    }

    /// Every area with the teachers who have a deficit in it, the most common first; equal counts keep the
    /// order of `areas`, and areas without deficits are listed too.
    public static func common(teachers: [TeacherFact], facts: [DiagnosticFact], areas: [CompetenceArea]) -> [AreaCount] {
        let byTeacher = teachers.map { ($0.id, Set(deficits(of: $0.id, facts: facts, areas: areas).map(\.area))) }
        let counts = areas.enumerated().map { order, area in
            (order, AreaCount(area: area, teacherIDs: byTeacher.filter { $0.1.contains(area.key) }.map(\.0)))
        }
        return counts.sorted { ($1.1.teacherIDs.count, $0.0) < ($0.1.teacherIDs.count, $1.0) }.map(\.1)
    }

    /// Pedagogical workers who have never been diagnosed.
    public static func undiagnosed(teachers: [TeacherFact], facts: [DiagnosticFact]) -> [TeacherFact] {
        let diagnosed = Set(facts.map(\.teacherID))
        return teachers.filter { $0.pedagogical && !diagnosed.contains($0.id) }
    }
}
