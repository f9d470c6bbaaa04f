import Foundation
@testable import OporaDomain
import Testing

private typealias F = ImportFixture

// MARK: - School-level results

@Suite struct ImportResultsTests {
    @Test func canonicalRowsWithEveryKindAndARegionRowAreRead() throws {
        // setup
        let lines = ["2021,vpr,5,Математика,s1,20,3,8,6,3,", "2021,ОГЭ,9,математика,s1,12,1,,,,14",
                     "2021,ЕГЭ,11,русский язык,s1,10,0,,,,71.5",
                     "2021,РДР,8,физика,s2,15,2,,,,", "2021,МДР,7,история,s2,15,2,,,,", "2021,ВПР,5,математика,REGION,9000,1200,,,,"]
        // act
        let rows = try F.results(lines).get()
        // check
        #expect(rows.map(\.procedure.kind) == [.vpr, .oge, .ege, .regional, .municipal, .vpr])
        #expect(rows[0] == ResultRow(year: 2021, procedure: F.maths5(), schoolCode: "s1", participants: 20, fails: 3,
                                     marks3: 8, marks4: 6, marks5: 3))
        #expect(rows[1].marks3 == nil && rows[1].meanScore == 14)
        #expect(rows[2].meanScore == 71.5)
        #expect(rows[5].isRegionalReference)
    }

    @Test func aCountrysReferenceRowOfMillionsIsReadAndTenMillionsIsRefused() throws {
        // A country's ВПР of one grade: about 1.7 million participants in the REGION row.
        let rows = try F.results(["2021,ВПР,5,математика,REGION,1700000,230000,,,,"]).get()
        #expect(rows.first?.participants == 1_700_000 && rows.first?.fails == 230_000)
        guard case .failure(let problems) = F.results(["2021,ВПР,5,математика,REGION,10000001,2,,,,"]) else {
            Issue.record("a count over ten million was read"); return
        }
        #expect(problems.problems.contains { $0.reason.contains("больше 10 миллионов") })
    }

    @Test func russianHeadersAndCommaDecimalsAreRead() throws {
        // setup
        let t = F.table(["Год", "Процедура", "Параллель", "Предмет", "Код ОО", "Писали", "Двоек", "«3»", "«4»", "«5»", "Средний балл"],
                        [[" 2021 ", "ВПР", "5", "математика", "s1", " 20 ", "3", "8", "6", "3", "12,5"]])
        // act
        let rows = try ResultsFile.parse(t, knownSchoolCodes: F.known).get()
        // check
        #expect(rows == [ResultRow(year: 2021, procedure: F.maths5(), schoolCode: "s1", participants: 20, fails: 3,
                                   marks3: 8, marks4: 6, marks5: 3, meanScore: 12.5)])
    }

    @Test func yearKindGradeSubjectAndSchoolAreChecked() {
        // setup
        let p = F.problems(F.results([
            "1999,ВПР,5,математика,s1,20,2,,,,",   // line 2: year before 2000
            "2021.0,ВПР,5,химия,s1,20,2,,,,",      // line 3: year not a whole number
            "2021,ВПРР,5,математика,s1,20,2,,,,",  // line 4: unknown kind
            "2021,ВПР,0,математика,s1,20,2,,,,",   // line 5: grade 0
            "2021,ВПР,12,математика,s1,20,2,,,,",  // line 6: grade 12
            "2021,ВПР,5, ,s1,20,2,,,,",            // line 7: no subject
            "2021,ВПР,5,математика,,20,2,,,,",     // line 8: no school
            "2021,ВПР,5,математика,s9,20,2,,,,",   // line 9: unknown school
        ]))
        // check
        #expect(p.map { "\($0.line!):\($0.column!)" } == ["2:year", "3:year", "4:kind", "5:grade", "6:grade", "7:subject", "8:school_code", "9:school_code"])
        #expect(p[2].reason.hasPrefix("неизвестный вид процедуры"))
        #expect(p[2].value == "ВПРР")
        #expect(p[7].reason.hasPrefix("неизвестная школа"))
        #expect(p[7].value == "s9")
    }

    @Test func countsMustBeNonNegativeWholeNumbers() {
        // setup
        let p = F.problems(F.results([
            "2021,ВПР,4,математика,s1,-4,2,,,,",    // line 2: negative participants
            "2021,ВПР,5,математика,s1,12а,2,,,,",   // line 3: a letter
            "2021,ВПР,6,математика,s1,1e3,2,,,,",   // line 4: exponent
            "2021,ВПР,7,математика,s1,12.5,2,,,,",  // line 5: a fraction
            "2021,ВПР,8,математика,s1,20,-1,,,,",   // line 6: negative fails
            "2021,ВПР,4,физика,s1,20,2,x,,,",       // line 7: a mark not a number
        ]))
        // check
        #expect(p.map { "\($0.line!):\($0.column!)" } == ["2:participants", "3:participants", "4:participants", "5:participants", "6:fails", "7:marks3"])
        #expect(p[0].reason.contains("не может быть отрицательным"))
        #expect(p[1].reason.contains("целое число"))
        #expect(p.map(\.value) == ["-4", "12а", "1e3", "12.5", "-1", "x"])
    }

    @Test func failsAndMarksCannotExceedParticipants() {
        // setup
        let p = F.problems(F.results([
            "2021,ВПР,5,математика,s1,20,25,,,,",   // line 2: fails above participants
            "2021,ВПР,6,математика,s1,20,3,,21,,",  // line 3: «4» above participants
        ]))
        // check
        #expect(p.map { "\($0.line!):\($0.column!)" } == ["2:fails", "3:marks4"])
        #expect(p.allSatisfy { $0.reason.contains("больше, чем участников (20)") })
    }

    @Test func marksMustAddUpToParticipants() {
        // setup
        let p = F.problems(F.results(["2021,ВПР,5,математика,s1,20,2,8,6,2,", "2021,ВПР,6,математика,s1,20,2,8,,2,"]))
        // check
        #expect(p.count == 1)
        #expect(p.first?.line == 2)
        #expect(p.first?.reason == "отметки не складываются в число участников: 2+8+6+2 = 18, участников 20.")
    }

    @Test func aMeanScoreMustBeANonNegativeNumber() {
        // setup
        let p = F.problems(F.results(["2021,ОГЭ,9,математика,s1,20,2,,,,-1", "2021,ОГЭ,9,физика,s1,20,2,,,,средний"]))
        // check
        #expect(p.map { "\($0.line!):\($0.column!)" } == ["2:mean_score", "3:mean_score"])
    }

    @Test func aDuplicateKeyNamesBothLines() {
        // setup: the same school, year and procedure, spelled differently
        let p = F.problems(F.results(["2021,ВПР,5,Математика,s1,20,2,,,,", "2021,ВПР,6,математика,s1,20,2,,,,",
                                      "2021,vpr,5,математика ,s1,21,3,,,,"]))
        // check
        #expect(p.count == 1)
        #expect(p.first?.line == 4)
        #expect(p.first?.reason.contains("строке 2") == true)
    }

    @Test func everyProblemOfARowIsReported() {
        // setup
        let p = F.problems(F.results(["2021,ЕГЭЭ,13,,s9,-1,x,,,,"]))
        // check
        #expect(p.map(\.column) == ["fails", "grade", "kind", "participants", "school_code", "subject"])
        #expect(p.allSatisfy { $0.line == 2 })
    }

    @Test func blankRowsAreSkippedAndKeepTheirLineNumbers() throws {
        // setup
        let t = F.table([F.resultsHeader, "2021,ВПР,5,математика,s1,20,2,,,,", " , ,,,,,,,,,", "", "2021,ВПР,6,математика,s1,x,2,,,,"])
        // act
        let p = F.problems(ResultsFile.parse(t, knownSchoolCodes: F.known))
        // check
        #expect(p.map(\.line) == [5])
    }

    @Test func oneBadRowAmongAThousandGoodOnesIsTheOnlyOneReported() {
        // setup
        var lines: [String] = []
        for i in 0..<1001 { lines.append("2021,ВПР,5,предмет \(i),s\(i % 2 + 1),20,\(i == 500 ? "21" : "2"),,,,") }
        // act
        let p = F.problems(F.results(lines))
        // check
        #expect(p.count == 1)
        #expect(p.first?.line == 502)
        #expect(p.first?.column == "fails")
        #expect(p.first?.value == "21")
    }
}

// MARK: - Percent columns of the federal ВПР exports

@Suite struct ImportPercentTests {
    let key = ["year", "kind", "grade", "subject", "school_code", "participants"]
    let cells = ["2021", "ВПР", "5", "математика", "s1", "20"]

    @Test func percentColumnsBecomeWholePeople() throws {
        // setup: 20 participants; 15 % → 3, 40 % → 8, 35 % → 7, 10 % → 2
        let t = F.table(key + ["% «2»", "%«3»", "% \"4\"", "%5"], [cells + ["15", "40", "35", "10"]])
        // act
        let rows = try ResultsFile.parse(t, knownSchoolCodes: F.known).get()
        // check
        #expect(rows == [ResultRow(year: 2021, procedure: F.maths5(), schoolCode: "s1", participants: 20, fails: 3,
                                   marks3: 8, marks4: 7, marks5: 2)])
    }

    @Test func percentsWithACommaAndTrailingPercentHeadersAreRead() throws {
        // setup: 24 participants; 12,5 % → 3, 37,5 % → 9, 33,3 % → 8, 16,7 % → 4
        let t = F.table(key + ["2 %", "3 %", "4 %", "5 %"], [["2021", "ВПР", "5", "математика", "s1", "24", "12,5", "37,5", "33,3", "16,7"]])
        // act
        let rows = try ResultsFile.parse(t, knownSchoolCodes: F.known).get()
        // check
        #expect(rows.map(\.fails) == [3])
        #expect(rows.map { [$0.marks3, $0.marks4, $0.marks5] } == [[9, 8, 4]])
    }

    @Test func aFailPercentAloneReplacesTheFailsColumn() throws {
        // setup: 30 participants, 10 % → 3
        let t = F.table(key + ["% «2»"], [["2021", "ВПР", "5", "математика", "s1", "30", "10"]])
        // act
        let rows = try ResultsFile.parse(t, knownSchoolCodes: F.known).get()
        // check
        #expect(rows.map(\.fails) == [3])
        #expect(rows.first?.marks3 == nil)
    }

    @Test func percentsThatDoNotAddUpAreAnError() {
        // setup: 20 participants; 15 % each → 3 people each, 12 of 20; 10+20+30+30 % → 18 of 20
        let grade6 = ["2021", "ВПР", "6", "математика", "s1", "20"]
        let t = F.table(key + ["% «2»", "% «3»", "% «4»", "% «5»"], [cells + ["15", "15", "15", "15"], grade6 + ["10", "20", "30", "30"]])
        // act
        let p = F.problems(ResultsFile.parse(t, knownSchoolCodes: F.known))
        // check
        #expect(p.map(\.line) == [2, 3])
        #expect(p.allSatisfy { $0.reason.contains("в сумме") })
    }
}
