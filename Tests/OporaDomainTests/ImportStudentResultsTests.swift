import Foundation
@testable import OporaDomain
import Testing

private typealias F = ImportFixture

// MARK: - Student-level results

@Suite struct ImportStudentResultsTests {
    @Test func participantsAggregateIntoSchoolRows() throws {
        // setup
        // s1 ВПР-5 математика: marks 2, 3, 4, 4, 5, scores 5, 9, 12, 14, 20 → n 5, «2» 1, «3» 1, «4» 2, «5» 1, mean 12
        // s2 ВПР-5 математика: marks 2, 2, 3, scores 4, —, 8 → n 3, «2» 2, «3» 1, «4» 0, «5» 0, no mean (a score is missing)
        let t = F.table([F.studentHeader,
                         "2021,ВПР,5,математика,s1,A1,5,2", "2021,ВПР,5,математика,s2,B1,4,2", "2021,ВПР,5,математика,s1,A2,9,3",
                         "2021,ВПР,5,математика,s1,A3,12,4", "2021,ВПР,5,Математика,s2,B2,,2", "2021,ВПР,5,математика,s1,A4,14,4",
                         "2021,ВПР,5,математика,s1,A5,20,5", "2021,vpr,5,математика,s2,B3,8,3"])
        // act
        let rows = try StudentResultsFile.parse(t, knownSchoolCodes: F.known).get()
        // check
        #expect(rows == [
            ResultRow(year: 2021, procedure: F.maths5(), schoolCode: "s1", participants: 5, fails: 1, marks3: 1, marks4: 2, marks5: 1, meanScore: 12),
            ResultRow(year: 2021, procedure: F.maths5(), schoolCode: "s2", participants: 3, fails: 2, marks3: 1, marks4: 0, marks5: 0),
        ])
    }

    @Test func passedAcceptsEveryYesAndNoSpelling() throws {
        // setup: 8 participants of ЕГЭ, 4 did not pass
        let answers = ["да", "нет", "1", "0", "true", "false", "Yes", "no"]
        let t = F.table(["Год,Вид,Класс,Предмет,Код школы,Код участника,Балл,Сдал"]
                        + answers.enumerated().map { "2022,ЕГЭ,11,математика,s1,C\($0.offset),\(30 + $0.offset),\($0.element)" })
        // act
        let rows = try StudentResultsFile.parse(t, knownSchoolCodes: F.known).get()
        // check: mean of 30…37 is 33,5
        #expect(rows == [ResultRow(year: 2022, procedure: Procedure(kind: .ege, grade: 11, subject: "математика"), schoolCode: "s1",
                                   participants: 8, fails: 4, meanScore: 33.5)])
    }

    @Test func badMarksAndPassedValuesAreNamed() {
        // setup
        let t = F.table(["year,kind,grade,subject,school_code,participant_code,mark,passed",
                         "2021,ВПР,5,математика,s1,A1,6,",      // line 2: mark above 5
                         "2021,ВПР,5,математика,s1,A2,1,",      // line 3: mark below 2
                         "2021,ВПР,5,математика,s1,A3,отл,",    // line 4: mark not a number
                         "2021,ОГЭ,9,математика,s1,A4,,может", // line 5: passed neither yes nor no
                         "2021,ОГЭ,9,математика,s1,A5,,",       // line 6: neither mark nor passed
                         "2021,ОГЭ,9,математика,s1,,,да"])      // line 7: no participant code
        // act
        let p = F.problems(StudentResultsFile.parse(t, knownSchoolCodes: F.known))
        // check
        #expect(p.map { "\($0.line!):\($0.column!)" } == ["2:mark", "3:mark", "4:mark", "5:passed", "6:mark", "7:participant_code"])
    }

    @Test func aDuplicateParticipantWithinAProcedureNamesBothLines() throws {
        // setup: A1 twice in ВПР-5 математика of s1; A1 in another subject is another participation
        let t = F.table([F.studentHeader, "2021,ВПР,5,математика,s1,A1,10,4", "2021,ВПР,5,русский язык,s1,A1,10,4",
                         "2021,ВПР,5,математика,s1,A1,8,3"])
        // act
        let p = F.problems(StudentResultsFile.parse(t, knownSchoolCodes: F.known))
        // check
        #expect(p.count == 1)
        #expect(p.first?.line == 4)
        #expect(p.first?.column == "participant_code")
        #expect(p.first?.reason.contains("строке 2") == true)
    }

    @Test func aNameColumnRefusesTheWholeFile() {
        // setup
        let header = ["year", "kind", "grade", "subject", "school_code", "participant_code", "ФИО", "mark"]
        let t = F.table(header, [["2021", "ВПР", "5", "математика", "s1", "A1", "Иванов Иван Иванович", "4"]])
        // act
        let p = F.problems(StudentResultsFile.parse(t, knownSchoolCodes: F.known))
        // check
        #expect(p == [ImportProblem(line: nil, column: "ФИО", value: nil,
                                    reason: "Файл содержит персональные данные (столбец «ФИО»): удалите столбец и загрузите снова.")])
        #expect(!p.contains { $0.russian.contains("Иванов") })
    }

    @Test func everyPersonalDataHeaderIsRefused() {
        // setup
        let headers = ["Фамилия", "Имя", "Отчество", "name", "Surname", "Дата рождения", "Адрес", "Address"]
        // act
        let refused = headers.map { h in
            F.problems(StudentResultsFile.parse(F.table(["year", "kind", "grade", "subject", "school_code", "participant_code", "mark", h], []),
                                                knownSchoolCodes: F.known))
        }
        // check
        for (h, p) in zip(headers, refused) {
            #expect(p.count == 1 && p[0].line == nil && p[0].reason.contains("персональные данные (столбец «\(h)»)"), "\(h)")
        }
    }

    @Test func aFileWithNeitherMarkNorPassedIsRefused() {
        // setup
        let t = F.table(["year,kind,grade,subject,school_code,participant_code,score", "2021,ВПР,5,математика,s1,A1,10"])
        // act
        let p = F.problems(StudentResultsFile.parse(t, knownSchoolCodes: F.known))
        // check
        #expect(p.count == 1)
        #expect(p.first?.line == nil)
    }
}
