@testable import OporaDomain
import Testing

/// A table of semicolon-separated lines, as a Russian spreadsheet saves CSV: decimals keep their comma.
private func semicolonTable(_ lines: [String]) -> ImportTable {
    let cells = lines.map { $0.components(separatedBy: ";") }
    return ImportTable(header: cells[0], rows: cells.dropFirst().enumerated().map { .init(line: $0.offset + 2, cells: $0.element) })
}

/// «line:column» of each problem, in the order reported.
private func places<T>(_ r: Result<T, ImportProblems>) -> [String] {
    problems(r).map { "\($0.line.map(String.init) ?? "-"):\($0.column ?? "-")" }
}

private let schools: Set<String> = ["bal-03", "bal-07"]

@Suite struct TeachersFileTests {
    @Test func readsTeachersWithRussianHeaders() throws {
        // setup
        let t = table(["Код школы,Табельный номер,ФИО,Должность,Педагогический,Категория,Принят,Уволен",
                       "bal-03,T-017,Иванова Анна Петровна,учитель математики,да,Высшая категория,15.08.2020,",
                       "bal-03,T-018,Петров Пётр Ильич,заместитель директора,0,СЗД,2019-09-01,31.05.2021",
                       "bal-07,T-017,Сидорова Мария Ивановна,учитель-логопед,,,,"])
        // act
        let teachers = try TeachersFile.parse(t, knownSchoolCodes: schools).get()
        // check
        #expect(teachers == [
            TeacherFact(id: "bal-03|T-017", schoolCode: "bal-03", teacherCode: "T-017", name: "Иванова Анна Петровна",
                        position: "учитель математики", pedagogical: true, qualification: "высшая",
                        employedFrom: Day("15.08.2020"), employedTo: nil),
            TeacherFact(id: "bal-03|T-018", schoolCode: "bal-03", teacherCode: "T-018", name: "Петров Пётр Ильич",
                        position: "заместитель директора", pedagogical: false, qualification: "соответствие занимаемой должности",
                        employedFrom: Day("2019-09-01"), employedTo: Day("31.05.2021")),
            TeacherFact(id: "bal-07|T-017", schoolCode: "bal-07", teacherCode: "T-017", name: "Сидорова Мария Ивановна",
                        position: "учитель-логопед", pedagogical: true, qualification: nil, employedFrom: nil, employedTo: nil),
        ])
    }

    @Test func qualificationCategoriesAreNormalisedAndOtherTextKept() {
        // setup
        let written = ["высшая", "ВЫСШАЯ КАТЕГОРИЯ", "Первая", "первая квалификационная категория", "сзд",
                       "Соответствие занимаемой должности", "без категории", "молодой специалист"]
        // act
        let normalised = written.map(TeachersFile.qualification)
        // check
        #expect(normalised == ["высшая", "высшая", "первая", "первая", "соответствие занимаемой должности",
                               "соответствие занимаемой должности", nil, "молодой специалист"])
    }

    @Test func everyBadTeacherRowIsNamedWithLineAndColumn() {
        // setup
        let t = table(["school_code,teacher_code,name,position,pedagogical,qualification,employed_from,employed_to",
                       "bal-03,T-001,,учитель,да,,,",                       // line 2: no name
                       "bal-99,T-002,Иванов И. И.,учитель,да,,,",           // line 3: unknown school
                       "REGION,T-003,Иванов И. И.,учитель,да,,,",           // line 4: REGION is not a school here
                       "bal-03,T-004,Иванов И. И.,учитель,может быть,,,",   // line 5: not yes or no
                       "bal-03,T-005,Иванов И. И.,учитель,да,,32.01.2020,", // line 6: no such day
                       "bal-03,T-006,Иванов И. И.,учитель,да,,01.09.2020,31.08.2020", // line 7: left before hired
                       "bal-03,T-007,Иванов И. И.,учитель,да,,,",           // line 8: fine
                       "bal-03,T-007,Иванов Иван,учитель,да,,,"])           // line 9: same teacher as line 8
        // act
        let result = TeachersFile.parse(t, knownSchoolCodes: schools)
        // check
        let p = problems(result)
        #expect(places(result) == ["2:name", "3:school_code", "4:school_code", "5:pedagogical", "6:employed_from", "7:employed_to", "9:teacher_code"])
        #expect(p[0].reason == "не заполнено: ФИО.")
        #expect(p[1].reason.hasPrefix("неизвестная школа"))
        #expect(p[2].value == "REGION")
        #expect(p[2].reason.hasPrefix("неизвестная школа"))
        #expect(p[3].reason == "Педагогический работник — да или нет (1 или 0).")
        #expect(p[4].reason == "Дата приёма — дата ДД.ММ.ГГГГ или ГГГГ-ММ-ДД.")
        #expect(p[5].russian == "Строка 7, столбец «employed_to», значение «31.08.2020»: дата увольнения раньше даты приёма (01.09.2020).")
        #expect(p[6].reason == "повтор: этот табельный номер этой школы уже в строке 8.")
    }

    @Test func aSpreadsheetDateCellAndBlankRowsAreRead() throws {
        // setup: an XLSX date cell arrives as its day number, 44088 = 14.09.2020
        let t = table(["school_code,teacher_code,name,position,employed_from", "bal-03,T-017,Иванова А. П.,учитель,44088", ",,,,"])
        // act
        let teachers = try TeachersFile.parse(t, knownSchoolCodes: schools).get()
        // check
        #expect(teachers.map(\.employedFrom) == [Day("14.09.2020")])
    }

    @Test func aReimportGivesTheSameIDs() throws {
        // setup
        let first = table(["school_code,teacher_code,name,position", "bal-03,T-017,Иванова А. П.,учитель"])
        let second = table(["school_code,teacher_code,name,position", "bal-03,T-017,Иванова Анна Петровна,учитель математики"])
        // act
        let a = try TeachersFile.parse(first, knownSchoolCodes: schools).get()
        let b = try TeachersFile.parse(second, knownSchoolCodes: schools).get()
        // check
        #expect(a.map(\.id) == ["bal-03|T-017"])
        #expect(b.map(\.id) == a.map(\.id))
        #expect(a != b)
    }
}

@Suite struct StaffPositionsFileTests {
    @Test func readsPositionsWithRussianHeadersAndDecimalCommas() throws {
        // setup
        let t = semicolonTable(["Год;Код школы;Должность;Педагогическая;Ставок;Занято;Занято квалифицированными",
                                "2021;bal-03;учитель математики;да;1,5;1,5;1",
                                "2021;bal-03;Уборщик служебных помещений;нет;2;1;",
                                "2021;bal-07;учитель физики;;1;0,5;"])
        // act
        let positions = try StaffPositionsFile.parse(t, knownSchoolCodes: schools).get()
        // check
        #expect(positions == [
            StaffPositionFact(id: "bal-03|2021|учитель математики", schoolCode: "bal-03", year: 2021, position: "учитель математики",
                              pedagogical: true, positions: 1.5, filled: 1.5, filledQualified: 1),
            StaffPositionFact(id: "bal-03|2021|уборщик служебных помещений", schoolCode: "bal-03", year: 2021,
                              position: "Уборщик служебных помещений", pedagogical: false, positions: 2, filled: 1, filledQualified: 1),
            StaffPositionFact(id: "bal-07|2021|учитель физики", schoolCode: "bal-07", year: 2021, position: "учитель физики",
                              pedagogical: true, positions: 1, filled: 0.5, filledQualified: 0.5),
        ])
        #expect(positions[2].vacancies == 0.5)
    }

    @Test func everyBadPositionRowIsNamedWithLineAndColumn() {
        // setup
        let t = semicolonTable(["year;school_code;position;pedagogical;positions;filled;filled_qualified",
                                "2021;bal-03;учитель;да;-1;0;",                    // line 2: negative positions
                                "2021;bal-03;учитель химии;да;полторы;1;",         // line 3: not a number
                                "2021;bal-03;учитель биологии;да;1;1,25;",         // line 4: filled above positions
                                "2021;bal-03;учитель истории;да;2;1;1,5",          // line 5: qualified above filled
                                "2021;bal-03;учитель музыки;да;1;;",               // line 6: filled missing
                                "2021;REGION;учитель;да;1;1;",                     // line 7: REGION
                                "2021;bal-07;Учитель математики;да;1;1;",          // line 8: fine
                                "2021;bal-07;учитель  математики;да;1;1;",         // line 9: same position as line 8
                                "2021;bal-07;учитель математики;да;1;1;-1",        // line 10: negative and again line 8
                                "21;bal-07;учитель;да;1;1;"])                      // line 11: bad year
        // act
        let result = StaffPositionsFile.parse(t, knownSchoolCodes: schools)
        // check
        let p = problems(result)
        #expect(places(result) == ["2:positions", "3:positions", "4:filled", "5:filled_qualified", "6:filled", "7:school_code",
                                   "9:position", "10:filled_qualified", "10:position", "11:year"])
        #expect(p[0].reason == "Число ставок не может быть отрицательным.")
        #expect(p[1].reason == "Число ставок — число, например 12,5.")
        #expect(p[2].russian == "Строка 4, столбец «filled», значение «1,25»: занято больше ставок, чем их есть (1).")
        #expect(p[3].reason == "квалифицированными занято больше ставок, чем занято всего (1).")
        #expect(p[4].reason == "не заполнено: Занято ставок.")
        #expect(p[6].reason == "повтор: эта должность этой школы за этот год уже в строке 8.")
    }
}

@Suite struct TrainingsFileTests {
    let teachers = ["bal-03|T-017": "teacher-17", "bal-07|T-002": "teacher-2"]
    let today = Day("2021-06-30")!

    @Test func readsTrainingsWithRussianHeadersAndTheTeachersID() throws {
        // setup
        let t = table(["Код школы,Табельный номер,Курс,Организация,Часов,Дата окончания,По качеству образования,Удостоверение",
                       "bal-03,T-017,Формирующее оценивание,ИРО Иркутской области,36,12.03.2021,да,№ 3812-0456",
                       "bal-07,T-002,Первая помощь,,,2021-06-30,нет,"])
        // act
        let trainings = try TrainingsFile.parse(t, knownSchoolCodes: schools, knownTeachers: teachers, today: today).get()
        // check
        #expect(trainings == [
            TrainingFact(id: "bal-03|T-017|2021-03-12|формирующее оценивание", teacherID: "teacher-17", title: "Формирующее оценивание",
                         provider: "ИРО Иркутской области", hours: 36, completedOn: Day("12.03.2021")!, concernsQuality: true,
                         certificate: "№ 3812-0456"),
            TrainingFact(id: "bal-07|T-002|2021-06-30|первая помощь", teacherID: "teacher-2", title: "Первая помощь",
                         provider: nil, hours: nil, completedOn: today, concernsQuality: false, certificate: nil),
        ])
    }

    @Test func aTeacherNotYetLoadedIsAnError() {
        // setup: T-017 is known at bal-03, not at bal-07
        let t = table(["school_code,teacher_code,title,completed_on,quality", "bal-07,T-017,Курс,12.03.2021,да"])
        // act
        let p = problems(TrainingsFile.parse(t, knownSchoolCodes: schools, knownTeachers: teachers, today: today))
        // check
        #expect(p.map(\.line) == [2])
        #expect(p.map(\.column) == ["teacher_code"])
        #expect(p[0].value == "T-017")
        #expect(p[0].reason.hasPrefix("неизвестный педагог: загрузите сначала список педагогов"))
    }

    @Test func everyBadTrainingRowIsNamedWithLineAndColumn() {
        // setup
        let t = table(["school_code,teacher_code,title,hours,completed_on,quality",
                       "bal-03,T-017,Курс А,36,01.07.2021,да",       // line 2: after today
                       "bal-03,T-017,Курс Б,36,весна 2021,да",       // line 3: not a date
                       "bal-03,T-017,Курс В,0,12.03.2021,да",        // line 4: no hours
                       "bal-03,T-017,Курс Г,36.5,12.03.2021,да",     // line 5: hours not whole
                       "bal-03,T-017,Курс Д,36,12.03.2021,",         // line 6: quality missing
                       "bal-03,T-017,Курс Е,36,12.03.2021,частично", // line 7: quality not yes or no
                       "bal-03,T-017,,36,12.03.2021,да",             // line 8: no title
                       "bal-03,T-017,Курс Ж,36,12.03.2021,да",       // line 9: fine
                       "bal-03,T-017,курс  ж,72,2021-03-12,нет",     // line 10: same course, teacher and day as line 9
                       "bal-99,T-017,Курс З,36,12.03.2021,да",       // line 11: unknown school
                       "bal-03,T-017,Курс И,36,,да"])                // line 12: no date
        // act
        let result = TrainingsFile.parse(t, knownSchoolCodes: schools, knownTeachers: teachers, today: today)
        // check
        let p = problems(result)
        #expect(places(result) == ["2:completed_on", "3:completed_on", "4:hours", "5:hours", "6:quality", "7:quality", "8:title",
                                   "10:title", "11:school_code", "12:completed_on"])
        #expect(p[0].reason == "дата окончания позже сегодняшней (30.06.2021).")
        #expect(p[1].reason == "Дата окончания — дата ДД.ММ.ГГГГ или ГГГГ-ММ-ДД.")
        #expect(p[2].reason == "число часов должно быть больше нуля.")
        #expect(p[3].reason.contains("целое число"))
        #expect(p[4].reason == "не заполнено: По качеству образования.")
        #expect(p[5].reason == "По качеству образования — да или нет (1 или 0).")
        #expect(p[7].reason == "повтор: этот курс этого педагога с этой датой окончания уже в строке 9.")
    }
}

@Suite struct ChecklistFileTests {
    let items = EqualAccessChecklist.defaultItems

    @Test func readsTheLongFormAndStoresTheListsSpelling() throws {
        // setup: the admin's list spells «Зелёная зона» with ё; the file does not
        let known = ["Компьютерный класс", "Зелёная зона"]
        let t = table(["Год,Код школы,Пункт,Есть", "2021,bal-03,  компьютерный   КЛАСС ,да", "2021,bal-03,зеленая зона,0"])
        // act
        let facts = try ChecklistFile.parse(t, knownSchoolCodes: schools, knownItems: known).get()
        // check
        #expect(facts == [
            ChecklistFact(id: "bal-03|2021|Компьютерный класс", schoolCode: "bal-03", year: 2021, item: "Компьютерный класс", available: true),
            ChecklistFact(id: "bal-03|2021|Зелёная зона", schoolCode: "bal-03", year: 2021, item: "Зелёная зона", available: false),
        ])
    }

    @Test func everyBadLongFormRowIsNamedWithLineAndColumn() {
        // setup
        let t = table(["year,school_code,item,available",
                       "2021,bal-03,Бассейн,да",             // line 2: not on the list
                       "2021,bal-03,Компьютерный класс,может", // line 3: not yes or no
                       "2021,bal-03,Компьютерный класс,",    // line 4: missing, and same item as line 3
                       "2021,REGION,Компьютерный класс,да",  // line 5: REGION
                       "2021,bal-07,,да"])                   // line 6: no item
        // act
        let result = ChecklistFile.parse(t, knownSchoolCodes: schools, knownItems: items)
        // check
        let p = problems(result)
        #expect(places(result) == ["2:item", "3:available", "4:available", "4:item", "5:school_code", "6:item"])
        #expect(p[0].reason.hasPrefix("неизвестный пункт: в перечне только «Широкополосный доступ в интернет», «Платформа"))
        #expect(p[1].reason == "«Есть» — да или нет (1 или 0).")
        #expect(p[3].reason == "повтор: этот пункт этой школы за этот год уже в строке 3.")
        #expect(p[5].reason == "не заполнено: пункт перечня.")
    }

    @Test func readsTheWideFormOneFactPerItemColumn() throws {
        // setup: two of the items as columns, in any case, and a column that is not an item
        let t = table(["Год,Код школы,широкополосный доступ в интернет,Компьютерный класс,Примечание",
                       "2021,bal-03,да,нет,договор с ЦО", "2021,bal-07,1,1,"])
        // act
        let facts = try ChecklistFile.parse(t, knownSchoolCodes: schools, knownItems: items).get()
        // check
        #expect(facts.map(\.id) == ["bal-03|2021|Широкополосный доступ в интернет", "bal-03|2021|Компьютерный класс",
                                    "bal-07|2021|Широкополосный доступ в интернет", "bal-07|2021|Компьютерный класс"])
        #expect(facts.map(\.available) == [true, false, true, true])
        #expect(facts[0].item == "Широкополосный доступ в интернет")
    }

    @Test func everyBadWideFormCellIsNamedByItsItem() {
        // setup
        let t = table(["year,school_code,Компьютерный класс,Педагог-психолог (в штате или по сетевому договору)",
                       "2021,bal-03,да,частично",  // line 2: not yes or no
                       "2021,bal-07,,нет",         // line 3: blank cell
                       "2021,bal-03,нет,нет",      // line 4: same school and year as line 2
                       "2021,bal-99,да,да"])       // line 5: unknown school
        // act
        let result = ChecklistFile.parse(t, knownSchoolCodes: schools, knownItems: items)
        // check
        let p = problems(result)
        #expect(places(result) == ["2:Педагог-психолог (в штате или по сетевому договору)", "3:Компьютерный класс", "4:school_code", "5:school_code"])
        #expect(p[0].reason == "Есть ли «Педагог-психолог (в штате или по сетевому договору)» — да или нет (1 или 0).")
        #expect(p[1].reason == "не заполнено: Есть ли «Компьютерный класс».")
        #expect(p[2].reason == "повтор: эта школа и этот год уже в строке 2.")
    }

    @Test func aHeaderWithNeitherItemNorItemColumnsIsAFileProblem() {
        // setup
        let t = table(["year,school_code,Бассейн", "2021,bal-03,да"])
        // act
        let p = problems(ChecklistFile.parse(t, knownSchoolCodes: schools, knownItems: items))
        // check
        #expect(p.map(\.column) == ["available", "item"])
        #expect(p.allSatisfy { $0.line == nil })
    }
}

@Suite struct GIAFileTests {
    @Test func readsSummaryRowsWithRussianHeaders() throws {
        // setup
        let t = table(["Год,Код школы,Участников ГИА,Сдали", "2021,bal-03,14,12", "2021,bal-07,0,0"])
        // act
        let outcomes = try GIAFile.parse(t, knownSchoolCodes: schools).get()
        // check
        #expect(outcomes == [GIAOutcomeFact(id: "bal-03|2021", schoolCode: "bal-03", year: 2021, participants: 14, passed: 12),
                             GIAOutcomeFact(id: "bal-07|2021", schoolCode: "bal-07", year: 2021, participants: 0, passed: 0)])
    }

    @Test func everyBadGIARowIsNamedWithLineAndColumn() {
        // setup
        let t = table(["year,school_code,participants,passed",
                       "2021,bal-03,14,15",    // line 2: more passed than took part
                       "2021,bal-07,-2,0",     // line 3: negative
                       "2020,bal-07,12.5,3",   // line 4: not whole
                       "2020,REGION,900,850",  // line 5: REGION
                       "2019,bal-03,10,",      // line 6: passed missing
                       "2022,bal-03,10,9",     // line 7: fine
                       "2022,bal-03,10,8"])    // line 8: same school and year as line 7
        // act
        let result = GIAFile.parse(t, knownSchoolCodes: schools)
        // check
        let p = problems(result)
        #expect(places(result) == ["2:passed", "3:participants", "4:participants", "5:school_code", "6:passed", "8:school_code"])
        #expect(p[0].russian == "Строка 2, столбец «passed», значение «15»: сдавших больше, чем участников (14).")
        #expect(p[1].reason == "Число участников ГИА не может быть отрицательным.")
        #expect(p[3].reason.hasPrefix("неизвестная школа"))
        #expect(p[4].reason == "не заполнено: Число сдавших.")
        #expect(p[5].reason == "повтор: эта школа и этот год уже в строке 7.")
    }

    @Test func studentLevelPassedRowsReadTheSameYesAndNo() throws {
        // setup: ГИА can also come as student-level rows of the monitoring import
        let header = "year,kind,grade,subject,school_code,participant_code,passed"
        let good = table([header, "2021,ОГЭ,9,математика,bal-03,A1,сдал", "2021,ОГЭ,9,математика,bal-03,A2,не сдал",
                          "2021,ОГЭ,9,математика,bal-03,A3,1"])
        let bad = table([header, "2021,ОГЭ,9,математика,bal-03,A1,да", "2021,ОГЭ,9,математика,bal-03,A2,частично"])
        // act
        let rows = try StudentResultsFile.parse(good, knownSchoolCodes: schools).get()
        let result = StudentResultsFile.parse(bad, knownSchoolCodes: schools)
        // check
        #expect(rows.map(\.participants) == [3])
        #expect(rows.map(\.fails) == [1])
        #expect(places(result) == ["3:passed"])
        #expect(problems(result)[0].reason == "«сдал» — да или нет (1 или 0).")
    }
}

@Suite struct IndicatorDataKindTests {
    @Test func eachKindNamesItsMissingRequiredColumns() {
        // setup
        let t = table(["year,school_code", "2021,bal-03"])
        let known: Set<String> = ["bal-03"]
        // act
        let missing = [
            places(TeachersFile.parse(t, knownSchoolCodes: known)),
            places(StaffPositionsFile.parse(t, knownSchoolCodes: known)),
            places(TrainingsFile.parse(t, knownSchoolCodes: known, knownTeachers: [:], today: Day("2021-06-30")!)),
            places(ChecklistFile.parse(t, knownSchoolCodes: known, knownItems: EqualAccessChecklist.defaultItems)),
            places(GIAFile.parse(t, knownSchoolCodes: known)),
        ]
        // check
        #expect(missing == [
            ["-:name", "-:position", "-:teacher_code"],
            ["-:filled", "-:position", "-:positions"],
            ["-:completed_on", "-:quality", "-:teacher_code", "-:title"],
            ["-:available", "-:item"],
            ["-:participants", "-:passed"],
        ])
    }

    @Test func theNewKindsAreDetectedFromRussianHeaders() {
        // setup
        let headers: [[String]] = [
            ["Код школы", "Табельный номер", "ФИО", "Должность", "Категория"],
            ["Год", "Код школы", "Должность", "Ставок", "Занято"],
            ["Код школы", "Табельный номер", "Курс", "Часов", "Дата окончания", "По качеству образования"],
            ["Год", "Код школы", "Пункт", "Есть"],
            ["Год", "Код школы", "Компьютерный класс", "Широкополосный доступ в интернет"],
            ["Год", "Код школы", "Участников ГИА", "Сдали"],
        ]
        // act
        let kinds = headers.map(ImportKind.detect(header:))
        // check
        #expect(kinds == [.teachers, .staffPositions, .trainings, .checklist, .checklist, .gia])
        #expect(ImportKind.detect(header: ["year", "kind", "grade", "subject", "school_code", "participant_code", "passed"]) == .studentResults)
    }

    @Test func theNewKindsHaveTitlesAndTemplateHeaders() {
        // setup
        let kinds: [ImportKind] = [.teachers, .staffPositions, .trainings, .checklist, .gia]
        // act
        let described = kinds.map { "\($0.russianTitle): \($0.templateHeader)" }
        // check
        #expect(described == [
            "Педагогические работники: Код ОО;Табельный номер;ФИО;Должность;Педагогический работник;Квалификационная категория;Дата приёма;Дата увольнения",
            "Штатное расписание: Год;Код ОО;Должность;Педагогическая должность;Ставок;Занято ставок;Занято квалифицированными педагогами",
            "Повышение квалификации: Код ОО;Табельный номер;Название курса;Организация;Часов;Дата окончания;По качеству образования;Номер удостоверения",
            "Перечень равного доступа: Год;Код ОО;Пункт перечня;Есть",
            "Итоги ГИА: Год;Код ОО;Участников ГИА;Сдали ГИА",
        ])
        #expect(kinds.allSatisfy { ImportKind.detect(header: $0.templateHeader.components(separatedBy: ";")) == $0 })
    }
}
