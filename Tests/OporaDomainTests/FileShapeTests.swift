import Foundation
@testable import OporaDomain
import Testing

private typealias F = ImportFixture

/// Issue 15's rules for files as people have them: nothing is dropped without a word, every bad shape
/// is a clear problem that changes nothing. Each case is a small table written by hand.
@Suite struct FileShapeTests {
    /// A CSV file as read: one text sheet, rows from line 1.
    static func text(_ lines: [String], delimiter: Character = ",") -> [RawSheet] {
        [RawSheet(name: "", rows: lines.enumerated().map { ImportTable.Row(line: $0.offset + 1, cells: $0.element.split(separator: delimiter, omittingEmptySubsequences: false).map(String.init)) },
                  isText: true)]
    }

    static func shape(_ lines: [String], _ kind: ImportKind = .results, options: FileOptions = FileOptions(),
                      logins: [String: [String]] = [:]) -> Result<ShapedFile, ImportProblems> {
        FileShape.shape(text(lines), kind: kind, options: options, logins: logins)
    }

    static func reasons<T>(_ r: Result<T, ImportProblems>) -> [String] { F.problems(r).map(\.russian) }

    @Test func aCommaInsideANumberSplitsTheRowAndTheRowIsNamedNotTrimmed() throws {
        let r = Self.shape(["code,name,distance_km", "s1,Первая,12", "s2,Вторая,54,5", "s3,Третья"], .schools)
        #expect(Self.reasons(r) == [
            "Строка 3, значение «5»: в строке 4 ячейки, а в заголовке 3 столбца: лишние ячейки не загружаются. Если в числе дробная часть отделена запятой, а запятая разделяет столбцы, сохраните файл с разделителем «;» или возьмите число в кавычки.",
            "Строка 4: в строке 2 ячейки, а в заголовке 3 столбца: проверьте разделители.",
        ])
        // Empty cells past the header lose nothing: a spreadsheet's trailing «;;» is no problem.
        #expect(throws: Never.self) { try Self.shape(["code;name", "s1;Первая;;"].map { $0.replacingOccurrences(of: ";", with: ",") }, .schools).get() }
    }

    @Test func anUnknownColumnIsReportedAsNotLoadedAndTheLabelOfTheMethodologyPageLoads() throws {
        let shaped = try Self.shape(["Год,Код ОО,Доля малоимущих семей,Примечание", "2022,s1,30%,проверить"], .context).get()
        #expect(shaped.report.entries.map(\.russian) == [
            "A. «Год» → Год", "B. «Код ОО» → Код ОО", "C. «Доля малоимущих семей» → \(SocialCriterion.lowIncome.russian)",
            "D. «Примечание» — не загружается",
        ])
        #expect(shaped.report.notLoaded.map(\.header) == ["Примечание"])
        let contexts = try ContextFile.parse(shaped.table, knownSchoolCodes: F.known).get()
        #expect(contexts.map(\.lowIncomeShare) == [0.3])
    }

    @Test func aFileWithOnlyKeyColumnsIsRefused() {
        let r = ContextFile.parse(F.table(["year,school_code,Доля бедных", "2022,s1,30%"]), knownSchoolCodes: F.known)
        #expect(F.problems(r).count == 1)
        #expect(F.problems(r).first?.reason.hasPrefix("В файле не найдено ни одного столбца с данными") == true)
    }

    @Test func twoHeadersOfOneColumnAndAHeaderOfTwoColumnsAreRefused() {
        let twice = ContextFile.parse(F.table(["year,school_code,Доля малоимущих семей,low_income_share", "2022,s1,0.3,0.4"]), knownSchoolCodes: F.known)
        #expect(F.problems(twice).map(\.reason) == ["Столбцы «Доля малоимущих семей» (C) и «low_income_share» (D) оба читаются как «\(SocialCriterion.lowIncome.russian)»: оставьте один."])
        // A header that two columns of a kind accept cannot be read either way.
        let set = ColumnSet([.init("a", "Первый", .count, ["общий"]), .init("b", "Второй", .count, ["общий"])])
        #expect(set.map(["Общий"]).problems.map(\.reason) == ["Столбец «Общий» подходит сразу к нескольким столбцам: «Первый», «Второй». Назовите его точнее."])
    }

    @Test func percentagesOverAHundredNotAddingUpOrWithoutParticipantsAreProblems() {
        let header = "year,kind,grade,subject,school_code,participants,% 2,% 3,% 4,% 5"
        let r = ResultsFile.parse(F.table([header, "2022,ВПР,5,Математика,s1,20,120,0,0,0", "2022,ВПР,5,Русский язык,s1,20,10,30,30,28",
                                           "2022,ВПР,6,Математика,s1,,10,30,30,30", "2022,ВПР,7,Математика,s1,20,10,30,30,30,5"]), knownSchoolCodes: F.known)
        let p = F.problems(r)
        #expect(p.map { "\($0.line!):\($0.column!)" } == ["2:% «2»", "2:% «2»", "3:% «2»", "4:participants"])
        #expect(p[0].reason == "процент должен быть от 0 до 100.")
        #expect(p[2].reason == "проценты отметок в сумме дают 98%, а не 100%.")
        #expect(p[3].reason.contains("по нему проценты пересчитываются в числа"))
        // 100 ± 1 passes, and the counts are the rounded shares: 21,74 % of 23 is 5.
        let ok = ResultsFile.parse(F.table(["year,kind,grade,subject,school_code,participants,% 2,% 3,% 4,% 5",
                                            "2022,ВПР,5,Математика,s1,23,21.74,34.78,30.43,13.04"]), knownSchoolCodes: F.known)
        #expect(F.problems(ok).isEmpty)
        #expect((try? ok.get())?.map { [$0.fails, $0.marks3, $0.marks4, $0.marks5] } == [[5, 8, 7, 3]])
    }

    @Test func digitGroupsAreReadWholeAndPartNumbersAreProblems() {
        for (cell, value) in [("1 200", 1200), ("1\u{A0}200", 1200), ("12\u{202F}345", 12345), ("1 234 567", 1_234_567)] {
            #expect((try? F.results(["2022,vpr,5,Математика,REGION,\(cell),0,,,,"]).get())?.first?.participants == value, "\(cell)")
        }
        for cell in ["12 шт.", "1 20", "12.5", "1 2000"] {
            #expect(F.problems(F.results(["2022,vpr,5,Математика,s1,\(cell),0,,,,"])).first?.column == "participants", "\(cell)")
        }
    }

    @Test func titleRowsAreSkippedAndNamedAndATwoRowHeaderIsJoined() throws {
        let shaped = try Self.shape(["Результаты ВПР", "Заречный район", "Процедура,Год,Класс,Предмет,Логин ОО,Кол-во участников,Распределение отметок %,,,",
                                     ",,,,,,2,3,4,5", "ВПР,2022,4,Русский язык,sch1,20,10,30,40,20"],
                                    logins: ["sch1": ["s1"]]).get()
        #expect(shaped.table.header.suffix(4) == ["Распределение отметок % / 2", "Распределение отметок % / 3", "Распределение отметок % / 4", "Распределение отметок % / 5"])
        #expect(shaped.report.notes.first == "Строки 1–2 над заголовком: «Результаты ВПР», «Заречный район» — не загружаются.")
        #expect(shaped.table.rows.map(\.line) == [5])
        let rows = try ResultsFile.parse(shaped.table, knownSchoolCodes: F.known).get()
        #expect(rows.map { "\($0.schoolCode) \($0.participants) \($0.fails)" } == ["s1 20 2"])
        // A data row under a one-row header is never taken for the header's lower half.
        let plain = try Self.shape([F.resultsHeader, "2022,vpr,5,Математика,s1,20,2,8,6,4,"]).get()
        #expect(plain.table.header == F.resultsHeader.components(separatedBy: ","))
    }

    @Test func wholeFileValuesFillEveryRowAndAreRefusedWhenTheFileHasTheColumnOrTheyAreWrong() throws {
        let lines = ["Логин ОО,Кол-во участников,Число «2»", "sch1,20,3", "SCH2,10,1"]
        let logins = ["sch1": ["s1"], "sch2": ["s2"]]
        let options = FileOptions(wholeFile: ["year": "2022", "kind": "ВПР", "grade": "5", "subject": "Математика"])
        let shaped = try Self.shape(lines, options: options, logins: logins).get()
        let rows = try ResultsFile.parse(shaped.table, knownSchoolCodes: F.known).get()
        #expect(rows.map { "\($0.year) \($0.procedure.russian) \($0.schoolCode) \($0.fails)" } == ["2022 \(F.maths5().russian) s1 3", "2022 \(F.maths5().russian) s2 1"])
        #expect(shaped.report.entries.filter { $0.fromForm != nil }.map(\.russian) == ["«Год» для всего файла: 2022", "«Вид процедуры» для всего файла: ВПР",
                                                                                       "«Класс» для всего файла: 5", "«Предмет» для всего файла: Математика"])
        let both = Self.shape(["Год," + lines[0], "2022," + lines[1]], options: FileOptions(wholeFile: ["year": "2021"]), logins: logins)
        #expect(Self.reasons(both) == ["Весь файл, столбец «Год», значение «2021»: «Год» есть и в файле (столбец «Год»), и указан для всего файла (2021): оставьте одно."])
        let wrong = Self.shape(lines, options: FileOptions(wholeFile: ["year": "22", "kind": "экзамен", "grade": "12"]), logins: logins)
        #expect(Set(F.problems(wrong).compactMap(\.column)) == ["Год", "Вид процедуры", "Класс"])
    }

    @Test func aLoginOfNoSchoolOrOfTwoIsRefusedByLine() {
        let r = Self.shape(["year,kind,grade,subject,Логин ОО,participants,fails", "2022,vpr,5,Математика,sch1,20,3",
                            "2022,vpr,5,Математика,sch9,20,3", "2022,vpr,5,Математика,sch2,20,3"], logins: ["sch1": ["s1"], "sch2": ["s1", "s2"]])
        #expect(F.problems(r).map { "\($0.line!):\($0.value!)" } == ["3:sch9", "4:sch2"])
        #expect(F.problems(r)[0].reason.hasPrefix("нет школы с таким логином"))
        #expect(F.problems(r)[1].reason.contains("s1, s2"))
    }

    @Test func aLoginListedTwiceInTheRegistryIsRefused() {
        let r = SchoolsFile.parse(F.table(["code,name,Логин ОО,Тип ОО,Код головной ОО", "s1,Первая,sch1,Лицей,", "s2,Вторая,SCH1,филиал,",
                                           "s3,Третья,,вечерняя (сменная) общеобразовательная школа,"]))
        #expect(F.places(r) == ["3:login", "3:parent_code"])
        let ok = try? SchoolsFile.parse(F.table(["code,name,Тип ОО", "s1,Первая,средняя общеобразовательная школа", "s3,Третья,В(С)ОШ"])).get()
        #expect(ok?.map(\.type) == ["СОШ", "вечерняя школа"])
    }

    @Test func theTemplatesRowsUnderTheHeaderAreSkippedOnlyWhileUnchanged() throws {
        let columns = ImportKind.gia.columnSet.columns.filter { $0.key != "school_login" }
        let header = columns.map(\.label), rules = columns.map(\.templateRule), example = columns.map(\.example)
        func sheet(_ rows: [[String]]) -> [RawSheet] {
            [RawSheet(name: "", rows: rows.enumerated().map { ImportTable.Row(line: $0.offset + 1, cells: $0.element) }, isText: true)]
        }
        let shaped = try FileShape.shape(sheet([header, rules, example, ["2022", "s1", "20", "19"]]), kind: .gia).get()
        #expect(shaped.table.rows.map(\.line) == [4])
        #expect(shaped.report.notes == ["Строка 2 — пояснения к столбцам из образца, не загружается.", "Строка 3 — пример заполнения из образца, не загружается."])
        let changed = try FileShape.shape(sheet([header, ["2022", "s1", "20", "19"], example]), kind: .gia).get()
        #expect(changed.table.rows.map(\.line) == [2, 3])
    }

    @Test func theSheetNamedOnUploadIsReadAndAnUnknownOneIsRefused() throws {
        let sheets = [RawSheet(name: "Итоги", rows: [ImportTable.Row(line: 1, cells: [F.resultsHeader])], isText: false),
                      RawSheet(name: "Данные 2022", rows: [ImportTable.Row(line: 1, cells: ["year", "school_code", "participants", "passed"])], isText: false)]
        #expect(try FileShape.shape(sheets, kind: .gia, options: FileOptions(sheet: "данные 2022")).get().table.header.count == 4)
        #expect(Self.reasons(FileShape.shape(sheets, kind: .gia, options: FileOptions(sheet: "Лист3")))
                == ["Весь файл: В книге нет листа «Лист3». Листы книги: «Итоги», «Данные 2022»."])
    }

    // MARK: - The review's cases: each once read silently wrong or refused for the wrong reason

    @Test func aWholeFileValueIsTheValueOfItsOwnColumnEvenWhenARowHasACellPastTheHeader() throws {
        let sheet = RawSheet(name: "Лист1", rows: [ImportTable.Row(line: 1, cells: ["Логин ОО", "Кол-во участников", "Число «2»"]),
                                                   ImportTable.Row(line: 2, cells: ["sch1", "20", "3", "2023"])], isText: false)
        let shaped = try FileShape.shape([sheet], kind: .results, options: FileOptions(wholeFile: ["year": "2025", "kind": "vpr", "grade": "5", "subject": "Математика"]),
                                         logins: ["sch1": ["s1"]]).get()
        let rows = try ResultsFile.parse(shaped.table, knownSchoolCodes: F.known).get()
        #expect(rows.map { "\($0.year) \($0.procedure.russian)" } == ["2025 \(F.maths5().russian)"])
        #expect(shaped.report.entries.map(\.russian).contains("D. «без заголовка» — не загружается"))
        #expect(shaped.report.entries.map(\.russian).contains("«Вид процедуры» для всего файла: ВПР"))
    }

    @Test func aFederalExportWithOnlyALoginAndAGroupOfPercentagesFindsItsTopHeaderRow() throws {
        let lines = ["Логин ОО;Кол-во участников;Распределение отметок, %;;;", ";;2;3;4;5", "sch1;25;20;40;30;10"]
        let shaped = try FileShape.shape(Self.text(lines, delimiter: ";"), kind: .results,
                                         options: FileOptions(wholeFile: ["year": "2025", "kind": "ВПР", "grade": "5", "subject": "Математика"]),
                                         logins: ["sch1": ["s1"]]).get()
        #expect(shaped.table.header.prefix(3) == ["Логин ОО", "Кол-во участников", "Распределение отметок, % / 2"])
        #expect(shaped.report.notes.contains("Строки 1–2 — заголовок из двух строк: столбцы под общей ячейкой названы «Общая ячейка / нижняя»."))
        let rows = try ResultsFile.parse(shaped.table, knownSchoolCodes: F.known).get()
        #expect(rows.map { [$0.participants, $0.fails, $0.marks3, $0.marks4, $0.marks5] } == [[25, 5, 10, 8, 3]] as [[Int?]])
    }

    @Test func aRealFirstRowThatSharesSomeOfTheExamplesIsData() throws {
        let header = ImportKind.context.templateColumns.map(\.label)
        let example = ImportKind.context.templateColumns.map(\.example)
        let real = ["2025", "S000001", "25"] + Array(repeating: "", count: header.count - 3)
        #expect(real.prefix(3) == example.prefix(3))
        let shaped = try FileShape.shape([RawSheet(name: "", rows: [ImportTable.Row(line: 1, cells: header), ImportTable.Row(line: 2, cells: real)], isText: true)],
                                         kind: .context).get()
        #expect(shaped.table.rows.map(\.line) == [2])
        #expect(shaped.report.notes.isEmpty)
    }

    @Test func twoSheetsWithTablesOfTheKindAreRefusedUntilOneIsNamed() throws {
        let table = { (name: String) in RawSheet(name: name, rows: [ImportTable.Row(line: 1, cells: ["Год", "Код ОО", "Число участников", "Число «2»"]),
                                                                    ImportTable.Row(line: 2, cells: ["2025", "s1", "20", "2"])], isText: false) }
        let both = FileShape.shape([RawSheet(name: "Пояснения", rows: [ImportTable.Row(line: 1, cells: ["Текст"])], isText: false), table("5 класс"), table("6 класс")],
                                   kind: .gia)
        #expect(Self.reasons(both) == ["Весь файл: В книге несколько листов с таблицами этого вида: «5 класс», «6 класс». Укажите лист в поле «Лист книги» и загрузите каждый лист отдельно."])
        #expect(try FileShape.shape([table("5 класс"), table("6 класс")], kind: .gia, options: FileOptions(sheet: "6 класс")).get().report.notes
                == ["Читается лист «6 класс»; другие листы книги (1) не загружаются."])
    }

    @Test func aHeaderWithASectionRowUnderItIsNotTwoRows() throws {
        let shaped = try Self.shape([",Год,Код ОО,Число участников,Сдали ГИА", "Заречный район,,,,", ",2025,s1,20,19"], .gia).get()
        #expect(shaped.table.header == ["", "Год", "Код ОО", "Число участников", "Сдали ГИА"])
        #expect(shaped.table.rows.map(\.line) == [2, 3])
    }
}
