import Foundation
import Testing
@testable import OporaDomain

/// A programme made from the built-in template for another municipality and other years.
@Suite struct ProgrammeAdaptTests {
    @Test func theTemplateMovesToTheNewYearsAndNamesTheNewMunicipality() throws {
        let seed = try ProgrammeTemplate.balagansky()
        let t = seed.adapted(to: "Усть-Удинский район", years: 2025...2027)
        #expect(t.passport.startYear == 2025 && t.passport.endYear == 2027)
        #expect(t.passport.name.contains("муниципального образования Усть-Удинский район на 2025-2027 годы"))
        #expect(t.passport.term == "2025-2027 гг.")
        #expect(t.passport.executors.contains("муниципального образования «Усть-Удинский район»"))
        // Every measure and task of 2020…2022 is now in 2025…2027, five years on.
        let first = try #require(t.directions.first?.measures.first)
        #expect(first.year == 2025)
        #expect(first.deadline == Day(year: 2025, month: 8, day: 15))
        #expect(first.deadlineText == "До 15.08.2025")
        #expect(t.directions.flatMap(\.measures).allSatisfy { (2025...2027).contains($0.year) })
        #expect(t.directions.flatMap(\.tasks).allSatisfy { $0.years.allSatisfy { (2025...2027).contains($0) } })
        #expect(t.measureCount == seed.measureCount)
        // Indicator 1: baseline 50 % of 2019 was the district's own figure; the targets stay, moved.
        let i1 = try #require(t.indicators.first)
        #expect(i1.baselineYear == 2024 && i1.baseline == nil)
        #expect(i1.targets.map(\.year) == [2025, 2026, 2027] && i1.targets.map(\.value) == [80, 100, 100])
        // The district's analysis is not carried over; no text names the district or a year of the seed.
        #expect(t.analysis.paragraphs.isEmpty)
        let json = String(decoding: try JSONEncoder().encode(t), as: UTF8.self)
        #expect(!json.contains("Балаганск"))
        let planText = t.sections.map { s in s.title + s.directions.map { d in d.measures.map { $0.name + ($0.deadlineText ?? "") }.joined() }.joined() }.joined()
        for year in ["2019", "2020", "2021", "2022"] { #expect(!planText.contains(year) && !t.passport.name.contains(year)) }
        #expect(t.problems().isEmpty)
    }

    @Test func aShorterPeriodPutsLaterWorkIntoItsLastYear() throws {
        var seed = try ProgrammeTemplate.balagansky()
        // A measure of the template's last year, due 01.05.2022: ten years on it would be 2032.
        seed.sections[0].directions[0].measures[0].year = 2022
        seed.sections[0].directions[0].measures[0].deadline = Day(year: 2022, month: 5, day: 1)
        seed.sections[0].directions[0].measures[0].deadlineText = "До 01.05.2022"
        let t = seed.adapted(to: "Тестовый район", years: 2030...2031)
        let moved = t.sections[0].directions[0].measures[0]
        #expect(moved.year == 2031)
        #expect(moved.deadline == Day(year: 2031, month: 12, day: 31))
        #expect(moved.deadlineText == "До 31.12.2031")
        // A measure of 2020 due 15.08.2020 lands on 15.08.2030, inside the period.
        let second = t.sections[0].directions[0].measures[1]
        #expect(second.year == 2030)
        #expect(t.directions.flatMap(\.measures).allSatisfy { (2030...2031).contains($0.year) })
        #expect(t.indicators.allSatisfy { $0.targets.map(\.year) == [2030, 2031] })
    }

    @Test func yearsInsideLongerNumbersAndOtherYearsStay() throws {
        let t = try ProgrammeTemplate.balagansky()
        #expect(t.shiftYears(in: "№ 20201, 2020-2022 гг., 2017 г.", known: 2019...2022, by: 3) == "№ 20201, 2023-2025 гг., 2017 г.")
        #expect(Day(year: 2024, month: 2, day: 29)!.movedBy(years: 1) == Day(year: 2025, month: 2, day: 28))
    }
}
