import Foundation
@testable import OporaDomain
import Testing

@Suite struct IndicatorFormulaTotalsTests {
    @Test func theMunicipalityFixtureGivesTheHandComputedValues() {
        // setup: the hand arithmetic is in the comments of `municipality`
        // act
        let values = IndicatorFormula.allCases.map { IndicatorFormulas.compute($0, number: $0.seedNumber, year: 2021, inputs: municipality) }
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
        let values = IndicatorFormula.allCases.map { IndicatorFormulas.compute($0, number: $0.seedNumber, year: 2021, inputs: municipality) }
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
        let values = IndicatorFormula.allCases.map { IndicatorFormulas.compute($0, number: $0.seedNumber, year: 2021, inputs: municipality) }
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
        let values = IndicatorFormula.allCases.map { IndicatorFormulas.compute($0, number: $0.seedNumber, year: 2021, inputs: given) }
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
