import Foundation
@testable import OporaDomain
import Testing

// What every kind of import file shares: how a problem reads, text decoding, columns and the kind of a file.

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

    @Test func theFourKindsHaveRussianTitlesAndTemplateHeaders() {
        // setup
        let kinds: [ImportKind] = [.schools, .context, .results, .studentResults]
        // act
        let headers = kinds.map(\.templateHeader)
        // check
        #expect(kinds.allSatisfy { $0.russianTitle.contains { ("а"..."я").contains(String($0).lowercased()) } })
        #expect(headers == [
            "Код ОО;Полное наименование ОО;Краткое наименование;Населённый пункт;Тип ОО;Логин ОО;ОКПО;ИНН;Код головной ОО;Расстояние до районного центра, км",
            "Год;Код ОО;Число обучающихся;" + SocialCriterion.allCases.filter(\.isShare).map(\.russian).joined(separator: ";") + ";"
                + SocialCriterion.allCases.filter(\.isShare).map { "Число " + $0.russian.dropFirst(5) }.joined(separator: ";"),
            "Год;Вид процедуры;Класс;Предмет;Код ОО;Число участников;Число „2“;Число „3“;Число „4“;Число „5“;Средний балл;% „2“;% „3“;% „4“;% „5“",
            "Год;Вид процедуры;Класс;Предмет;Код ОО;Код участника;Балл;Отметка;Сдал",
        ])
    }

    @Test func eachCanonicalHeaderIsReadBackAsItsOwnKind() {
        // setup
        let kinds: [ImportKind] = [.schools, .context, .results, .studentResults]
        // act
        let detected = kinds.map { ImportKind.detect(header: $0.templateHeader.components(separatedBy: ";")) }
        // check
        #expect(detected == kinds)
    }
}
