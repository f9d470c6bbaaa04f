/// Everything the five target indicators are computed from, gathered by the app in one value so that the
/// formulas stay pure functions: the same inputs always give the same figures, and a test can build them by hand.
public struct IndicatorInputs: Codable, Sendable, Equatable {
    /// School codes of the programme's list. Rows of other schools are ignored: the indicators measure the
    /// programme, not the municipality.
    public var participating: [String]
    /// School code → name, for the breakdown; a school without a name is shown by its code.
    public var schoolNames: [String: String]
    /// The current equal-access checklist (the admin can edit it), in the order it is shown.
    public var checklistItems: [String]
    public var checklists: [ChecklistFact]
    public var teachers: [TeacherFact]
    public var trainings: [TrainingFact]
    public var positions: [StaffPositionFact]
    public var gia: [GIAOutcomeFact]
    /// Year → school code → composite result of the identification methodology. The app computes them, because
    /// the composite depends on every school's results in the scope, not only on the participating ones.
    public var composites: [Int: [String: Double]]

    public init(participating: [String], schoolNames: [String: String] = [:],
                checklistItems: [String] = EqualAccessChecklist.defaultItems, checklists: [ChecklistFact] = [],
                teachers: [TeacherFact] = [], trainings: [TrainingFact] = [], positions: [StaffPositionFact] = [],
                gia: [GIAOutcomeFact] = [], composites: [Int: [String: Double]] = [:]) {
        self.participating = participating
        self.schoolNames = schoolNames
        self.checklistItems = checklistItems
        self.checklists = checklists
        self.teachers = teachers
        self.trainings = trainings
        self.positions = positions
        self.gia = gia
        self.composites = composites
    }
}

extension IndicatorInputs {
    /// The programme's list without repeats, sorted by code, so that every breakdown reads in the same order.
    var participatingCodes: [String] { Array(Set(participating)).sorted() }

    func schoolName(_ code: String) -> String { schoolNames[code] ?? code }
}
