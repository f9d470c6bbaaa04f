import Foundation
@testable import OporaDomain
import Testing

private typealias F = ImportFixture

// MARK: - Fixes to the validation (personal data, percent cells, contradictions, messages)

@Suite struct ImportFixesTests {
    @Test func aHeaderThatNamesAPersonInAnyWordingIsRefused() {
        // setup
        let named = ["ФИО обучающегося", "Фамилия, имя", "Фамилия Имя Отчество", "last_name", "Дата рождения (ДД.ММ.ГГГГ)", "Ф. И. О.",
                     "Имя ученика", "Student name", "birth_date", "Домашний адрес"]
        let notNamed = ["Наименование ОО", "Адрес ОО", "school_name", "Дата", "Название школы", "Subject name"]
        let key = ["year", "kind", "grade", "subject", "school_code", "participant_code", "mark"]
        // act
        let refused = (named + notNamed).map { !F.problems(StudentResultsFile.parse(F.table(key + [$0], []), knownSchoolCodes: F.known)).isEmpty }
        // check
        #expect(refused == named.map { _ in true } + notNamed.map { _ in false })
    }

    @Test func aPercentProblemNamesTheColumnAsTheFileHeadsIt() {
        // setup
        let t = F.table(["year", "kind", "grade", "subject", "school_code", "participants", "%«2»"], [["2021", "ВПР", "5", "математика", "s1", "20", "120"]])
        // act
        let p = F.problems(ResultsFile.parse(t, knownSchoolCodes: F.known))
        // check
        #expect(p.map(\.column) == ["% «2»"])
        #expect(p.first?.reason == "процент должен быть от 0 до 100.")
    }

    @Test func aPercentCellMayCarryThePercentSign() throws {
        // setup: 20 participants, «15%» → 3
        let t = F.table(["year", "kind", "grade", "subject", "school_code", "participants", "% «2»"], [["2021", "ВПР", "5", "математика", "s1", "20", "15%"]])
        // act
        let rows = try ResultsFile.parse(t, knownSchoolCodes: F.known).get()
        // check
        #expect(rows.map(\.fails) == [3])
    }

    @Test func aBadFailPercentIsReportedOnce() {
        // setup
        let t = F.table(["year", "kind", "grade", "subject", "school_code", "participants", "% «2»"], [["2021", "ВПР", "5", "математика", "s1", "20", "много"]])
        // act
        let p = F.problems(ResultsFile.parse(t, knownSchoolCodes: F.known))
        // check
        #expect(p.map { "\($0.line!):\($0.column!)" } == ["2:% «2»"])
    }

    @Test func aMarkAndPassedThatDisagreeAreAnError() {
        // setup
        let t = F.table(["year,kind,grade,subject,school_code,participant_code,mark,passed",
                         "2021,ОГЭ,9,математика,s1,A1,3,нет", "2021,ОГЭ,9,математика,s1,A2,2,да", "2021,ОГЭ,9,математика,s1,A3,4,да"])
        // act
        let p = F.problems(StudentResultsFile.parse(t, knownSchoolCodes: F.known))
        // check
        #expect(p.map { "\($0.line!):\($0.column!)" } == ["2:passed", "3:passed"])
        #expect(p.first?.reason == "отметка «3» и «не сдал» противоречат друг другу.")
    }

    @Test func theSentenceAfterTheColonGoesOnInLowerCase() {
        // setup
        let counted = ImportProblem(line: 7, column: "participants", value: "-3", reason: "Число участников не может быть отрицательным.")
        let acronym = ImportProblem(line: nil, column: nil, value: nil, reason: "ВПР без участников.")
        // act
        let texts = [counted.russian, acronym.russian]
        // check
        #expect(texts == ["Строка 7, столбец «participants», значение «-3»: число участников не может быть отрицательным.",
                          "Весь файл: ВПР без участников."])
    }
}
