/// One score of a teacher in one competence area on one day of the diagnostics of professional deficits.
public struct DiagnosticFact: Hashable, Codable, Sendable {
    /// "school_code|teacher_code|yyyy-mm-dd|area"
    public var id: String
    /// "school_code|teacher_code", the id of the `TeacherFact`.
    public var teacherID: String
    public var date: Day
    /// The key of a `CompetenceArea`.
    public var area: String
    /// A percent 0…100.
    public var score: Double

    public init(id: String, teacherID: String, date: Day, area: String, score: Double) {
        self.id = id
        self.teacherID = teacherID
        self.date = date
        self.area = area
        self.score = score
    }
}
