@testable import OporaDomain
import Testing

// Fixtures: rows built in one line, the year 2021 unless a test says otherwise, and a short checklist of two
// items so that the hand arithmetic stays short.

let internet = "Широкополосный доступ в интернет"
let computerClass = "Компьютерный класс"
let items = [internet, computerClass]

func inputs(_ participating: [String], checklists: [ChecklistFact] = [], teachers: [TeacherFact] = [],
            trainings: [TrainingFact] = [], positions: [StaffPositionFact] = [], gia: [GIAOutcomeFact] = [],
            composites: [Int: [String: Double]] = [:]) -> IndicatorInputs {
    IndicatorInputs(participating: participating, schoolNames: ["S1": "Школа № 1", "S2": "Школа № 2"],
                    checklistItems: items, checklists: checklists, teachers: teachers, trainings: trainings,
                    positions: positions, gia: gia, composites: composites)
}

func checklist(_ school: String, _ item: String, _ available: Bool = true, year: Int = 2021) -> ChecklistFact {
    ChecklistFact(id: "\(school)|\(year)|\(item)", schoolCode: school, year: year, item: item, available: available)
}

/// Both items available: a school that meets indicator 1.
func fullChecklist(_ school: String) -> [ChecklistFact] {
    items.map { checklist(school, $0) }
}

func teacher(_ id: String, _ school: String, name: String? = nil, position: String = "учитель",
             pedagogical: Bool = true, from: String? = nil, to: String? = nil) -> TeacherFact {
    TeacherFact(id: id, schoolCode: school, teacherCode: id, name: name ?? "Педагог \(id)", position: position,
                pedagogical: pedagogical, qualification: nil, employedFrom: from.flatMap(Day.init),
                employedTo: to.flatMap(Day.init))
}

func course(_ id: String, _ teacher: String, _ completed: String, quality: Bool = true,
            title: String = "Качество образования по ФГОС") -> TrainingFact {
    TrainingFact(id: id, teacherID: teacher, title: title, provider: nil, hours: 36, completedOn: Day(completed)!,
                 concernsQuality: quality, certificate: nil)
}

func giaRow(_ id: String, _ school: String, participants: Int, passed: Int, year: Int = 2021) -> GIAOutcomeFact {
    GIAOutcomeFact(id: id, schoolCode: school, year: year, participants: participants, passed: passed)
}

func staff(_ id: String, _ school: String, positions: Double, filled: Double, pedagogical: Bool = true,
           position: String = "учитель", year: Int = 2021) -> StaffPositionFact {
    StaffPositionFact(id: id, schoolCode: school, year: year, position: position, pedagogical: pedagogical,
                      positions: positions, filled: filled, filledQualified: filled)
}

func part(_ value: IndicatorValue, _ school: String) throws -> IndicatorValue.SchoolPart {
    try #require(value.breakdown.first { $0.schoolCode == school })
}

func source(_ value: IndicatorValue, _ id: String) throws -> IndicatorValue.SourceRow {
    try #require(value.sources.first { $0.id == id })
}

/// One municipality that touches every rule, for the tests that check all five indicators at once.
/// S1, S2, S3 take part; S9 does not and has rows that would change every value.
let municipality = IndicatorInputs(
    participating: ["S3", "S1", "S2"],
    checklistItems: items,
    // 1: S1 has both items; S2 lacks the computer class; S3 has no row for it; S9 would meet. → 1 of 3
    checklists: fullChecklist("S1") + [checklist("S2", internet), checklist("S2", computerClass, false),
                                       checklist("S3", internet)] + fullChecklist("S9"),
    // 2: pedagogical and employed in 2021: t1, t2 (S1), t3 (S2) = 3; t4 is not pedagogical, t5 left in 2020,
    //    t9 is in S9. Only t1 has a quality course in 2019–2021 (two of them, counted once). → 1 of 3
    teachers: [teacher("t1", "S1"), teacher("t2", "S1"), teacher("t3", "S2"),
               teacher("t4", "S2", position: "библиотекарь", pedagogical: false),
               teacher("t5", "S3", to: "2020-06-30"), teacher("t9", "S9")],
    trainings: [course("c1", "t1", "2020-04-01"), course("c2", "t1", "2021-05-01"), course("c3", "t2", "2017-05-01"),
                course("c4", "t3", "2021-05-01", quality: false), course("c5", "t4", "2021-05-01"),
                course("c6", "t5", "2020-05-01"), course("c9", "t9", "2021-05-01")],
    // 5: S1 ped 4 of 5 + non-ped 1 of 2 (left out); S2 ped 4 filled of 3 → 3; S3 none; S9 left out. → 7 of 8
    positions: [staff("p1", "S1", positions: 5, filled: 4), staff("p2", "S1", positions: 2, filled: 1, pedagogical: false),
                staff("p3", "S2", positions: 3, filled: 4), staff("p9", "S9", positions: 10, filled: 0)],
    // 3: S1 18 of 20; S2 5 of 10 + 7 of 10; S3 only in 2020; S9 left out. → 30 of 40
    gia: [giaRow("g1", "S1", participants: 20, passed: 18), giaRow("g2a", "S2", participants: 10, passed: 5),
          giaRow("g2b", "S2", participants: 10, passed: 7), giaRow("g3", "S3", participants: 30, passed: 30, year: 2020),
          giaRow("g9", "S9", participants: 50, passed: 50)],
    // 4: S1 −0.01 → +0.01 higher; S2 0.02 → 0.02 equal; S3 only 2020; S9 left out. → 1 of 2
    composites: [2020: ["S1": -0.01, "S2": 0.02, "S3": 0, "S9": -0.5], 2021: ["S1": 0.01, "S2": 0.02, "S9": 0.5]]
)
