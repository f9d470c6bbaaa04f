import Foundation
@testable import OporaDomain
import Testing

// Fixtures: a few procedures, rows built in one line, the default parameters unless a test says otherwise.

private let math5 = Procedure(kind: .vpr, grade: 5, subject: "Математика")
private let russian5 = Procedure(kind: .vpr, grade: 5, subject: "Русский язык")
private let math6 = Procedure(kind: .vpr, grade: 6, subject: "математика")
private let ogeMath = Procedure(kind: .oge, grade: 9, subject: "математика")

private func row(_ school: String, _ year: Int, _ procedure: Procedure, n: Int, fails: Int) -> ResultRow {
    ResultRow(year: year, procedure: procedure, schoolCode: school, participants: n, fails: fails)
}

private func region(_ year: Int, _ procedure: Procedure, n: Int, fails: Int) -> ResultRow {
    row(ResultRow.regionCode, year, procedure, n: n, fails: fails)
}

private func school(_ code: String, km: Double? = nil) -> SchoolFacts {
    SchoolFacts(code: code, name: "Школа \(code)", distanceKm: km)
}

/// Two low procedures (5/10 and 4/10 «2») in one year: a low year.
private func lowYear(_ school: String, _ year: Int) -> [ResultRow] {
    [row(school, year, math5, n: 10, fails: 5), row(school, year, russian5, n: 10, fails: 4)]
}

/// Three criteria met: 0.40 ≥ 0.30, 0.40 ≥ 0.35, 0.80 ≥ 0.70.
private func adverseContext(_ school: String, year: Int = 2019) -> SocialContext {
    SocialContext(year: year, schoolCode: school, lowIncomeShare: 0.40, incompleteFamilyShare: 0.40,
                  noHigherEducationShare: 0.80)
}

private func identify(_ rows: [ResultRow], schools: [SchoolFacts], contexts: [SocialContext] = [],
                      parameters: MethodologyParameters = .defaults, year: Int = 2019) -> IdentificationResult {
    Identification.run(rows: rows, contexts: contexts, schools: schools, parameters: parameters, year: year)
}

private func close(_ value: Double?, _ expected: Double, tolerance: Double = 1e-9) -> Bool {
    guard let value else { return false }
    return abs(value - expected) <= tolerance
}

@Suite struct IdentificationRowTests {
    @Test func failShareExactlyAtTheThresholdIsLow() throws {
        // setup: 6 / 20 = 0.30, the threshold itself
        let rows = [row("S1", 2019, math5, n: 20, fails: 6)]
        // act
        let result = identify(rows, schools: [school("S1")])
        // check
        let assessed = try #require(result.assessment(of: "S1")?.rows.first)
        #expect(assessed.valid)
        #expect(close(assessed.failShare, 0.30))
        #expect(assessed.low)
    }

    @Test func failShareJustBelowTheThresholdIsNotLow() throws {
        // setup: 29 / 100 = 0.29 < 0.30
        let rows = [row("S1", 2019, math5, n: 100, fails: 29)]
        // act
        let result = identify(rows, schools: [school("S1")])
        // check
        let assessed = try #require(result.assessment(of: "S1")?.rows.first)
        #expect(close(assessed.failShare, 0.29))
        #expect(!assessed.low)
    }

    @Test func rowWithTooFewParticipantsIsInvalidAndLeftOutOfThePooledReference() throws {
        // setup: S1 has 4 participants (< 5), S3 exactly 5 (valid).
        // pooled reference = 1 − (2 + 0) / (10 + 5) = 1 − 2/15 = 0.8666…; with S1 it would be 1 − 6/19
        let rows = [row("S1", 2019, math5, n: 4, fails: 4), row("S2", 2019, math5, n: 10, fails: 2),
                    row("S3", 2019, math5, n: 5, fails: 0)]
        // act
        let result = identify(rows, schools: [school("S1"), school("S2"), school("S3")])
        // check
        let small = try #require(result.assessment(of: "S1")?.rows.first)
        #expect(!small.valid)
        #expect(!small.low)
        #expect(small.note == "мало участников")
        #expect(small.failShare == nil && small.reference == nil && small.shrunk == nil && small.d == nil)
        let reference = try #require(result.reference(of: math5, in: 2019))
        #expect(reference.source == .pooled)
        #expect(reference.participants == 15 && reference.fails == 2)
        #expect(close(reference.value, 1 - 2.0 / 15))
        #expect(result.assessment(of: "S3")?.rows.first?.valid == true)
        #expect(result.assessment(of: "S1")?.composite == nil)
    }

    @Test func shrinkagePullsASmallSchoolTowardTheReference() throws {
        // setup: n = 5, 2 fails (success 0.6); regional reference 1 − 20/100 = 0.8; k = 10.
        // shrunk = (5·0.6 + 10·0.8) / 15 = 11/15 = 0.7333…; d = 0.7333 − 0.8 = −1/15 = −0.0667
        let rows = [row("S1", 2019, math5, n: 5, fails: 2), region(2019, math5, n: 100, fails: 20)]
        // act
        let result = identify(rows, schools: [school("S1")])
        // check
        let s1 = try #require(result.assessment(of: "S1"))
        let assessed = try #require(s1.rows.first)
        #expect(close(assessed.reference, 0.8))
        #expect(close(assessed.shrunk, 11.0 / 15))
        #expect(close(assessed.d, -1.0 / 15))
        #expect(close(s1.composite, -1.0 / 15))
        #expect(s1.rows.count == 1)
    }

    @Test func compositeIsTheParticipantWeightedMeanOfD() {
        // setup: regional references 0.8 (math) and 0.7 (russian), k = 10.
        // math: n = 20, 8 fails, success 0.6: d = 20·(0.6 − 0.8)/30 = −4/30
        // russian: n = 10, 1 fail, success 0.9: d = 10·(0.9 − 0.7)/20 = 0.1
        // composite = (20·(−4/30) + 10·0.1) / 30 = (−8/3 + 1) / 30 = −1/18 = −0.0556
        let rows = [row("S1", 2019, math5, n: 20, fails: 8), row("S1", 2019, russian5, n: 10, fails: 1),
                    region(2019, math5, n: 100, fails: 20), region(2019, russian5, n: 100, fails: 30)]
        // act
        let result = identify(rows, schools: [school("S1")])
        // check
        #expect(close(result.assessment(of: "S1")?.composite, -1.0 / 18))
    }

    @Test func pooledReferenceWithoutARegionalRow() {
        // setup: S1 10 participants 4 fails, S2 10 participants 0 fails: reference 1 − 4/20 = 0.8.
        // S1: d = 10·(0.6 − 0.8)/20 = −0.1; S2: d = 10·(1.0 − 0.8)/20 = 0.1
        let rows = [row("S1", 2019, math5, n: 10, fails: 4), row("S2", 2019, math5, n: 10, fails: 0)]
        // act
        let result = identify(rows, schools: [school("S1"), school("S2")])
        // check
        #expect(result.references.count == 1)
        #expect(result.references.first?.source == .pooled)
        #expect(close(result.references.first?.value, 0.8))
        #expect(close(result.assessment(of: "S1")?.composite, -0.1))
        #expect(close(result.assessment(of: "S2")?.composite, 0.1))
        #expect(result.assessment(of: "S1")?.rows.first?.referenceSource == .pooled)
    }

    @Test func regionalReferenceRowWinsOverThePooledOne() {
        // setup: the same schools, plus a regional row 1 − 300/1000 = 0.7.
        // S1: d = 10·(0.6 − 0.7)/20 = −0.05; S2: d = 10·(1.0 − 0.7)/20 = 0.15
        let rows = [row("S1", 2019, math5, n: 10, fails: 4), row("S2", 2019, math5, n: 10, fails: 0),
                    region(2019, math5, n: 1000, fails: 300)]
        // act
        let result = identify(rows, schools: [school("S1"), school("S2")])
        // check
        let reference = result.reference(of: math5, in: 2019)
        #expect(reference?.source == .regional)
        #expect(reference?.participants == 1000 && reference?.fails == 300)
        #expect(close(reference?.value, 0.7))
        #expect(close(result.assessment(of: "S1")?.composite, -0.05))
        #expect(close(result.assessment(of: "S2")?.composite, 0.15))
        #expect(result.assessment(of: "S1")?.rows.first?.referenceSource == .regional)
    }

    @Test func regionalRowWithTooFewParticipantsIsNotUsed() {
        // setup: a regional row of 3 participants is invalid like any other: pooled 1 − 4/20 = 0.8 is used
        let rows = [row("S1", 2019, math5, n: 10, fails: 4), row("S2", 2019, math5, n: 10, fails: 0),
                    region(2019, math5, n: 3, fails: 0)]
        // act
        let result = identify(rows, schools: [school("S1"), school("S2")])
        // check
        #expect(result.reference(of: math5, in: 2019)?.source == .pooled)
        #expect(close(result.reference(of: math5, in: 2019)?.value, 0.8))
    }
}

@Suite struct IdentificationLowResultsTests {
    @Test func oneLowProcedureIsNotALowYear() {
        // setup: 2019 math 5/10 = 0.5 low, russian 1/10 = 0.1 not low: 1 procedure < 2
        let rows = lowYear("S1", 2018) + [row("S1", 2019, math5, n: 10, fails: 5), row("S1", 2019, russian5, n: 10, fails: 1)]
        // act
        let s1 = identify(rows, schools: [school("S1")]).assessment(of: "S1")
        // check
        let check2019 = s1?.yearChecks.last
        #expect(check2019?.year == 2019)
        #expect(check2019?.lowProcedures == [math5])
        #expect(check2019?.isLowYear == false)
        #expect(check2019?.validRowCount == 2)
        #expect(s1?.yearChecks.first?.isLowYear == true)
        #expect(s1?.lowResults == false)
        #expect(s1?.category == SchoolCategory.none)
    }

    @Test func lowRowsInTwoDistinctProceduresMakeALowYear() {
        // setup: ВПР 5 and ВПР 6 математика are two procedures (grade differs): 5/10 and 3/10 both ≥ 0.30
        let rows = lowYear("S1", 2018) + [row("S1", 2019, math5, n: 10, fails: 5), row("S1", 2019, math6, n: 10, fails: 3)]
        // act
        let s1 = identify(rows, schools: [school("S1")]).assessment(of: "S1")
        // check
        #expect(s1?.yearChecks.last?.lowProcedures == [math5, math6])
        #expect(s1?.yearChecks.last?.isLowYear == true)
        #expect(s1?.lowResults == true)
    }

    @Test func twoLowRowsOfOneProcedureCountOnce() {
        // setup: «Математика» and «математика » normalise to one procedure, so these two low rows
        // (5/10 and 4/10) are one low procedure: 1 < 2, not a low year
        let spelledTwice = Procedure(kind: .vpr, grade: 5, subject: "математика ")
        let rows = lowYear("S1", 2018) + [row("S1", 2019, math5, n: 10, fails: 5), row("S1", 2019, spelledTwice, n: 10, fails: 4)]
        // act
        let s1 = identify(rows, schools: [school("S1")]).assessment(of: "S1")
        // check
        #expect(s1?.yearChecks.last?.lowProcedures == [math5])
        #expect(s1?.yearChecks.last?.isLowYear == false)
    }

    @Test func lowResultsNeedEveryYearOfTheWindow() {
        // setup: S1 low in 2018 and 2019; S2 low in 2019 only (2018: 1/10 and 1/10, valid but not low)
        let rows = lowYear("S1", 2018) + lowYear("S1", 2019) + lowYear("S2", 2019)
            + [row("S2", 2018, math5, n: 10, fails: 1), row("S2", 2018, russian5, n: 10, fails: 1)]
        // act
        let result = identify(rows, schools: [school("S1"), school("S2")])
        // check
        #expect(result.assessment(of: "S1")?.yearChecks.map(\.year) == [2018, 2019])
        #expect(result.assessment(of: "S1")?.lowResults == true)
        #expect(result.assessment(of: "S1")?.category == .lowResults)
        #expect(result.assessment(of: "S2")?.lowResults == false)
        #expect(result.assessment(of: "S2")?.category == SchoolCategory.none)
    }

    @Test func aMissingYearGivesInsufficientData() {
        // setup: S1 has no row in 2018; S2 has only a row of 3 participants in 2018 (invalid)
        let rows = lowYear("S1", 2019) + lowYear("S2", 2019) + [row("S2", 2018, math5, n: 3, fails: 3)]
        // act
        let result = identify(rows, schools: [school("S1"), school("S2")], contexts: [adverseContext("S1")])
        // check
        let s1 = result.assessment(of: "S1")
        #expect(s1?.yearChecks.first?.hasValidRows == false)
        #expect(s1?.category == .insufficientData)
        #expect(s1?.lowResults == false)
        #expect(s1?.adverseConditions == true)
        #expect(result.assessment(of: "S2")?.category == .insufficientData)
        #expect(result.assessment(of: "S2")?.rows.count == 3)
    }

    @Test func oneYearWindowLooksAtTheYearItself() {
        // setup: years = 1: 2019 alone decides
        let rows = lowYear("S1", 2019)
        // act
        let s1 = identify(rows, schools: [school("S1")], parameters: MethodologyParameters(years: 1)).assessment(of: "S1")
        // check
        #expect(s1?.yearChecks.map(\.year) == [2019])
        #expect(s1?.category == .lowResults)
    }

    @Test func everySchoolIsAssessedSortedByCodeAndOnlyItsOwnRowsAreShown() {
        // setup: S9 has no rows; S5's rows count in the reference but S5 is not listed; 2017 is outside the window
        let rows = lowYear("S1", 2019) + lowYear("S1", 2018) + lowYear("S1", 2017) + lowYear("S5", 2019)
            + [region(2019, math5, n: 100, fails: 10)]
        // act
        let result = identify(rows, schools: [school("S9"), school("S1")])
        // check
        #expect(result.schools.map(\.schoolCode) == ["S1", "S9"])
        #expect(result.assessment(of: "S1")?.rows.count == 4)
        #expect(result.assessment(of: "S1")?.rows.allSatisfy { $0.row.schoolCode == "S1" } == true)
        #expect(result.assessment(of: "S9")?.category == .insufficientData)
        #expect(result.assessment(of: "S9")?.composite == nil)
        #expect(result.assessment(of: "S1")?.schoolName == "Школа S1")
        // pooled russian 2019: 1 − (4 + 4) / 20 = 0.6, so S5's row was counted
        #expect(close(result.reference(of: russian5, in: 2019)?.value, 0.6))
    }
}

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

@Suite struct IdentificationBiasTests {
    /// ВПР 19 of 20 pass (0.95) against a regional 1 − 200/1000 = 0.80: 0.15 above, exactly the margin.
    private let vprRows = [row("S1", 2019, math5, n: 20, fails: 1), region(2019, math5, n: 1000, fails: 200)]

    @Test func vprFarAboveTheReferenceWhileGIAFailsIsFlagged() throws {
        // setup: ОГЭ 3 of 10 fail = 0.30, at the threshold
        let rows = vprRows + [row("S1", 2019, ogeMath, n: 10, fails: 3)]
        // act
        let s1 = try #require(identify(rows, schools: [school("S1")]).assessment(of: "S1"))
        // check
        guard case let .vprAboveReferenceWithGIAFails(success, reference, giaFails) = s1.biasFlags.first else {
            Issue.record("no flag: \(s1.biasFlags)"); return
        }
        #expect(close(success, 0.95) && close(reference, 0.80) && close(giaFails, 0.30))
        #expect(s1.biasFlags.count == 1)
        // the flag never changes the category: no 2018 rows, so still insufficient data
        #expect(s1.category == .insufficientData)
        #expect(s1.explanation.contains { $0.hasPrefix("Признак необъективности: успеваемость по ВПР 95 % выше эталона 80 %") })
    }

    @Test func vprFlagNeedsBothConditions() {
        // setup: S1 ВПР 18/20 = 0.90, only 0.10 above 0.80, with ОГЭ 3/10 = 0.30;
        // S2 ВПР 0.95 but ОГЭ 2/10 = 0.20 < 0.30; S3 ВПР 0.95 and no ГИА at all
        let rows = [region(2019, math5, n: 1000, fails: 200),
                    row("S1", 2019, math5, n: 20, fails: 2), row("S1", 2019, ogeMath, n: 10, fails: 3),
                    row("S2", 2019, math5, n: 20, fails: 1), row("S2", 2019, ogeMath, n: 10, fails: 2),
                    row("S3", 2019, math5, n: 20, fails: 1)]
        // act
        let result = identify(rows, schools: [school("S1"), school("S2"), school("S3")])
        // check
        #expect(result.schools.allSatisfy { $0.biasFlags.isEmpty })
    }

    /// Four other schools whose composites change by +0.1, −0.1, +0.1, −0.1 and S whose composite moves
    /// from −0.4 to +0.2. With k = 0 and a regional reference 0.8, d = success − 0.8.
    private func jumpRows(others: [String]) -> [ResultRow] {
        var rows = [region(2018, math5, n: 1000, fails: 200), region(2019, math5, n: 1000, fails: 200),
                    row("S", 2018, math5, n: 10, fails: 6), row("S", 2019, math5, n: 10, fails: 0)]
        for (i, code) in others.enumerated() {
            rows.append(row(code, 2018, math5, n: 10, fails: 2))
            rows.append(row(code, 2019, math5, n: 10, fails: i % 2 == 0 ? 1 : 3))
        }
        return rows
    }

    @Test func compositeJumpBeyondThreeSigmasOfTheOtherSchoolsIsFlagged() {
        // setup: S changes by 0.2 − (−0.4) = 0.6. Others: +0.1, −0.1, +0.1, −0.1: mean 0, population SD 0.1.
        // 0.6 > 3·0.1 → flagged. Had S been in its own spread: mean 0.12, SD √(0.328/5) = 0.256, 3σ = 0.77 > 0.6.
        // A (+0.1) against B, C, D, S: mean 0.125, SD √(0.3275/4) = 0.286 → not flagged.
        let others = ["A", "B", "C", "D"]
        // act
        let result = identify(jumpRows(others: others), schools: (others + ["S"]).map { school($0) },
                              parameters: MethodologyParameters(priorStrength: 0))
        // check
        guard case let .compositeJump(change, sigma) = result.assessment(of: "S")?.biasFlags.first else {
            Issue.record("no jump flag"); return
        }
        #expect(close(change, 0.6) && close(sigma, 0.1))
        #expect(others.allSatisfy { result.assessment(of: $0)?.biasFlags.isEmpty == true })
        #expect(result.assessment(of: "S")?.category == SchoolCategory.none)
        // a one-year window still compares with the year before
        let oneYear = identify(jumpRows(others: others), schools: [school("S")],
                               parameters: MethodologyParameters(years: 1, priorStrength: 0))
        #expect(oneYear.assessment(of: "S")?.biasFlags.count == 1)
    }

    @Test func compositeJumpNeedsThreeOtherSchoolsAndSomeSpread() {
        // setup: with two other schools there is no spread to speak of; with four that all change by
        // +0.1 (2 → 1 fails) the SD is 0 and nothing is flagged either
        let twoOthers = jumpRows(others: ["A", "B"])
        let sameChange = jumpRows(others: []) + ["A", "B", "C", "D"].flatMap {
            [row($0, 2018, math5, n: 10, fails: 2), row($0, 2019, math5, n: 10, fails: 1)]
        }
        let parameters = MethodologyParameters(priorStrength: 0)
        // act
        let few = identify(twoOthers, schools: [school("S")], parameters: parameters)
        let flat = identify(sameChange, schools: [school("S")], parameters: parameters)
        // check
        #expect(few.assessment(of: "S")?.biasFlags.isEmpty == true)
        #expect(flat.assessment(of: "S")?.biasFlags.isEmpty == true)
    }
}

@Suite struct IdentificationExplanationTests {
    @Test func explanationAnswersWhyTheSchoolIsOnTheList() throws {
        // setup: 2019 math: S1 9 of 20 fail (45 %); pooled 1 − (9 + 13)/(20 + 80) = 0.78.
        // 2019 ОГЭ: 4 of 10 below the minimum; 2018 two low procedures; 3 social criteria met.
        let rows = lowYear("S1", 2018) + [row("S1", 2019, math5, n: 20, fails: 9), row("S2", 2019, math5, n: 80, fails: 13),
                                          row("S1", 2019, ogeMath, n: 10, fails: 4), row("S1", 2019, russian5, n: 3, fails: 1)]
        // act
        let s1 = try #require(identify(rows, schools: [school("S1")], contexts: [adverseContext("S1")]).assessment(of: "S1"))
        // check
        let text = s1.explanation
        #expect(s1.category == .lowResultsAndAdverse)
        #expect(text.contains("ВПР, 5 класс, математика, 2019: «2» у 9 из 20 (45 %) — не ниже порога 30 %, это низкий результат; успеваемость по муниципалитету 78 %."))
        #expect(text.contains("ОГЭ, 9 класс, математика, 2019: ниже минимального балла у 4 из 10 (40 %) — не ниже порога 30 %, это низкий результат; успеваемость по муниципалитету 60 %."))
        #expect(text.contains("2019 — год с низкими результатами: низкие результаты по 2 процедурам (нужно не менее 2)."))
        #expect(text.contains("Низкие результаты в каждом году с 2018 по 2019 — признак НРО."))
        #expect(text.contains("Не учтены из-за малого числа участников (меньше 5): ВПР, 5 класс, русский язык, 2019."))
        #expect(text.contains("Социальные критерии НСУ в 2019 году: выполнено 3 из 6, нужно не менее 3 — признак НСУ."))
        #expect(text.contains("Выполнен критерий «Доля малоимущих семей»: 40 % — не ниже порога 30 %."))
        #expect(text.contains { $0.hasPrefix("Нет данных, критерий не считается выполненным:") })
        #expect(text.last == "Категория «НРО и НСУ»: стабильно низкие результаты обучения в неблагоприятных социальных условиях.")
    }

    @Test func explanationStatesTheCompositeAndWhyAYearIsNotLow() throws {
        // setup: the shrinkage case: composite −1/15 = −0.0667, i.e. 6,7 percentage points below; 2018 missing
        let rows = [row("S1", 2019, math5, n: 5, fails: 2), region(2019, math5, n: 100, fails: 20)]
        // act
        let s1 = try #require(identify(rows, schools: [school("S1", km: 70)]).assessment(of: "S1"))
        // check
        let text = s1.explanation
        #expect(text.contains { $0.hasPrefix("Сводный результат 2019 года: успеваемость в среднем на 6,7 п. п. ниже эталона") })
        #expect(text.contains("2019 — не год с низкими результатами: низкие результаты по 1 процедуре (нужно не менее 2)."))
        #expect(text.contains("2018: нет результатов с числом участников не менее 5."))
        #expect(text.contains("Выполнен критерий «Удалённость от муниципального центра»: 70 км — не ниже порога 50 км."))
        #expect(text.last == "Категория «Недостаточно данных»: нет результатов с числом участников не менее 5 в 2018 году.")
    }

    @Test func russianNumbersUseACommaAndARealMinus() {
        // check
        #expect(RussianNumberFormat.percent(0.45) == "45 %")
        #expect(RussianNumberFormat.percent(1.0 / 3) == "33,3 %")
        #expect(RussianNumberFormat.decimal(0.3, fractionDigits: 2...4) == "0,30")
        #expect(RussianNumberFormat.decimal(0.325, fractionDigits: 2...4) == "0,325")
        #expect(RussianNumberFormat.decimal(50, fractionDigits: 0...4) == "50")
        #expect(RussianNumberFormat.signed(-0.046, fractionDigits: 3) == "−0,046")
        #expect(RussianNumberFormat.signed(0.15, fractionDigits: 3) == "+0,150")
        #expect(RussianNumberFormat.signed(-0.00001, fractionDigits: 3) == "0,000")
    }

    @Test func resultSurvivesAJSONRoundTrip() throws {
        // setup: a result with a bias flag, an invalid row and criteria
        let rows = [row("S1", 2019, math5, n: 20, fails: 1), region(2019, math5, n: 1000, fails: 200),
                    row("S1", 2019, ogeMath, n: 10, fails: 3), row("S1", 2018, russian5, n: 2, fails: 0)]
        let result = identify(rows, schools: [school("S1", km: 80)], contexts: [adverseContext("S1")])
        // act
        let decoded = try JSONDecoder().decode(IdentificationResult.self, from: JSONEncoder().encode(result))
        // check
        #expect(decoded == result)
        #expect(decoded.schools.first?.biasFlags.count == 1)
    }
}

@Suite struct MethodologyParametersTests {
    @Test func defaultsAreThoseOfTheDesign() {
        // setup
        let p = MethodologyParameters.defaults
        // check
        #expect(p.minParticipants == 5 && p.failThreshold == 0.30 && p.minProcedures == 2 && p.years == 2)
        #expect(p.priorStrength == 10 && p.minCriteria == 3 && p.vprSuccessMargin == 0.15 && p.jumpSigmas == 3)
        #expect(p.lowIncome == 0.30 && p.incompleteFamily == 0.35 && p.noHigherEducation == 0.70)
        #expect(p.nonNative == 0.15 && p.preventiveRegister == 0.05 && p.distanceKm == 50)
        #expect(p.problems().isEmpty)
    }

    @Test func problemsNameEveryInvalidField() {
        // setup
        let p = MethodologyParameters(minParticipants: 0, failThreshold: 1.2, minProcedures: 0, years: 0,
                                      priorStrength: -1, lowIncome: 0, incompleteFamily: 1.5, noHigherEducation: -0.1,
                                      nonNative: .nan, preventiveRegister: 2, distanceKm: -5, minCriteria: 7,
                                      vprSuccessMargin: -0.1, jumpSigmas: 0)
        // act
        let problems = p.problems()
        // check
        #expect(Set(problems.keys) == ["minParticipants", "failThreshold", "minProcedures", "years", "priorStrength",
                                       "lowIncome", "incompleteFamily", "noHigherEducation", "nonNative",
                                       "preventiveRegister", "distanceKm", "minCriteria", "vprSuccessMargin", "jumpSigmas"])
        #expect(problems["minCriteria"] == "Число критериев НСУ — от 1 до 6.")
        #expect(MethodologyParameters(minCriteria: 6, vprSuccessMargin: 0).problems().isEmpty)
    }

    @Test func describedListsEveryParameterRussianStyle() {
        // act
        let described = MethodologyParameters.defaults.described
        // check
        #expect(described.count == 14)
        #expect(Set(described.map(\.key)).count == 14)
        let values = Dictionary(uniqueKeysWithValues: described.map { ($0.key, $0.value) })
        #expect(values["failThreshold"] == "0,30")
        #expect(values["noHigherEducation"] == "0,70")
        #expect(values["preventiveRegister"] == "0,05")
        #expect(values["distanceKm"] == "50")
        #expect(values["priorStrength"] == "10")
        #expect(values["minParticipants"] == "5")
        #expect(described.allSatisfy { !$0.label.isEmpty })
    }

    @Test func anOlderStoredVersionReadsMissingFieldsAsDefaults() throws {
        // setup: a version stored before the bias parameters existed
        let json = Data(#"{"minParticipants": 7, "failThreshold": 0.25}"#.utf8)
        // act
        let p = try JSONDecoder().decode(MethodologyParameters.self, from: json)
        let roundTrip = try JSONDecoder().decode(MethodologyParameters.self, from: JSONEncoder().encode(p))
        // check
        #expect(p.minParticipants == 7 && p.failThreshold == 0.25)
        #expect(p.vprSuccessMargin == 0.15 && p.jumpSigmas == 3 && p.years == 2)
        #expect(roundTrip == p)
    }
}
