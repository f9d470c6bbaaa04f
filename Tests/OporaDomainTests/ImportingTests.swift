@testable import OporaDomain
import Testing

/// Builds a table from CSV-like lines (comma-separated, no quoting), header on line 1.
func table(_ lines: [String]) -> ImportTable {
    ImportTable(header: lines[0].components(separatedBy: ","),
                rows: lines.dropFirst().enumerated().map { ImportTable.Row(line: $0.offset + 2, cells: $0.element.components(separatedBy: ",")) })
}

func problems<T>(_ r: Result<T, ImportProblems>) -> [ImportProblem] {
    if case .failure(let p) = r { return p.problems }
    return []
}

@Suite struct ResultsFileTests {
    let known: Set<String> = ["s1", "s2"]
    let header = "year,kind,grade,subject,school_code,participants,fails,marks3,marks4,marks5,mean_score"

    @Test func readsCanonicalRowsWithRussianKindsAndARegionRow() throws {
        // setup
        let t = table([header, "2021,ВПР,5,Математика,s1,20,3,8,6,3,", "2021,vpr,5,математика,REGION,9000,1200,,,,", "2021,ОГЭ,9,русский  язык,s2,12,1,,,,24,5"])
        // act
        let rows = try ResultsFile.parse(t, knownSchoolCodes: known).get()
        // check
        #expect(rows.count == 3)
        #expect(rows[0] == ResultRow(year: 2021, procedure: Procedure(kind: .vpr, grade: 5, subject: "математика"), schoolCode: "s1",
                                     participants: 20, fails: 3, marks3: 8, marks4: 6, marks5: 3))
        #expect(rows[1].isRegionalReference)
        #expect(rows[2].procedure.subject == "русский язык")
    }

    @Test func russianHeadersAndExtraColumnsAreAccepted() throws {
        let t = table(["Год,Вид процедуры,Класс,Предмет,Код школы,Количество участников,«2»,Примечание", "2020,ВПР,4,математика,s1,15,2,что угодно"])
        let rows = try ResultsFile.parse(t, knownSchoolCodes: known).get()
        #expect(rows.map(\.fails) == [2])
        #expect(rows.map(\.participants) == [15])
    }

    @Test func percentColumnsBecomeWholePeople() throws {
        // 20 participants: 15 % → 3, 40 % → 8, 35 % → 7, 10 % → 2
        let t = ImportTable(header: ["year", "kind", "grade", "subject", "school_code", "participants", "% «2»", "% «3»", "% «4»", "% «5»"],
                            rows: [.init(line: 2, cells: ["2021", "ВПР", "6", "математика", "s1", "20", "15", "40", "35", "10"])])
        let rows = try ResultsFile.parse(t, knownSchoolCodes: known).get()
        #expect(rows[0].fails == 3)
        #expect([rows[0].marks3, rows[0].marks4, rows[0].marks5] == [8, 7, 2])
    }

    @Test func everyBadValueIsNamedWithLineAndColumn() {
        let t = table([header,
                       "2021,ВПР,5,математика,s9,20,3,,,,",       // line 2: unknown school
                       "2021,ВПРР,5,математика,s1,20,3,,,,",      // line 3: unknown kind
                       "2021,ВПР,5,математика,s1,-4,3,,,,",       // line 4: negative participants
                       "2021,ВПР,5,русский,s1,двадцать,3,,,,",    // line 5: not a number
                       "2021,ВПР,6,математика,s1,20,25,,,,",      // line 6: fails above participants
                       "2021,ВПР,7,математика,s1,20,3,8,6,2,",    // line 7: 3+8+6+2 = 19 ≠ 20
                       "2021,ВПР,8,математика,s1,20,3,21,,,",     // line 8: a mark above participants
                       "2021,ВПР,4,математика,s2,20,3,,,,",       // line 9: fine
                       "2021,vpr,4,Математика,s2,20,2,,,,",       // line 10: duplicate of line 9
                       "2021,ВПР,12,математика,s1,20,3,,,,",      // line 11: grade out of range
                       "21,ВПР,5,химия,s1,20,3,,,,"])             // line 12: bad year
        let p = problems(ResultsFile.parse(t, knownSchoolCodes: known))
        let at = p.map { "\($0.line!):\($0.column!)" }
        #expect(at == ["2:school_code", "3:kind", "4:participants", "5:participants", "6:fails", "7:marks3", "8:marks3", "10:school_code", "11:grade", "12:year"])
        #expect(p[0].reason.contains("неизвестная школа"))
        #expect(p[1].reason.contains("неизвестный вид процедуры"))
        #expect(p[2].reason.contains("не может быть отрицательным"))
        #expect(p[3].reason.contains("целое число"))
        #expect(p[4].reason.contains("больше, чем участников"))
        #expect(p[5].reason == "отметки не складываются в число участников: 3+8+6+2 = 19, участников 20.")
        #expect(p[7].reason.contains("строке 9"))
        #expect(p[0].russian == "Строка 2, столбец «school_code», значение «s9»: неизвестная школа: такого кода нет в реестре школ муниципалитета.")
    }

    @Test func countsMustBeWholeNumbers() {
        let t = table([header, "2021,ВПР,5,математика,s1,12.5,3,,,,", "2021,ВПР,6,математика,s1,1e3,3,,,,"])
        #expect(problems(ResultsFile.parse(t, knownSchoolCodes: known)).map(\.line) == [2, 3])
    }

    @Test func aMissingRequiredColumnIsAFileProblem() {
        let t = table(["year,kind,grade,school_code,participants", "2021,ВПР,5,s1,20"])
        let p = problems(ResultsFile.parse(t, knownSchoolCodes: known))
        #expect(p.map(\.column) == ["fails", "subject"])
        #expect(p.allSatisfy { $0.line == nil })
    }

    @Test func oneBadRowAmongAThousandIsTheOnlyOneNamed() {
        var lines = ["year,kind,grade,subject,school_code,participants,fails"]
        for i in 0..<1000 { lines.append("2021,ВПР,5,предмет \(i),s1,20,\(i == 700 ? "x" : "2")") }
        let p = problems(ResultsFile.parse(table(lines), knownSchoolCodes: known))
        #expect(p.count == 1)
        #expect(p[0].line == 702)
    }

    @Test func blankRowsAreSkipped() throws {
        let t = table(["year,kind,grade,subject,school_code,participants,fails", "2021,ВПР,5,математика,s1,20,2", ",,,,,,"])
        #expect(try ResultsFile.parse(t, knownSchoolCodes: known).get().count == 1)
    }
}

@Suite struct StudentResultsFileTests {
    @Test func aggregatesParticipantsIntoSchoolRows() throws {
        // s1 ВПР-5 математика: marks 2, 3, 3, 5 and scores 4, 9, 10, 17 → n 4, «2» 1, «3» 2, «4» 0, «5» 1, mean 10
        let t = table(["year,kind,grade,subject,school_code,participant_code,score,mark",
                       "2021,ВПР,5,математика,s1,A1,4,2", "2021,ВПР,5,математика,s1,A2,9,3",
                       "2021,ВПР,5,математика,s1,A3,10,3", "2021,ВПР,5,математика,s1,A4,17,5"])
        let rows = try StudentResultsFile.parse(t, knownSchoolCodes: ["s1"]).get()
        #expect(rows == [ResultRow(year: 2021, procedure: Procedure(kind: .vpr, grade: 5, subject: "математика"), schoolCode: "s1",
                                   participants: 4, fails: 1, marks3: 2, marks4: 0, marks5: 1, meanScore: 10)])
    }

    @Test func passedColumnForGIA() throws {
        let t = table(["year,kind,grade,subject,school_code,participant_code,passed",
                       "2021,ЕГЭ,11,математика,s1,B1,да", "2021,ЕГЭ,11,математика,s1,B2,нет", "2021,ЕГЭ,11,математика,s1,B3,1"])
        let rows = try StudentResultsFile.parse(t, knownSchoolCodes: ["s1"]).get()
        #expect(rows.map(\.participants) == [3])
        #expect(rows.map(\.fails) == [1])
        #expect(rows[0].marks3 == nil)
    }

    @Test func aDuplicateParticipantAndANameColumnAreRefused() {
        let dup = table(["year,kind,grade,subject,school_code,participant_code,mark",
                         "2021,ВПР,5,математика,s1,A1,4", "2021,ВПР,5,математика,s1,A1,3"])
        #expect(problems(StudentResultsFile.parse(dup, knownSchoolCodes: ["s1"])).map(\.line) == [3])
        let named = table(["year,kind,grade,subject,school_code,participant_code,ФИО,mark", "2021,ВПР,5,математика,s1,A1,Иванов Иван,4"])
        let p = problems(StudentResultsFile.parse(named, knownSchoolCodes: ["s1"]))
        #expect(p.count == 1)
        #expect(p[0].reason.contains("персональные данные"))
    }
}

@Suite struct ContextAndSchoolsFileTests {
    @Test func sharesPercentsAndCountsAreRead() throws {
        // 36 of 120 low-income → 0,3; «35%» → 0,35; «0,7» → 0,7
        let t = ImportTable(header: ["Год", "Код школы", "Число обучающихся", "low_income_count", "incomplete_family_share", "no_higher_education_share"],
                            rows: [.init(line: 2, cells: ["2021", "s1", "120", "36", "35%", "0,7"])])
        let c = try ContextFile.parse(t, knownSchoolCodes: ["s1"]).get()
        #expect(c == [SocialContext(year: 2021, schoolCode: "s1", students: 120, lowIncomeShare: 0.3, incompleteFamilyShare: 0.35,
                                    noHigherEducationShare: 0.7)])
    }

    @Test func aShareOutsideZeroToOneAndCountsAboveStudentsAreErrors() {
        let t = table(["year,school_code,students,low_income_share,non_native_count",
                       "2021,s1,100,1.2,", "2020,s1,100,0.2,150", "2021,s2,100,0.2,", "2021,s1,100,0.1,"])
        let p = problems(ContextFile.parse(t, knownSchoolCodes: ["s1", "s2x"]))
        #expect(p.map { "\($0.line!):\($0.column!)" } == ["2:low_income_share", "3:non_native_count", "4:school_code", "5:school_code"])
        #expect(p[3].reason.contains("повтор"))
    }

    @Test func schoolsNeedCodeAndNameAndAKnownType() throws {
        let good = try SchoolsFile.parse(table(["code,name,short_name,settlement,type,distance_km", "s1,МОУ Первая СОШ,,Город,сош,12,5"])).get()
        #expect(good == [SchoolRecord(code: "s1", name: "МОУ Первая СОШ", shortName: "МОУ Первая СОШ", settlement: "Город", type: "СОШ", distanceKm: 12)])
        let bad = table(["code,name,type,distance_km", ",Без кода,СОШ,1", "s2,Вторая,Детсад,-3", "s3,Третья,,", "s3,Третья снова,,"])
        let p = problems(SchoolsFile.parse(bad))
        #expect(p.map { "\($0.line!):\($0.column!)" } == ["2:code", "3:distance_km", "3:type", "5:code"])
    }
}

@Suite struct TextDecodingTests {
    @Test func utf8WithAndWithoutMarkAndWindows1251AreRead() throws {
        #expect(try TextDecoding.decode(Array("Школа".utf8)).get() == "Школа")
        #expect(try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("Школа".utf8)).get() == "Школа")
        // «Школа №1» in Windows-1251
        #expect(try TextDecoding.decode([0xD8, 0xEA, 0xEE, 0xEB, 0xE0, 0x20, 0xB9, 0x31]).get() == "Школа №1")
        #expect(try TextDecoding.decode([0xA8, 0xB8]).get() == "Ёё")
    }

    @Test func utf16AndBinaryAreRefused() {
        #expect(TextDecoding.decode([0xFF, 0xFE, 0x28, 0x04]) == .failure(TextDecoding.wrongEncoding))
        #expect(TextDecoding.decode([0x50, 0x4B, 0x03, 0x04, 0x00, 0x01]) == .failure(TextDecoding.wrongEncoding))
        #expect(TextDecoding.decode([0xC0, 0x01, 0x02]) == .failure(TextDecoding.wrongEncoding))
    }

    @Test func kindIsDetectedFromTheHeader() {
        #expect(ImportKind.detect(header: ["year", "kind", "grade", "subject", "school_code", "participant_code", "mark"]) == .studentResults)
        #expect(ImportKind.detect(header: ["Год", "Вид", "Класс", "Предмет", "Код школы", "Участников", "«2»"]) == .results)
        #expect(ImportKind.detect(header: ["year", "school_code", "low_income_share"]) == .context)
        #expect(ImportKind.detect(header: ["code", "name"]) == .schools)
        #expect(ImportKind.results.templateHeader == "Год;Вид процедуры;Класс;Предмет;Код ОО;Число участников;Число „2“;Число „3“;Число „4“;Число „5“;Средний балл;% „2“;% „3“;% „4“;% „5“")
    }
}
