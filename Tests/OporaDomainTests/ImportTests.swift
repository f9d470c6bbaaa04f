import Foundation
@testable import OporaDomain
import Testing

/// The import rules of issue 3, one test per rule, checked against hand-written tables: every problem
/// is named by its line (as a spreadsheet program shows it, header = 1) and column.
private enum ImportFixture {
    /// A table from comma-separated lines without quoting; the first line is the header.
    static func table(_ lines: [String]) -> ImportTable {
        ImportTable(header: lines[0].components(separatedBy: ","),
                    rows: lines.dropFirst().enumerated().map { ImportTable.Row(line: $0.offset + 2, cells: $0.element.components(separatedBy: ",")) })
    }

    /// A table from cells, for headers and values that contain commas.
    static func table(_ header: [String], _ rows: [[String]]) -> ImportTable {
        ImportTable(header: header, rows: rows.enumerated().map { ImportTable.Row(line: $0.offset + 2, cells: $0.element) })
    }

    static func problems<T>(_ result: Result<T, ImportProblems>) -> [ImportProblem] {
        if case .failure(let p) = result { return p.problems }
        return []
    }

    /// «7:participants» for each problem, in the order reported; «file:fails» for a file-level one.
    static func places<T>(_ result: Result<T, ImportProblems>) -> [String] {
        problems(result).map { "\($0.line.map(String.init) ?? "file"):\($0.column ?? "-")" }
    }

    static let known: Set<String> = ["s1", "s2"]
    static let resultsHeader = "year,kind,grade,subject,school_code,participants,fails,marks3,marks4,marks5,mean_score"
    static let studentHeader = "year,kind,grade,subject,school_code,participant_code,score,mark"

    static func results(_ rows: [String]) -> Result<[ResultRow], ImportProblems> {
        ResultsFile.parse(table([resultsHeader] + rows), knownSchoolCodes: known)
    }

    static func maths5() -> Procedure { Procedure(kind: .vpr, grade: 5, subject: "математика") }
}

private typealias F = ImportFixture

// MARK: - Problems

@Suite struct ImportProblemTests {
    @Test func aRowProblemReadsAsLineColumnValueAndReasonInRussian() {
        // setup
        let lines = (4...8).map { "2021,ВПР,\($0),математика,s1,20,2,,,," } + ["2021,ВПР,5,русский язык,s1,-3,2,,,,"]
        // act
        let p = F.problems(F.results(lines))
        // check
        #expect(p.count == 1)
        #expect(p.first?.line == 7)
        #expect(p.first?.column == "participants")
        #expect(p.first?.value == "-3")
        #expect(p.first?.russian.hasPrefix("Строка 7, столбец «participants», значение «-3»: ") == true)
        #expect(p.first?.reason.lowercased() == "число участников не может быть отрицательным.")
    }

    @Test func aFileProblemHasNoLineAndProblemsAreSortedByLine() {
        // setup
        let unsorted = [ImportProblem(line: 9, column: "fails", value: "x", reason: "ошибка."),
                        ImportProblem(line: nil, column: "subject", value: nil, reason: "нет столбца."),
                        ImportProblem(line: 3, column: "grade", value: "0", reason: "ошибка.")]
        // act
        let sorted = ImportProblems(unsorted).problems
        // check
        #expect(sorted.map(\.line) == [nil, 3, 9])
        #expect(!sorted[0].russian.contains("Строка"))
        #expect(sorted[0].russian.hasSuffix("нет столбца."))
    }

    @Test func aProblemRoundTripsThroughJSON() throws {
        // setup
        let problem = ImportProblem(line: 4, column: "kind", value: "ВПРР", reason: "неизвестный вид процедуры.")
        // act
        let data = try JSONEncoder().encode(problem)
        let back = try JSONDecoder().decode(ImportProblem.self, from: data)
        // check
        #expect(back == problem)
    }
}

// MARK: - Text decoding

@Suite struct ImportTextDecodingTests {
    @Test func utf8IsReadAsIsAndItsByteOrderMarkIsDropped() throws {
        // setup
        let text = "code,name\ns1,Школа №1 «Ёлочка»"
        // act
        let plain = try TextDecoding.decode(Array(text.utf8)).get()
        let marked = try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array(text.utf8)).get()
        // check
        #expect(plain == text)
        #expect(marked == text)
    }

    @Test func windows1251CyrillicIsDecoded() throws {
        // setup: «Школа» and the whole alphabet with Ё/ё and № in Windows-1251
        let school: [UInt8] = [0xD8, 0xEA, 0xEE, 0xEB, 0xE0]
        let alphabet: [UInt8] = Array(0xC0...0xFF) + [0xA8, 0xB8, 0xB9]
        // act
        let decodedSchool = try TextDecoding.decode(school).get()
        let decodedAlphabet = try TextDecoding.decode(alphabet).get()
        // check
        #expect(decodedSchool == "Школа")
        #expect(decodedAlphabet == "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюяЁё№")
    }

    @Test func utf16AndBinaryFilesAreRefusedWithTheRussianReason() {
        // setup
        let utf16LE: [UInt8] = [0xFF, 0xFE] + Array("Школа".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let utf16BE: [UInt8] = [0xFE, 0xFF] + Array("Школа".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let utf16NoMark: [UInt8] = Array("code".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]
        // act
        let outcomes = [utf16LE, utf16BE, utf16NoMark, zip].map(TextDecoding.decode)
        // check
        for outcome in outcomes {
            #expect(outcome == .failure(TextDecoding.wrongEncoding))
        }
        #expect(TextDecoding.wrongEncoding.line == nil)
        #expect(TextDecoding.wrongEncoding.reason == "Файл не в кодировке UTF-8 или Windows-1251: сохраните его как CSV (UTF-8) или XLSX.")
    }
}

// MARK: - Columns

@Suite struct ImportColumnTests {
    @Test func headersMatchWithoutCaseExtraSpacesOrYo() throws {
        // setup
        let t = F.table(["  КОД  ШКОЛЫ ", "Полное   наименование", "Краткое название", "Населенный пункт", "ТИП", "Расстояние до центра"],
                        [["s1", "МОУ Первая СОШ", "Первая", "с. Балаганск", "сош", "0"]])
        // act
        let schools = try SchoolsFile.parse(t).get()
        // check
        #expect(schools == [SchoolRecord(code: "s1", name: "МОУ Первая СОШ", shortName: "Первая", settlement: "с. Балаганск",
                                         type: "СОШ", distanceKm: 0)])
    }

    @Test func extraColumnsAreIgnored() throws {
        // setup
        let t = F.table(["Примечание,year,kind,grade,subject,school_code,participants,fails,Ответственный",
                         "проверено,2021,ВПР,5,математика,s1,20,2,Петров"])
        // act
        let rows = try ResultsFile.parse(t, knownSchoolCodes: F.known).get()
        // check
        #expect(rows == [ResultRow(year: 2021, procedure: F.maths5(), schoolCode: "s1", participants: 20, fails: 2)])
    }

    @Test func everyMissingRequiredColumnIsAFileProblemOfItsOwn() {
        // setup
        let t = F.table(["year,kind,Примечание", "2021,ВПР,что угодно"])
        // act
        let p = F.problems(ResultsFile.parse(t, knownSchoolCodes: F.known))
        // check
        #expect(Set(p.compactMap(\.column)) == ["grade", "subject", "school_code", "participants", "fails"])
        #expect(p.count == 5)
        #expect(p.allSatisfy { $0.line == nil && $0.reason.contains("нет") })
        #expect(p.first { $0.column == "subject" }?.reason.contains("предмет") == true)
    }
}

// MARK: - Schools

@Suite struct ImportSchoolsTests {
    @Test func canonicalSchoolsWithDefaultsAreRead() throws {
        // setup
        let t = F.table(["code,name,short_name,settlement,type,distance_km",
                         "s1,МОУ Балаганская СОШ №1,,п. Балаганск,СОШ,0",
                         "s2,МОУ Коненовская ООШ,Коненовская,д. Коновалово,ооШ,62.5",
                         "s3,МОУ Тарнопольская НОШ,,,,"])
        // act
        let schools = try SchoolsFile.parse(t).get()
        // check
        #expect(schools.map(\.shortName) == ["МОУ Балаганская СОШ №1", "Коненовская", "МОУ Тарнопольская НОШ"])
        #expect(schools.map(\.type) == ["СОШ", "ООШ", nil])
        #expect(schools.map(\.distanceKm) == [0, 62.5, nil])
        #expect(schools[2].settlement == nil)
    }

    @Test func aBadTypeANegativeDistanceAndAMissingNameAreNamed() {
        // setup
        let t = F.table(["Код,Наименование,Тип,км",
                         "s1,Первая,Гимназия,5",     // line 2: unknown type
                         "s2,Вторая,СОШ,-3",         // line 3: negative distance
                         "s3,,НОШ,12а",              // line 4: no name, distance not a number
                         "s4,Четвёртая,НОШ,12,5"])   // line 5: «12,5» km (the extra cell is ignored)
        // act
        let p = F.problems(SchoolsFile.parse(t))
        // check
        #expect(p.map { "\($0.line!):\($0.column!)" } == ["2:type", "3:distance_km", "4:distance_km", "4:name"])
        #expect(p[0].reason.contains("СОШ, ООШ или НОШ"))
        #expect(p[1].reason.contains("не может быть отрицательным"))
    }
}

// MARK: - Social context

@Suite struct ImportContextTests {
    let header = "year,school_code,students,low_income_share,incomplete_family_share,no_higher_education_share,non_native_share,preventive_register_share"

    @Test func sharesAcceptDotCommaAndPercent() throws {
        // setup
        let t = F.table(header.components(separatedBy: ","), [["2021", "s1", "120", "0.3", "0,35", "70%", "12,5 %", ""]])
        // act
        let c = try ContextFile.parse(t, knownSchoolCodes: F.known).get()
        // check
        #expect(c.count == 1)
        #expect(c[0].students == 120)
        #expect(c[0].lowIncomeShare == 0.3)
        #expect(c[0].incompleteFamilyShare == 0.35)
        #expect(c[0].noHigherEducationShare == 0.7)
        #expect(c[0].nonNativeShare == 0.125)
        #expect(c[0].preventiveRegisterShare == nil)
    }

    @Test func russianHeadersAreAccepted() throws {
        // setup
        let t = F.table(["Год", "Код школы", "Число обучающихся", "Доля малоимущих", "Доля неполных семей",
                         "Доля без высшего образования родителей", "Доля неродной русский", "Доля на профилактическом учёте"],
                        [["2020", "s2", "80", "0,1", "0,2", "0,3", "0,4", "0,05"]])
        // act
        let c = try ContextFile.parse(t, knownSchoolCodes: F.known).get()
        // check
        #expect(c == [SocialContext(year: 2020, schoolCode: "s2", students: 80, lowIncomeShare: 0.1, incompleteFamilyShare: 0.2,
                                    noHigherEducationShare: 0.3, nonNativeShare: 0.4, preventiveRegisterShare: 0.05)])
    }

    @Test func aShareOutsideZeroToOneIsAnError() {
        // setup
        let t = F.table(header.components(separatedBy: ","), [["2021", "s1", "", "1,5", "120%", "-0.1", "много", "1"]])
        // act
        let places = F.places(ContextFile.parse(t, knownSchoolCodes: F.known))
        // check
        #expect(places == ["2:incomplete_family_share", "2:low_income_share", "2:no_higher_education_share", "2:non_native_share"])
    }

    @Test func countsBecomeSharesOfStudents() throws {
        // setup: 30 of 120 = 0,25; 42 of 120 = 0,35; 6 of 120 = 0,05
        let t = F.table(["Год", "Код школы", "Обучающихся", "Число малоимущих", "incomplete_family_count", "preventive_register_count"],
                        [["2021", "s1", "120", "30", "42", "6"]])
        // act
        let c = try ContextFile.parse(t, knownSchoolCodes: F.known).get()
        // check
        #expect(c == [SocialContext(year: 2021, schoolCode: "s1", students: 120, lowIncomeShare: 0.25, incompleteFamilyShare: 0.35,
                                    preventiveRegisterShare: 0.05)])
    }

    @Test func aCountAboveStudentsOrWithoutStudentsIsAnError() {
        // setup
        let t = F.table(["year,school_code,students,low_income_count,non_native_count",
                         "2021,s1,100,150,10",   // line 2: 150 of 100
                         "2020,s1,,10,",         // line 3: no students to divide by
                         "2019,s1,100,-1,x"])    // line 4: negative and non-numeric counts
        // act
        let p = F.problems(ContextFile.parse(t, knownSchoolCodes: F.known))
        // check
        #expect(p.map { "\($0.line!):\($0.column!)" } == ["2:low_income_count", "3:low_income_count", "4:low_income_count", "4:non_native_count"])
        #expect(p[0].reason.contains("больше числа обучающихся"))
        #expect(p[1].reason.contains("students"))
    }

    @Test func anUnknownSchoolAndABadYearAreNamed() {
        // setup
        let t = F.table([header, "2021,s9,100,0.1,,,,", "1999,s1,100,0.1,,,,"])
        // act
        let p = F.problems(ContextFile.parse(t, knownSchoolCodes: F.known))
        // check
        #expect(p.map { "\($0.line!):\($0.column!)" } == ["2:school_code", "3:year"])
        #expect(p[0].reason.contains("неизвестная школа"))
    }
}

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

// MARK: - Kinds of files

@Suite struct ImportKindTests {
    @Test func theKindIsGuessedFromEnglishAndRussianHeaders() {
        // setup
        let headers: [([String], ImportKind)] = [
            (["year", "kind", "grade", "subject", "school_code", "participant_code", "score", "mark"], .studentResults),
            (["Год", "Вид", "Класс", "Предмет", "Код школы", "Код участника", "Отметка"], .studentResults),
            (["year", "kind", "grade", "subject", "school_code", "participants", "fails"], .results),
            (["Год", "Процедура", "Параллель", "Предмет", "Код ОО", "Количество участников", "% «2»"], .results),
            (["year", "school_code", "students", "low_income_share"], .context),
            (["Год", "Код школы", "Обучающихся", "Число малоимущих"], .context),
            (["code", "name", "short_name"], .schools),
            (["Код", "Наименование", "Тип"], .schools),
        ]
        // act
        let guessed = headers.map { ImportKind.detect(header: $0.0) }
        // check
        #expect(guessed == headers.map(\.1))
        #expect(ImportKind.detect(header: ["что-то", "другое"]) == nil)
    }

    @Test func theFourKindsHaveRussianTitlesAndCanonicalHeaders() {
        // setup
        let kinds: [ImportKind] = [.schools, .context, .results, .studentResults]
        // act
        let headers = kinds.map(\.canonicalHeader)
        // check
        #expect(kinds.allSatisfy { $0.russianTitle.contains { ("а"..."я").contains(String($0).lowercased()) } })
        #expect(headers == [
            "code,name,short_name,settlement,type,distance_km",
            "year,school_code,students,low_income_share,incomplete_family_share,no_higher_education_share,non_native_share,preventive_register_share",
            "year,kind,grade,subject,school_code,participants,fails,marks3,marks4,marks5,mean_score",
            "year,kind,grade,subject,school_code,participant_code,score,mark,passed",
        ])
    }

    @Test func eachCanonicalHeaderIsReadBackAsItsOwnKind() {
        // setup
        let kinds: [ImportKind] = [.schools, .context, .results, .studentResults]
        // act
        let detected = kinds.map { ImportKind.detect(header: $0.canonicalHeader.components(separatedBy: ",")) }
        // check
        #expect(detected == kinds)
    }
}

// MARK: - Fixes to the validation (personal data, percent cells, contradictions, messages)

@Suite struct ImportFixesTests {
    @Test func aHeaderThatNamesAPersonInAnyWordingIsRefused() {
        // setup
        let named = ["ФИО обучающегося", "Фамилия, имя", "Фамилия Имя Отчество", "last_name", "Дата рождения (ДД.ММ.ГГГГ)", "Ф. И. О.",
                     "Имя ученика", "Student name", "birth_date", "Домашний адрес"]
        let notNamed = ["Наименование ОО", "Адрес ОО", "school_name", "Дата", "Школа", "Subject name"]
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
