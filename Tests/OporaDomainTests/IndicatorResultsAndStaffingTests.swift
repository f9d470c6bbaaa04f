@testable import OporaDomain
import Testing

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
