import Foundation
@testable import OporaDomain
import Testing

// Fixtures: rows built in one line, the year 2021 unless a test says otherwise, and a short checklist of two
// items so that the hand arithmetic stays short.

private let internet = "Широкополосный доступ в интернет"
private let computerClass = "Компьютерный класс"
private let items = [internet, computerClass]

private func inputs(_ participating: [String], checklists: [ChecklistFact] = [], teachers: [TeacherFact] = [],
                    trainings: [TrainingFact] = [], positions: [StaffPositionFact] = [], gia: [GIAOutcomeFact] = [],
                    composites: [Int: [String: Double]] = [:]) -> IndicatorInputs {
    IndicatorInputs(participating: participating, schoolNames: ["S1": "Школа № 1", "S2": "Школа № 2"],
                    checklistItems: items, checklists: checklists, teachers: teachers, trainings: trainings,
                    positions: positions, gia: gia, composites: composites)
}

private func checklist(_ school: String, _ item: String, _ available: Bool = true, year: Int = 2021) -> ChecklistFact {
    ChecklistFact(id: "\(school)|\(year)|\(item)", schoolCode: school, year: year, item: item, available: available)
}

/// Both items available: a school that meets indicator 1.
private func fullChecklist(_ school: String) -> [ChecklistFact] {
    items.map { checklist(school, $0) }
}

private func teacher(_ id: String, _ school: String, name: String? = nil, position: String = "учитель",
                     pedagogical: Bool = true, from: String? = nil, to: String? = nil) -> TeacherFact {
    TeacherFact(id: id, schoolCode: school, teacherCode: id, name: name ?? "Педагог \(id)", position: position,
                pedagogical: pedagogical, qualification: nil, employedFrom: from.flatMap(Day.init),
                employedTo: to.flatMap(Day.init))
}

private func course(_ id: String, _ teacher: String, _ completed: String, quality: Bool = true,
                    title: String = "Качество образования по ФГОС") -> TrainingFact {
    TrainingFact(id: id, teacherID: teacher, title: title, provider: nil, hours: 36, completedOn: Day(completed)!,
                 concernsQuality: quality, certificate: nil)
}

private func giaRow(_ id: String, _ school: String, participants: Int, passed: Int, year: Int = 2021) -> GIAOutcomeFact {
    GIAOutcomeFact(id: id, schoolCode: school, year: year, participants: participants, passed: passed)
}

private func staff(_ id: String, _ school: String, positions: Double, filled: Double, pedagogical: Bool = true,
                   position: String = "учитель", year: Int = 2021) -> StaffPositionFact {
    StaffPositionFact(id: id, schoolCode: school, year: year, position: position, pedagogical: pedagogical,
                      positions: positions, filled: filled, filledQualified: filled)
}

private func close(_ value: Double?, _ expected: Double, tolerance: Double = 1e-9) -> Bool {
    guard let value else { return false }
    return abs(value - expected) <= tolerance
}

private func part(_ value: IndicatorValue, _ school: String) throws -> IndicatorValue.SchoolPart {
    try #require(value.breakdown.first { $0.schoolCode == school })
}

private func source(_ value: IndicatorValue, _ id: String) throws -> IndicatorValue.SourceRow {
    try #require(value.sources.first { $0.id == id })
}

/// One municipality that touches every rule, for the tests that check all five indicators at once.
/// S1, S2, S3 take part; S9 does not and has rows that would change every value.
private let municipality = IndicatorInputs(
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

@Suite struct IndicatorEqualAccessTests {
    @Test func schoolsWithEveryItemAvailableOverParticipatingSchools() throws {
        // setup: S1, S2, S3 have both items; S4 has no computer class. 3 / 4 = 75 %
        let rows = fullChecklist("S1") + fullChecklist("S2") + fullChecklist("S3")
            + [checklist("S4", internet), checklist("S4", computerClass, false)]
        // act
        let value = IndicatorFormulas.compute(number: 1, year: 2021, inputs: inputs(["S1", "S2", "S3", "S4"], checklists: rows))
        // check
        #expect(value.numerator == 3)
        #expect(value.denominator == 4)
        #expect(close(value.value, 75))
        #expect(try part(value, "S4").note == "нет: Компьютерный класс")
        #expect(try part(value, "S1").note == nil)
        #expect(value.explanation.first == "Школ без недостающих пунктов перечня: 3 из 4 участвующих (75 %).")
        #expect(try source(value, "S4|2021|Компьютерный класс").description
            == "«Компьютерный класс», 2021: нет — не засчитан")
    }

    @Test func anItemWithoutARowCountsAsMissing() throws {
        // setup: S1 has only the internet row; S2 sent nothing for 2021, only for 2020. 0 / 2 = 0 %
        let rows = [checklist("S1", internet)] + items.map { checklist("S2", $0, year: 2020) }
        // act
        let value = IndicatorFormulas.compute(number: 1, year: 2021, inputs: inputs(["S1", "S2"], checklists: rows))
        // check
        #expect(value.numerator == 0)
        #expect(value.denominator == 2)
        #expect(close(value.value, 0))
        #expect(try part(value, "S1").note == "нет сведений по пунктам: Компьютерный класс")
        #expect(try part(value, "S2").note == "нет данных")
        #expect(value.sources.map(\.id) == ["S1|2021|\(internet)"])
        #expect(value.sources.allSatisfy { !$0.counted })
    }

    @Test func nonParticipatingSchoolsAreIgnored() throws {
        // setup: S1 meets, S2 lacks an item; S9 meets but does not take part. 1 / 2 = 50 %
        let rows = fullChecklist("S1") + [checklist("S2", internet, false), checklist("S2", computerClass)]
            + fullChecklist("S9")
        // act
        let value = IndicatorFormulas.compute(number: 1, year: 2021, inputs: inputs(["S1", "S2"], checklists: rows))
        // check
        #expect(close(value.value, 50))
        #expect(value.breakdown.map(\.schoolCode) == ["S1", "S2"])
        #expect(!value.sources.contains { $0.schoolCode == "S9" })
    }

    @Test func anItemNoLongerOnTheListIsShownButNotCounted() throws {
        // setup: S1 has both items and an old item «Спортзал» that the admin removed from the list. 1 / 1
        let rows = fullChecklist("S1") + [checklist("S1", "Спортзал", false)]
        // act
        let value = IndicatorFormulas.compute(number: 1, year: 2021, inputs: inputs(["S1"], checklists: rows))
        // check
        #expect(close(value.value, 100))
        let old = try source(value, "S1|2021|Спортзал")
        #expect(!old.counted)
        #expect(old.description == "«Спортзал», 2021: нет — не входит в текущий перечень, не учитывается")
    }

    @Test func anEmptyListLeavesTheValueUndefined() throws {
        // setup: nothing to meet: denominator 0 rather than every school at 100 %
        var given = inputs(["S1"], checklists: fullChecklist("S1"))
        given.checklistItems = []
        // act
        let value = IndicatorFormulas.compute(number: 1, year: 2021, inputs: given)
        // check
        #expect(value.denominator == 0)
        #expect(value.value == nil)
        #expect(try part(value, "S1").note == "перечень не задан")
    }
}

@Suite struct IndicatorTrainingTests {
    @Test func trainedPedagogicalWorkersOverAllPedagogicalWorkers() throws {
        // setup: S1: a (trained), b (trained); S2: c (trained), d (not); S3: e (not), f (not), g (trained).
        // (2 + 1 + 1) / (2 + 2 + 3) = 4 / 7 = 57.142857… %
        let staff = [teacher("a", "S1"), teacher("b", "S1"), teacher("c", "S2"), teacher("d", "S2"),
                     teacher("e", "S3"), teacher("f", "S3"), teacher("g", "S3")]
        let courses = [course("ca", "a", "2019-01-10"), course("cb", "b", "2020-06-01"),
                       course("cc", "c", "2021-12-31"), course("cg", "g", "2021-03-12")]
        // act
        let value = IndicatorFormulas.compute(number: 2, year: 2021,
                                              inputs: inputs(["S1", "S2", "S3"], teachers: staff, trainings: courses))
        // check
        #expect(value.numerator == 4)
        #expect(value.denominator == 7)
        #expect(close(value.value, 400.0 / 7))
        #expect(try part(value, "S1").value == 100)
        #expect(close(try part(value, "S3").value, 100.0 / 3))
        #expect(value.explanation.first == "Педагогов с курсом о качестве образования по ФГОС, завершённым в 2019–2021:"
            + " 4 из 7 педагогических работников участвующих школ, работавших в 2021 году (57,1 %).")
    }

    @Test func coursesOutsideThePeriodOrNotAboutQualityDoNotCount() throws {
        // setup: a: quality course in 2018 (before 2019); b: 2022 (after 2021); c: 2021 but not about quality.
        // 0 / 3 = 0 %
        let staff = [teacher("a", "S1"), teacher("b", "S1"), teacher("c", "S1")]
        let courses = [course("ca", "a", "2018-12-31"), course("cb", "b", "2022-01-15"),
                       course("cc", "c", "2021-03-12", quality: false)]
        // act
        let value = IndicatorFormulas.compute(number: 2, year: 2021,
                                              inputs: inputs(["S1"], teachers: staff, trainings: courses))
        // check
        #expect(value.numerator == 0)
        #expect(value.denominator == 3)
        #expect(close(value.value, 0))
        #expect(try source(value, "ca").description
            == "Педагог a, учитель: курс «Качество образования по ФГОС» завершён 31.12.2018 — не засчитан: завершён вне 2019–2021")
        #expect(try source(value, "cc").description.hasSuffix("— не засчитан: курс не о качестве образования по ФГОС"))
        #expect(value.sources.allSatisfy { !$0.counted })
    }

    @Test func workersWhoLeftOrAreNotPedagogicalAreNotInTheDenominator() throws {
        // setup: a stays (trained); b left on 31.12.2020 (trained in 2020); c is a librarian (trained);
        // d joins on 01.09.2021 (not trained); e joins in 2022. Employed pedagogical in 2021: a, d. 1 / 2 = 50 %
        let staff = [teacher("a", "S1"), teacher("b", "S1", to: "2020-12-31"),
                     teacher("c", "S1", position: "библиотекарь", pedagogical: false),
                     teacher("d", "S1", from: "2021-09-01"), teacher("e", "S1", from: "2022-09-01")]
        let courses = [course("ca", "a", "2021-03-01"), course("cb", "b", "2020-03-01"), course("cc", "c", "2021-03-01")]
        // act
        let value = IndicatorFormulas.compute(number: 2, year: 2021,
                                              inputs: inputs(["S1"], teachers: staff, trainings: courses))
        // check
        #expect(value.numerator == 1)
        #expect(value.denominator == 2)
        #expect(close(value.value, 50))
        #expect(try source(value, "c").description == "Педагог c, библиотекарь — не педагогический работник, не учитывается")
        #expect(!value.sources.contains { ["b", "cb", "e", "cc"].contains($0.id) })
    }

    @Test func twoCoursesOfOneTeacherCountHimOnce() throws {
        // setup: Иванова has two quality courses in the period, Петров none. 1 / 2 = 50 %, not 2 / 2
        let staff = [teacher("a", "S1", name: "Иванова А. П.", position: "учитель математики"), teacher("b", "S1")]
        let courses = [course("c1", "a", "2020-11-20"), course("c2", "a", "2021-03-12", title: "Функциональная грамотность")]
        // act
        let value = IndicatorFormulas.compute(number: 2, year: 2021,
                                              inputs: inputs(["S1"], teachers: staff, trainings: courses))
        // check
        #expect(value.numerator == 1)
        #expect(value.denominator == 2)
        #expect(value.sources.filter { $0.kind == .teacher && $0.counted }.map(\.id) == ["a"])
        #expect(try source(value, "c2").description
            == "Иванова А. П., учитель математики: курс «Функциональная грамотность» завершён 12.03.2021 — засчитан")
        #expect(try source(value, "c1").counted)
    }

    @Test func teachersOfNonParticipatingSchoolsAreIgnored() throws {
        // setup: S1: a trained; S9 (not taking part): b, c untrained. 1 / 1 = 100 %
        let staff = [teacher("a", "S1"), teacher("b", "S9"), teacher("c", "S9")]
        // act
        let value = IndicatorFormulas.compute(number: 2, year: 2021,
                                              inputs: inputs(["S1"], teachers: staff, trainings: [course("ca", "a", "2021-02-01")]))
        // check
        #expect(close(value.value, 100))
        #expect(value.sources.allSatisfy { $0.schoolCode == "S1" })
    }
}

@Suite struct IndicatorGIATests {
    @Test func passedOverParticipantsSummedOverSchools() throws {
        // setup: S1 18 of 20, S2 25 of 30, S3 40 of 50. (18 + 25 + 40) / (20 + 30 + 50) = 83 / 100 = 83 %
        let rows = [giaRow("g1", "S1", participants: 20, passed: 18), giaRow("g2", "S2", participants: 30, passed: 25),
                    giaRow("g3", "S3", participants: 50, passed: 40)]
        // act
        let value = IndicatorFormulas.compute(number: 3, year: 2021, inputs: inputs(["S1", "S2", "S3"], gia: rows))
        // check
        #expect(value.numerator == 83)
        #expect(value.denominator == 100)
        #expect(close(value.value, 83))
        #expect(close(try part(value, "S2").value, 2500.0 / 30))
        #expect(value.explanation.first == "Сдали ГИА 2021 года успешно: 83 из 100 участников из участвующих школ (83 %).")
    }

    @Test func rowsOfOneSchoolAreAddedUpAndOtherYearsAndSchoolsIgnored() throws {
        // setup: S1 10 of 12 + 5 of 8 = 15 of 20; S1 in 2020 and S9 ignored; S2 has no row. 15 / 20 = 75 %
        let rows = [giaRow("a", "S1", participants: 12, passed: 10), giaRow("b", "S1", participants: 8, passed: 5),
                    giaRow("c", "S1", participants: 40, passed: 0, year: 2020), giaRow("d", "S9", participants: 40, passed: 40)]
        // act
        let value = IndicatorFormulas.compute(number: 3, year: 2021, inputs: inputs(["S1", "S2"], gia: rows))
        // check
        #expect(value.numerator == 15)
        #expect(value.denominator == 20)
        #expect(close(value.value, 75))
        #expect(try part(value, "S2").note == "нет данных")
        #expect(value.sources.map(\.id) == ["a", "b"])
        #expect(value.explanation.last == "Нет сведений о ГИА 2021 года: Школа № 2 (S2).")
    }

    @Test func noRowsLeaveTheValueUndefined() throws {
        // setup: no ГИА rows of 2021: 0 / 0
        // act
        let value = IndicatorFormulas.compute(number: 3, year: 2021,
                                              inputs: inputs(["S1"], gia: [giaRow("a", "S1", participants: 9, passed: 9, year: 2020)]))
        // check
        #expect(value.denominator == 0)
        #expect(value.value == nil)
        #expect(try part(value, "S1").value == nil)
        #expect(value.explanation.first == "Сдали ГИА 2021 года успешно: 0 из 0 участников из участвующих школ — значение не определено.")
    }
}

@Suite struct IndicatorHigherResultsTests {
    @Test func schoolsWhoseCompositeRoseOverSchoolsWithBoth() throws {
        // setup: S1 −0.05 → +0.02 up; S2 +0.03 → +0.01 down; S3 −0.10 → −0.02 up; S4 0 → +0.04 up. 3 / 4 = 75 %
        let composites = [2020: ["S1": -0.05, "S2": 0.03, "S3": -0.10, "S4": 0.0],
                          2021: ["S1": 0.02, "S2": 0.01, "S3": -0.02, "S4": 0.04]]
        // act
        let value = IndicatorFormulas.compute(number: 4, year: 2021,
                                              inputs: inputs(["S1", "S2", "S3", "S4"], composites: composites))
        // check
        #expect(value.numerator == 3)
        #expect(value.denominator == 4)
        #expect(close(value.value, 75))
        #expect(try part(value, "S1").note == "вырос: −5,00 п. п. → +2,00 п. п.")
        #expect(try part(value, "S2").note == "снизился: +3,00 п. п. → +1,00 п. п.")
        let rose = try source(value, "S1/2021")
        #expect(rose.kind == .composite)
        #expect(rose.counted)
        #expect(rose.description == "Сводный результат 2021: +2,00 п. п. — вырос: −5,00 п. п. → +2,00 п. п., засчитан")
    }

    @Test func anEqualCompositeIsNotHigher() throws {
        // setup: S1 +0.02 → +0.02 (equal); S2 −0.01 → −0.01 + 1e-12 (rounding noise, equal). 0 / 2 = 0 %
        let composites = [2020: ["S1": 0.02, "S2": -0.01], 2021: ["S1": 0.02, "S2": -0.01 + 1e-12]]
        // act
        let value = IndicatorFormulas.compute(number: 4, year: 2021, inputs: inputs(["S1", "S2"], composites: composites))
        // check
        #expect(value.numerator == 0)
        #expect(value.denominator == 2)
        #expect(close(value.value, 0))
        #expect(try part(value, "S1").note == "не изменился: +2,00 п. п. → +2,00 п. п.")
    }

    @Test func aSchoolWithOnlyOneCompositeLeavesTheDenominator() throws {
        // setup: S1 0 → +0.01 up; S2 only 2021; S3 only 2020; S4 neither; S9 not taking part. 1 / 1 = 100 %
        let composites = [2020: ["S1": 0.0, "S3": 0.05, "S9": -0.3], 2021: ["S1": 0.01, "S2": 0.2, "S9": 0.1]]
        // act
        let value = IndicatorFormulas.compute(number: 4, year: 2021,
                                              inputs: inputs(["S1", "S2", "S3", "S4"], composites: composites))
        // check
        #expect(value.numerator == 1)
        #expect(value.denominator == 1)
        #expect(close(value.value, 100))
        #expect(try part(value, "S2").note == "нет сводного результата за 2020 год")
        #expect(try part(value, "S3").note == "нет сводного результата за 2021 год")
        #expect(try part(value, "S4").note == "нет данных")
        #expect(try source(value, "S2/2021").counted == false)
        #expect(value.explanation.last == "Не учтены — нет сводного результата за оба года: Школа № 2 (S2), S3, S4.")
    }

    @Test func noCompositesLeaveTheValueUndefined() throws {
        // setup: only 2021 composites, none for 2020: 0 / 0
        // act
        let value = IndicatorFormulas.compute(number: 4, year: 2021, inputs: inputs(["S1"], composites: [2021: ["S1": 0.1]]))
        // check
        #expect(value.denominator == 0)
        #expect(value.value == nil)
    }
}

@Suite struct IndicatorStaffingTests {
    @Test func filledPedagogicalPositionsOverAllPedagogicalPositions() throws {
        // setup: S1 9 of 10, S2 8 of 8, S3 5.5 of 6.5. (9 + 8 + 5.5) / (10 + 8 + 6.5) = 22.5 / 24.5 = 91.836734… %
        let rows = [staff("p1", "S1", positions: 10, filled: 9), staff("p2", "S2", positions: 8, filled: 8),
                    staff("p3", "S3", positions: 6.5, filled: 5.5)]
        // act
        let value = IndicatorFormulas.compute(number: 5, year: 2021, inputs: inputs(["S1", "S2", "S3"], positions: rows))
        // check
        #expect(value.numerator == 22.5)
        #expect(value.denominator == 24.5)
        #expect(close(value.value, 2250.0 / 24.5))
        #expect(value.explanation.first == "Занято педагогических ставок: 22,5 из 24,5 ставок в участвующих школах (91,8 %).")
    }

    @Test func nonPedagogicalRowsAreListedAndOverFilledRowsClamped() throws {
        // setup: S1 teacher 4 of 5, S1 caretaker 1 of 2 (not pedagogical); S2 teacher 4 filled of 3 → counted 3;
        // S2 psychologist 0.5 of 1. (4 + 3 + 0.5) / (5 + 3 + 1) = 7.5 / 9 = 83.333… %
        let rows = [staff("p1", "S1", positions: 5, filled: 4),
                    staff("p2", "S1", positions: 2, filled: 1, pedagogical: false, position: "завхоз"),
                    staff("p3", "S2", positions: 3, filled: 4, position: "учитель математики"),
                    staff("p4", "S2", positions: 1, filled: 0.5, position: "педагог-психолог")]
        // act
        let value = IndicatorFormulas.compute(number: 5, year: 2021, inputs: inputs(["S1", "S2"], positions: rows))
        // check
        #expect(value.numerator == 7.5)
        #expect(value.denominator == 9)
        #expect(close(value.value, 750.0 / 9))
        let caretaker = try source(value, "p2")
        #expect(!caretaker.counted)
        #expect(caretaker.description == "завхоз, 2021: ставок 2, занято 1 — не педагогическая должность, не учитывается")
        #expect(try source(value, "p3").description
            == "учитель математики, 2021: ставок 3, занято 4 — занято больше, чем ставок: учтено 3")
        #expect(try part(value, "S2").note == "занято больше, чем ставок: учитель математики")
        #expect(value.explanation.last == "Занято больше, чем ставок (учтено по числу ставок): Школа № 2 (S2).")
    }

    @Test func aSchoolWithOnlyNonPedagogicalRowsHasNoData() throws {
        // setup: S1 only a caretaker row: 0 / 0
        let rows = [staff("p1", "S1", positions: 1, filled: 1, pedagogical: false)]
        // act
        let value = IndicatorFormulas.compute(number: 5, year: 2021, inputs: inputs(["S1"], positions: rows))
        // check
        #expect(value.value == nil)
        #expect(try part(value, "S1").note == "нет данных")
        #expect(value.sources.map(\.id) == ["p1"])
    }
}

@Suite struct IndicatorFormulaTotalsTests {
    @Test func theMunicipalityFixtureGivesTheHandComputedValues() {
        // setup: the hand arithmetic is in the comments of `municipality`
        // act
        let values = IndicatorFormulas.computeAll(year: 2021, inputs: municipality)
        // check
        #expect(values.map(\.number) == [1, 2, 3, 4, 5])
        #expect(values.allSatisfy { $0.year == 2021 })
        #expect(values.map(\.numerator) == [1, 1, 30, 1, 7])
        #expect(values.map(\.denominator) == [3, 3, 40, 2, 8])
        #expect(close(values[0].value, 100.0 / 3))
        #expect(close(values[1].value, 100.0 / 3))
        #expect(close(values[2].value, 75))
        #expect(close(values[3].value, 50))
        #expect(close(values[4].value, 87.5))
    }

    @Test func everyBreakdownListsEveryParticipatingSchoolAndSumsToTheTotals() {
        // setup
        // act
        let values = IndicatorFormulas.computeAll(year: 2021, inputs: municipality)
        // check
        for value in values {
            #expect(value.breakdown.map(\.schoolCode) == ["S1", "S2", "S3"])
            #expect(value.breakdown.reduce(0) { $0 + $1.numerator } == value.numerator)
            #expect(value.breakdown.reduce(0) { $0 + $1.denominator } == value.denominator)
            #expect(!value.sources.contains { $0.schoolCode == "S9" })
        }
    }

    @Test func theNumeratorIsRecomputedFromTheCountedSources() throws {
        // setup: what a reader does with the drill-down: count schools (1, 4) or teachers (2), add up passed (3)
        // or filled positions clamped to their positions (5) over the rows marked counted
        let giaByID = Dictionary(uniqueKeysWithValues: municipality.gia.map { ($0.id, $0) })
        let staffByID = Dictionary(uniqueKeysWithValues: municipality.positions.map { ($0.id, $0) })
        // act
        let values = IndicatorFormulas.computeAll(year: 2021, inputs: municipality)
        // check
        let counted = values.map { $0.sources.filter(\.counted) }
        let passed = try counted[2].map { try #require(giaByID[$0.id]).passed }.reduce(0, +)
        let filled = try counted[4].map { try #require(staffByID[$0.id]) }.map { min($0.filled, $0.positions) }.reduce(0, +)
        #expect(Double(Set(counted[0].map(\.schoolCode)).count) == values[0].numerator)
        #expect(counted[0].allSatisfy { $0.kind == .checklist })
        #expect(Double(counted[1].filter { $0.kind == .teacher }.count) == values[1].numerator)
        #expect(counted[1].map(\.id) == ["t1", "c1", "c2"])
        #expect(Double(passed) == values[2].numerator)
        #expect(Set(counted[2].map(\.id)) == ["g1", "g2a", "g2b"])
        #expect(Double(Set(counted[3].map(\.schoolCode)).count) == values[3].numerator)
        #expect(counted[3].map(\.id) == ["S1/2020", "S1/2021"])
        #expect(filled == values[4].numerator)
        #expect(counted[4].map(\.id) == ["p1", "p3"])
    }

    @Test func noParticipatingSchoolsLeaveEveryValueUndefined() {
        // setup: the rows are there, the programme's list is empty
        var given = municipality
        given.participating = []
        // act
        let values = IndicatorFormulas.computeAll(year: 2021, inputs: given)
        // check
        #expect(values.count == 5)
        #expect(values.allSatisfy { $0.value == nil && $0.denominator == 0 && $0.breakdown.isEmpty && $0.sources.isEmpty })
    }

    @Test func valuesAreNotRoundedButTheExplanationIs() {
        // setup: 2 of 3 schools meet the list: 66.666… %, shown «66,7 %»
        let rows = fullChecklist("S1") + fullChecklist("S2")
        // act
        let value = IndicatorFormulas.compute(number: 1, year: 2021, inputs: inputs(["S1", "S2", "S3"], checklists: rows))
        // check
        #expect(close(value.value, 200.0 / 3))
        #expect(value.explanation.first == "Школ без недостающих пунктов перечня: 2 из 3 участвующих (66,7 %).")
    }

    @Test func anUnknownNumberGivesAnEmptyValueThatSaysSo() {
        // setup
        // act
        let value = IndicatorFormulas.compute(number: 6, year: 2021, inputs: municipality)
        // check
        #expect(value.value == nil)
        #expect(value.breakdown.isEmpty)
        #expect(value.explanation == ["Показателя № 6 в программе нет: целевые показатели имеют номера 1–5."])
    }

    @Test func aValueSurvivesJSON() throws {
        // setup
        let value = IndicatorFormulas.compute(number: 2, year: 2021, inputs: municipality)
        // act
        let decoded = try JSONDecoder().decode(IndicatorValue.self, from: JSONEncoder().encode(value))
        // check
        #expect(decoded == value)
    }
}

@Suite struct IndicatorAssessmentTests {
    @Test func achievedAtOrAboveTheTargetAllowingRoundingNoise() {
        // setup: 100 − 1e-12 is 100 computed through fractions; 97.9 is below 98
        // act
        let results = [IndicatorAssessment.achieved(value: 100 - 1e-12, target: 100),
                       IndicatorAssessment.achieved(value: 98, target: 98),
                       IndicatorAssessment.achieved(value: 97.9, target: 98)]
        // check
        #expect(results == [true, true, false])
    }

    @Test func unknownValueOrTargetIsNeitherAchievedNorMissed() {
        // setup
        // act
        let noValue = IndicatorAssessment.achieved(value: nil, target: 75)
        let noTarget = IndicatorAssessment.achieved(value: 80, target: nil)
        // check
        #expect(noValue == nil)
        #expect(noTarget == nil)
    }

    @Test func changeIsInPercentagePoints() {
        // setup: 57.5 % last year, 62.5 % now: +5 points
        // act
        let change = IndicatorAssessment.change(value: 62.5, previous: 57.5)
        let unknown = IndicatorAssessment.change(value: 62.5, previous: nil)
        // check
        #expect(change == 5)
        #expect(unknown == nil)
    }
}
