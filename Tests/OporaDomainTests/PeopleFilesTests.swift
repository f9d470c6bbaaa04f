@testable import OporaDomain
import Testing

/// A table of semicolon-separated lines, as a Russian spreadsheet saves CSV: decimals keep their comma.
private func semicolons(_ lines: [String]) -> ImportTable {
    let cells = lines.map { $0.components(separatedBy: ";") }
    return ImportTable(header: cells[0], rows: cells.dropFirst().enumerated().map { .init(line: $0.offset + 2, cells: $0.element) })
}

/// «line:column» of each problem, in the order reported.
private func places<T>(_ r: Result<T, ImportProblems>) -> [String] {
    problems(r).map { "\($0.line.map(String.init) ?? "-"):\($0.column ?? "-")" }
}

private let schools: Set<String> = ["bal-03", "bal-07"]
private let knownTeachers = ["bal-03|T-017": "bal-03|T-017", "bal-03|T-018": "bal-03|T-018"]

// MARK: - Diagnostics

@Suite struct DiagnosticsFileTests {
    let today = Day("01.06.2021")!

    @Test func readsTheLongFormWithRussianHeadersPercentsAndCommas() throws {
        // setup
        let t = semicolons(["Код школы;Табельный номер;Дата диагностики;Компетенция;% выполнения",
                            "bal-03;T-017;12.03.2021;Цифровая компетентность;45%",
                            "bal-03;T-017;2021-03-12;subject;72,5",
                            "bal-03;T-018;12.03.2021;оценочная компетентность (оценка образовательных результатов);100 %"])
        // act
        let facts = try DiagnosticsFile.parse(t, knownSchoolCodes: schools, knownTeachers: knownTeachers, areas: areas, today: today).get()
        // check
        #expect(facts == [
            DiagnosticFact(id: "bal-03|T-017|2021-03-12|digital", teacherID: "bal-03|T-017", date: Day("12.03.2021")!, area: "digital", score: 45),
            DiagnosticFact(id: "bal-03|T-017|2021-03-12|subject", teacherID: "bal-03|T-017", date: Day("12.03.2021")!, area: "subject", score: 72.5),
            DiagnosticFact(id: "bal-03|T-018|2021-03-12|assessment", teacherID: "bal-03|T-018", date: Day("12.03.2021")!, area: "assessment", score: 100),
        ])
    }

    @Test func everyBadRowIsNamedAndNothingIsImported() {
        // setup
        let t = semicolons(["school_code;teacher_code;date;area;score",
                            "bal-03;T-017;12.03.2021;digital;45",          // line 2: fine
                            "bal-99;T-017;12.03.2021;digital;45",          // line 3: unknown school
                            "bal-07;T-017;12.03.2021;digital;45",          // line 4: no such teacher at bal-07
                            "bal-03;T-017;02.06.2021;subject;45",          // line 5: after today
                            "bal-03;T-017;;subject;45",                    // line 6: no date
                            "bal-03;T-017;12.03.2021;Рисование;45",        // line 7: not an area
                            "bal-03;T-017;12.03.2021;methodical;120",      // line 8: over 100
                            "bal-03;T-017;12.03.2021;psychological;много", // line 9: not a number
                            "bal-03;T-017;12.03.2021;Цифровая компетентность;50"]) // line 10: same as line 2
        // act
        let result = DiagnosticsFile.parse(t, knownSchoolCodes: schools, knownTeachers: knownTeachers, areas: areas, today: today)
        // check
        let p = problems(result)
        #expect(places(result) == ["3:school_code", "4:teacher_code", "5:date", "6:date", "7:area", "8:score", "9:score", "10:area"])
        #expect(p[1].reason.hasPrefix("неизвестный педагог"))
        #expect(p[2].russian == "Строка 5, столбец «date», значение «02.06.2021»: дата диагностики позже сегодняшней (01.06.2021).")
        #expect(p[3].reason == "не заполнено: Дата диагностики.")
        #expect(p[4].reason.contains("«Цифровая компетентность»") && p[4].reason.contains("«Предметная компетентность»"))
        #expect(p[5].reason == "результат диагностики — процент от 0 до 100.")
        #expect(p[7].reason == "повтор: результат этого педагога по этой компетенции на эту дату уже в строке 2.")
    }
}

// MARK: - Course catalogue

@Suite struct CoursesFileTests {
    @Test func readsCoursesWithAreasByTitleOrKey() throws {
        // setup
        let t = semicolons(["Название курса;Организация;Количество часов;Компетенции;По ФГОС",
                            "Цифровые инструменты оценки;ИРО;24;Цифровая компетентность, assessment, digital;да",
                            "Работа с детьми с ОВЗ;;;specialNeeds;нет"])
        // act
        let courses = try CoursesFile.parse(t, areas: areas).get()
        // check
        #expect(courses == [
            CourseFact(id: "цифровые инструменты оценки", title: "Цифровые инструменты оценки", provider: "ИРО", hours: 24,
                       areas: ["digital", "assessment"], concernsQuality: true),
            CourseFact(id: "работа с детьми с овз", title: "Работа с детьми с ОВЗ", provider: nil, hours: nil,
                       areas: ["specialNeeds"], concernsQuality: false),
        ])
    }

    @Test func badCoursesAreNamed() {
        // setup
        let t = semicolons(["title;provider;hours;areas;quality",
                            "Курс А;;0;digital;да",                  // line 2: zero hours
                            "Курс Б;;36;digital, рисование;да",      // line 3: unknown area
                            "Курс В;;36;, ;да",                      // line 4: no area named
                            "Курс Г;;36;digital;",                   // line 5: no quality
                            "Курс Д;;36;digital;да",                 // line 6: fine
                            "  курс  д ;;72;subject;нет"])           // line 7: the same title as line 6
        // act
        let result = CoursesFile.parse(t, areas: areas)
        // check
        let p = problems(result)
        #expect(places(result) == ["2:hours", "3:areas", "4:areas", "5:quality", "7:title"])
        #expect(p[1].value == "рисование")
        #expect(p[2].reason == "не названо ни одной компетенции.")
        #expect(p[4].reason == "повтор: курс с этим названием уже в строке 6.")
    }
}

// MARK: - Support of students

@Suite struct StudentSupportTests {
    @Test func readsCountsPerGrade() throws {
        // setup
        let t = semicolons(["Код школы;Год;Класс;Испытывают трудности;Низкая мотивация;Средняя мотивация;Высокая мотивация;Внеурочная деятельность",
                            "bal-03;2021;5;3;4;12;6;20",
                            "bal-03;2021;6;;;;;15",
                            "bal-07;2021;5;0;2;3;5;"])
        // act
        let facts = try StudentSupportFile.parse(t, knownSchoolCodes: schools).get()
        let sum = MotivationDistribution.sum(facts)
        // check
        #expect(facts[0] == StudentSupportFact(id: "bal-03|2021|5", schoolCode: "bal-03", year: 2021, grade: 5, difficulties: 3, motivationLow: 4,
                                               motivationMedium: 12, motivationHigh: 6, extracurricular: 20))
        #expect(facts.map(\.motivationTotal) == [22, nil, 10])
        #expect(sum == MotivationDistribution(low: 6, medium: 15, high: 11))
        #expect(sum.total == 32)
        #expect(sum.shares?.low == 0.1875)
        #expect(MotivationDistribution.sum([]).shares == nil)
    }

    @Test func badRowsAreNamed() {
        // setup
        let t = semicolons(["school_code;year;grade;difficulties;motivation_low;motivation_medium;motivation_high;extracurricular",
                            "bal-03;2021;12;1;;;;",    // line 2: no grade 12
                            "bal-03;2021;5;;;;;",      // line 3: no count at all
                            "bal-03;2021;6;;4;;6;",    // line 4: motivation levels only in part
                            "bal-03;2021;7;-1;;;;",    // line 5: negative
                            "bal-03;2021;8;2,5;;;;",   // line 6: not whole
                            "bal-03;2021;9;1;;;;",     // line 7: fine
                            "bal-03;2021;9;2;;;;"])    // line 8: the same grade as line 7
        // act
        let result = StudentSupportFile.parse(t, knownSchoolCodes: schools)
        // check
        let p = problems(result)
        #expect(places(result) == ["2:grade", "3:-", "4:motivation_medium", "5:difficulties", "6:difficulties", "8:grade"])
        #expect(p[0].reason == "класс — от 1 до 11.")
        #expect(p[1].reason.hasPrefix("в строке нет ни одного числа"))
        #expect(p[3].reason == "Испытывают трудности не может быть отрицательным.")
        #expect(p[5].reason == "повтор: эта школа, этот год и этот класс уже в строке 7.")
    }

    @Test func smallCountsAreMasked() {
        #expect([0, 4, 5, 123].map(SmallCount.masked) == ["<5", "<5", "5", "123"])
    }
}

// MARK: - Kinds of files

@Suite struct PeopleImportKindTests {
    @Test func theThreeNewKindsAreDetected() {
        // setup
        let headers: [([String], ImportKind)] = [
            (["Код школы", "Табельный номер", "Дата диагностики", "Компетенция", "Балл"], .diagnostics),
            (["Код школы", "Табельный номер", "Дата", "Область", "Результат"], .diagnostics),
            (["Название курса", "Организация", "Часов", "Компетенции", "По ФГОС"], .courses),
            (["Код школы", "Год", "Класс", "Низкая мотивация", "Средняя мотивация", "Высокая мотивация"], .studentSupport),
            (["Год", "Код школы", "Параллель", "Испытывают трудности"], .studentSupport),
            (["Код школы", "Табельный номер", "Курс", "Часов", "Дата окончания", "По качеству образования"], .trainings),
        ]
        let kinds: [ImportKind] = [.diagnostics, .courses, .studentSupport]
        // act
        let guessed = headers.map { ImportKind.detect(header: $0.0) }
        let canonical = kinds.map { ImportKind.detect(header: $0.templateHeader.components(separatedBy: ";")) }
        // check
        #expect(guessed == headers.map(\.1))
        #expect(canonical == kinds)
        #expect(kinds.map(\.russianTitle) == ["Диагностика профессиональных дефицитов", "Каталог курсов повышения квалификации", "Поддержка обучающихся"])
    }
}
