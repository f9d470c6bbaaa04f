@testable import OporaDomain
import Testing

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
