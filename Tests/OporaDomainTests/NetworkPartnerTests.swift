@testable import OporaDomain
import Testing

// MARK: - Partners

private func assessment(_ code: String, _ category: SchoolCategory, composite: Double?, index: Double?, year: Int = 2022) -> SchoolAssessment {
    SchoolAssessment(schoolCode: code, schoolName: "Школа \(code)", year: year, category: category,
                     lowResults: category == .lowResults || category == .lowResultsAndAdverse,
                     adverseConditions: category == .resilient || category == .adverse || category == .lowResultsAndAdverse,
                     composite: composite, socialIndex: index, criteria: [], criteriaMet: 0, yearChecks: [], rows: [], biasFlags: [],
                     explanation: [])
}

extension NetworkTests {
    @Suite struct PartnerSuggestionsTests {
        let school = assessment("N", .lowResultsAndAdverse, composite: -0.08, index: 1.20)
        let schools = [
            assessment("G1", .none, composite: 0.045, index: 1.18),
            assessment("R2", .resilient, composite: 0.1, index: 1.40),
            assessment("FAR", .resilient, composite: 0.2, index: 1.50),
            assessment("R3", .resilient, composite: 0.02, index: 1.45),
            assessment("R1", .resilient, composite: 0.031, index: 1.12),
            assessment("LOW", .lowResults, composite: 0.1, index: 1.2),
            assessment("ADV", .adverse, composite: -0.01, index: 1.2),
            assessment("ZERO", .none, composite: 0, index: 1.2),
            assessment("UNK", .none, composite: 0.05, index: nil),
            assessment("OLD", .resilient, composite: 0.3, index: 1.2, year: 2021),
        ]

        @Test func aSchoolWithLowResultsGetsResilientSchoolsInSimilarConditionsFirst() {
            // act
            let all = PartnerSuggestions.suggest(for: school, among: schools + [school], limit: 10)
            let top = PartnerSuggestions.suggest(for: school, among: schools)
            // check: FAR is 0,30 away; R3 exactly 0,25 is still similar
            #expect(all.map(\.schoolCode) == ["R1", "R2", "R3", "G1"])
            #expect(top.map(\.schoolCode) == ["R1", "R2", "R3"])
            #expect(all[0] == PartnerSuggestion(schoolCode: "R1", schoolName: "Школа R1",
                                                reason: "резильентная школа: сводный результат +0,031 при схожих социальных условиях (индекс 1,12 против 1,20)"))
            #expect(all[3].reason == "сводный результат выше эталона (+0,045) при схожих социальных условиях (индекс 1,18 против 1,20)")
        }

        @Test func withoutItsOwnIndexASchoolGetsPartnersInAnyConditions() {
            // setup
            let unknown = assessment("N", .lowResults, composite: -0.08, index: nil)
            // act
            let partners = PartnerSuggestions.suggest(for: unknown, among: schools)
            // check: resilient by composite; UNK has no index either and is skipped
            #expect(partners.map(\.schoolCode) == ["FAR", "R2", "R1"])
            #expect(partners[0].reason == "резильентная школа: сводный результат +0,200 (социальный индекс 1,50; индекс школы не вычислен, условия не сравнивались)")
        }

        @Test func aSchoolWithoutLowResultsGetsNoPartners() {
            // act, check
            #expect(PartnerSuggestions.suggest(for: schools[4], among: schools).isEmpty)
            #expect(PartnerSuggestions.suggest(for: assessment("A", .adverse, composite: -0.1, index: 1.2), among: schools).isEmpty)
        }
    }
}
