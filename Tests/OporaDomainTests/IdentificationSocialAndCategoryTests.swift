@testable import OporaDomain
import Testing

@Suite struct IdentificationSocialTests {
    @Test func criteriaExactlyAtTheirThresholdsAreMet() {
        // setup: every value equals its threshold: 6 criteria met, each ratio 1, index 1
        let context = SocialContext(year: 2019, schoolCode: "S1", lowIncomeShare: 0.30, incompleteFamilyShare: 0.35,
                                    noHigherEducationShare: 0.70, nonNativeShare: 0.15, preventiveRegisterShare: 0.05)
        // act
        let s1 = identify(lowYear("S1", 2019), schools: [school("S1", km: 50)], contexts: [context]).assessment(of: "S1")
        // check
        #expect(s1?.criteriaMet == 6)
        #expect(s1?.criteria.allSatisfy(\.met) == true)
        #expect(s1?.criteria.map(\.criterion) == SocialCriterion.allCases)
        #expect(close(s1?.socialIndex, 1))
        #expect(s1?.adverseConditions == true)
    }

    @Test func justBelowAThresholdIsNotMet() {
        // setup: 0.29 < 0.30, 0.34 < 0.35, 0.69 < 0.70, 49 km < 50 km
        let context = SocialContext(year: 2019, schoolCode: "S1", lowIncomeShare: 0.29, incompleteFamilyShare: 0.34,
                                    noHigherEducationShare: 0.69)
        // act
        let s1 = identify(lowYear("S1", 2019), schools: [school("S1", km: 49)], contexts: [context]).assessment(of: "S1")
        // check
        #expect(s1?.criteriaMet == 0)
        #expect(s1?.adverseConditions == false)
    }

    @Test func unknownValuesAreNotMetAndLeftOutOfTheIndex() {
        // setup: only low income is known: 0.45 / 0.30 = 1.5; the other five are unknown
        let context = SocialContext(year: 2019, schoolCode: "S1", lowIncomeShare: 0.45)
        // act
        let result = identify(lowYear("S1", 2019) + lowYear("S2", 2019), schools: [school("S1"), school("S2")],
                              contexts: [context])
        // check
        let s1 = result.assessment(of: "S1")
        #expect(s1?.criteriaMet == 1)
        #expect(s1?.criteria.filter { $0.value == nil }.count == 5)
        #expect(s1?.criteria.filter { $0.value == nil }.allSatisfy { !$0.met } == true)
        #expect(close(s1?.socialIndex, 1.5))
        // S2 has no context and no distance: nothing known, no index
        #expect(result.assessment(of: "S2")?.socialIndex == nil)
        #expect(result.assessment(of: "S2")?.criteriaMet == 0)
    }

    @Test func contextOfAnotherYearIsNotUsed() {
        // setup: the context is of 2018, the run is as of 2019
        let rows = lowYear("S1", 2019)
        // act
        let s1 = identify(rows, schools: [school("S1")], contexts: [adverseContext("S1", year: 2018)]).assessment(of: "S1")
        // check
        #expect(s1?.criteriaMet == 0)
        #expect(s1?.socialIndex == nil)
    }

    @Test func distanceComesFromTheSchoolRegistry() throws {
        // setup: 62 km ≥ 50 km; index = 62 / 50 = 1.24 (no other value known)
        let rows = lowYear("S1", 2019)
        // act
        let s1 = try #require(identify(rows, schools: [school("S1", km: 62)]).assessment(of: "S1"))
        // check
        let distance = try #require(s1.criteria.first { $0.criterion == .distance })
        #expect(distance.met)
        #expect(distance.value == 62 && distance.threshold == 50)
        #expect(s1.criteriaMet == 1)
        #expect(close(s1.socialIndex, 1.24))
    }

    @Test func socialIndexCapsEachRatioAtTwo() {
        // setup: low income 0.90 / 0.30 = 3 → capped to 2; non-native 0.075 / 0.15 = 0.5; distance 25 / 50 = 0.5
        // index = (2 + 0.5 + 0.5) / 3 = 1.0
        let context = SocialContext(year: 2019, schoolCode: "S1", lowIncomeShare: 0.90, nonNativeShare: 0.075)
        // act
        let s1 = identify(lowYear("S1", 2019), schools: [school("S1", km: 25)], contexts: [context]).assessment(of: "S1")
        // check
        #expect(close(s1?.socialIndex, 1.0))
        #expect(s1?.criteriaMet == 1)
    }
}

@Suite struct IdentificationCategoryTests {
    @Test func lowResultsAndAdverseConditions() {
        // setup: low in 2018 and 2019, 3 criteria met
        let rows = lowYear("S1", 2018) + lowYear("S1", 2019)
        // act
        let s1 = identify(rows, schools: [school("S1")], contexts: [adverseContext("S1")]).assessment(of: "S1")
        // check
        #expect(s1?.category == .lowResultsAndAdverse)
        #expect(s1?.lowResults == true && s1?.adverseConditions == true)
        #expect(s1?.criteriaMet == 3)
    }

    @Test func lowResultsWithoutAdverseConditions() {
        // setup: low in both years, no context
        let rows = lowYear("S1", 2018) + lowYear("S1", 2019)
        // act
        let s1 = identify(rows, schools: [school("S1")]).assessment(of: "S1")
        // check
        #expect(s1?.category == .lowResults)
        #expect(s1?.adverseConditions == false)
    }

    @Test func adverseConditionsSplitByTheComposite() {
        // setup: pooled reference each year 1 − (0 + 4)/20 = 0.8.
        // S1: 10 of 10 pass, d = 10·(1.0 − 0.8)/20 = +0.1 → resilient
        // S2: 4 of 10 fail, d = 10·(0.6 − 0.8)/20 = −0.1 → adverse (one low procedure a year, so no НРО)
        let rows = [2018, 2019].flatMap { y in
            [row("S1", y, math5, n: 10, fails: 0), row("S2", y, math5, n: 10, fails: 4)]
        }
        // act
        let result = identify(rows, schools: [school("S1"), school("S2")],
                              contexts: [adverseContext("S1"), adverseContext("S2")])
        // check
        #expect(close(result.assessment(of: "S1")?.composite, 0.1))
        #expect(result.assessment(of: "S1")?.category == .resilient)
        #expect(close(result.assessment(of: "S2")?.composite, -0.1))
        #expect(result.assessment(of: "S2")?.category == .adverse)
    }

    @Test func compositeExactlyZeroIsResilient() {
        // setup: the only school is its own pooled reference: d = 10·(0.8 − 0.8)/20 = 0
        let rows = [2018, 2019].map { row("S1", $0, math5, n: 10, fails: 2) }
        // act
        let s1 = identify(rows, schools: [school("S1")], contexts: [adverseContext("S1")]).assessment(of: "S1")
        // check
        #expect(s1?.composite == 0)
        #expect(s1?.category == .resilient)
    }

    @Test func noSignsAtAll() {
        // setup: good results both years, no criteria met
        let rows = [2018, 2019].map { row("S1", $0, math5, n: 10, fails: 1) }
        // act
        let s1 = identify(rows, schools: [school("S1", km: 10)]).assessment(of: "S1")
        // check
        #expect(s1?.category == SchoolCategory.none)
        #expect(s1?.lowResults == false && s1?.adverseConditions == false)
    }

    @Test func categoriesHaveTheirStoredAndRussianNames() {
        // check
        #expect(SchoolCategory.allCases.map(\.rawValue)
            == ["lowResultsAndAdverse", "lowResults", "resilient", "adverse", "none", "insufficientData"])
        #expect(SchoolCategory.allCases.map(\.russian)
            == ["НРО и НСУ", "НРО", "Резильентная", "НСУ", "Нет признаков", "Недостаточно данных"])
        #expect(SchoolCategory.allCases.allSatisfy { !$0.russianDescription.isEmpty })
    }
}
