@testable import OporaDomain
import Testing

/// Programmes read from their documents' tables and from the workbook, with cases worked by hand.
@Suite struct ProgrammeFileTests {
    let header = ["№ п/п", "Наименование мероприятий", "Срок(и) исполнения", "Ответственный", "Отметка о выполнении", "Продукт / результат"]

    /// Everything of the plan a file carries, compared field by field.
    static func expectSamePlan(_ read: ProgrammeTemplate, _ expected: ProgrammeTemplate) {
        #expect(read.sections.map(\.number) == expected.sections.map(\.number))
        #expect(read.sections.map(\.title) == expected.sections.map(\.title))
        #expect(read.sections.map(\.expectedResult) == expected.sections.map(\.expectedResult))
        #expect(read.directions.map(\.code) == expected.directions.map(\.code))
        #expect(read.directions.map(\.title) == expected.directions.map(\.title))
        #expect(read.measureCount == expected.measureCount)
        for (r, e) in zip(read.directions, expected.directions) {
            #expect(r.tasks.map(\.text) == e.tasks.map(\.text), "\(e.code)")
            #expect(r.tasks.map(\.years) == e.tasks.map(\.years), "\(e.code)")
            #expect(r.measures.count == e.measures.count, "\(e.code)")
            for (a, b) in zip(r.measures, e.measures) {
                #expect(a.name == b.name && a.task == b.task && a.year == b.year, "\(e.code) \(b.name)")
                #expect(a.deadline == b.deadline && a.deadlineText == b.deadlineText, "\(e.code) \(b.name)")
                #expect(a.responsible == b.responsible && a.product == b.product && a.level == b.level, "\(e.code) \(b.name)")
            }
        }
    }

    @Test func theSeedsAppendicesReadBackAsTheBuiltInTemplate() throws {
        let seed = try ProgrammeTemplate.balagansky()
        let reading = ProgrammeFile.readDocument(ProgrammeFile.appendixTables(of: seed), name: "Программа", years: 2020...2022)
        #expect(reading.problems.map(\.description) == [])
        #expect(reading.template.measureCount == 46)
        Self.expectSamePlan(reading.template, seed)
        #expect(reading.recognised == ["Таблица 1 — план: направления и задачи по годам (Приложение 1)", "Таблица 2 — мероприятия (Приложение 2)"])
        #expect(reading.notLoaded == ["Таблица 2, столбец «Отметка о выполнении»"])
    }

    @Test func theWorkbookOfTheSeedRoundTrips() throws {
        let seed = try ProgrammeTemplate.balagansky()
        let sheets = Dictionary(uniqueKeysWithValues: ProgrammeFile.workbookSheets(of: seed).map { ($0.sheet.rawValue, $0.rows) })
        let reading = ProgrammeFile.readWorkbook(sheets, name: nil, years: 2020...2022)
        #expect(reading.problems.map(\.description) == [])
        Self.expectSamePlan(reading.template, seed)
        #expect(reading.template.passport.name == seed.passport.name)
        #expect(reading.template.passport.tasks == seed.passport.tasks && reading.template.passport.goal == seed.passport.goal)
        #expect(reading.template.analysis.paragraphs == seed.analysis.paragraphs)
        #expect(reading.template.indicators.map(\.number) == seed.indicators.map(\.number))
        #expect(reading.template.indicators.map(\.title) == seed.indicators.map(\.title))
        #expect(reading.template.indicators.first?.baseline == 50 && reading.template.indicators.first?.baselineYear == 2019)
        #expect(reading.template.indicators.first?.targets.map(\.value) == [80, 100, 100])
    }

    @Test func headerVariantsAHeadingRowAndDeadlinesWithAndWithoutADate() {
        let table = ProgrammeFile.Table(name: "Таблица 1", rows: [
            header,
            Array(repeating: "1. Кадры", count: 6),
            ["1.1 Обучение педагогов", "", "", "", "", ""],
            ["1", "Курсы", "до 15.08.2024", "Иванова И. И.", "выполнено", "Сертификаты"],
            ["2", "Семинар", "в течение года", "", "", ""],
            ["3", "Аудит", "август 2025", "", "", ""],
        ])
        let reading = ProgrammeFile.readDocument([table], name: "Новая", years: 2024...2025)
        #expect(reading.problems.isEmpty)
        let t = reading.template
        #expect(t.sections.map(\.title) == ["Кадры"] && t.directions.map(\.code) == ["1.1"] && t.directions[0].title == "Обучение педагогов")
        // No plan table and no task column: one task named after the direction, for the whole period.
        #expect(t.directions[0].tasks.map(\.text) == ["Обучение педагогов"] && t.directions[0].tasks[0].years == [2024, 2025])
        let m = t.directions[0].measures
        #expect(m.map(\.name) == ["Курсы", "Семинар", "Аудит"])
        #expect(m[0].deadline == Day(year: 2024, month: 8, day: 15) && m[0].year == 2024 && m[0].deadlineText == "до 15.08.2024")
        #expect(m[0].responsible == "Иванова И. И." && m[0].product == "Сертификаты")
        #expect(m[1].deadline == nil && m[1].year == 2024 && m[1].deadlineText == "в течение года")
        #expect(m[2].deadline == nil && m[2].year == 2025 && m[2].deadlineText == "август 2025")
        #expect(reading.notLoaded == ["Таблица 1, столбец «№ п/п»", "Таблица 1, столбец «Отметка о выполнении»"])
    }

    @Test func aMeasureTakesItsDirectionsTaskForItsYearFromThePlan() {
        let plan = ProgrammeFile.Table(name: "Таблица 1", rows: [
            ["№", "Целевые направления", "2024", "2025"],
            ["1. Кадры", "1. Кадры", "1. Кадры", "1. Кадры"],
            ["1.1.", "Обучение", "Диагностика", "Курсы"],
            ["Прогнозируемый результат", "Обученные педагоги", "Обученные педагоги", "Обученные педагоги"],
        ])
        let measures = ProgrammeFile.Table(name: "Таблица 2", before: ["2025 год"], rows: [
            ["Целевые направления", "Наименование мероприятия", "Сроки"],
            ["1.1 Обучение", "Анкета", "до 01.03.2024"],
            ["", "Курсы повышения квалификации", ""],
        ])
        let reading = ProgrammeFile.readDocument([plan, measures], name: "Новая", years: 2024...2025)
        #expect(reading.problems.isEmpty)
        let d = reading.template.directions[0]
        #expect(reading.template.sections[0].expectedResult == "Обученные педагоги")
        #expect(d.tasks.map(\.text) == ["Диагностика", "Курсы"] && d.tasks.map(\.years) == [[2024], [2025]])
        #expect(d.measures.map(\.task) == ["Диагностика", "Курсы"])
        #expect(d.measures.map(\.year) == [2024, 2025])
    }

    @Test func deadlinesKeepTheirTextAndGiveADayOnlyForAWholeDate() {
        #expect(ProgrammeDeadline("До 15.08.2020").day == Day(year: 2020, month: 8, day: 15))
        #expect(ProgrammeDeadline("с 01.09.2020 по 15.09.2020").day == Day(year: 2020, month: 9, day: 15))
        let august = ProgrammeDeadline("август 2020")
        #expect(august.day == nil && august.years == [2020] && august.year(rowYear: 2021) == 2020)
        let whole = ProgrammeDeadline("в течение года")
        #expect(whole.day == nil && whole.years.isEmpty && whole.year(rowYear: 2021) == 2021)
        let span = ProgrammeDeadline("2020-2022")
        #expect(span.years == [2020, 2021, 2022] && span.year(rowYear: 2021) == 2021 && span.year(rowYear: 2019) == 2020)
        #expect(ProgrammeDeadline("до 31.02.2020").impossibleDate == "31.02.2020")
        #expect(ProgrammeDeadline("15.08.20").day == nil)
    }

    @Test func eachProblemNamesItsTableRowAndCell() {
        let table = ProgrammeFile.Table(name: "Таблица 3", rows: [
            header,
            ["1.1 Обучение", "", "", "", "", ""],
            ["1", "Курсы", "до 31.02.2024", "", "", ""],
            ["2", "Семинар", "до 01.03.2019", "", "", ""],
            ["3", "", "до 01.03.2024", "Петров", "", ""],
        ])
        let reading = ProgrammeFile.readDocument([table], name: "Новая", years: 2024...2025)
        #expect(reading.problems.map(\.description) == [
            "Таблица 3, строка 3, столбец «Срок(и) исполнения»: даты «31.02.2024» нет в календаре",
            "Таблица 3, строка 4, столбец «Срок(и) исполнения»: 2019 год вне периода программы 2024–2025",
            "Таблица 3, строка 5, столбец «Наименование мероприятий»: нет наименования мероприятия, а сроки, ответственные или продукт указаны",
            "Таблица 3, строка 2: у раздела 1 нет названия: перед его направлениями нужна строка «1. Название раздела»",
        ])
    }

    @Test func aDocumentWithoutTheProgrammesTablesIsRefused() {
        for tables in [[], [ProgrammeFile.Table(name: "Таблица 1", rows: [])],
                       [ProgrammeFile.Table(name: "Таблица 1", rows: [["ФИО", "Должность"], ["Иванова", "директор"]])]] {
            let reading = ProgrammeFile.readDocument(tables, name: "Новая", years: 2024...2025)
            #expect(reading.problems.count == 1)
            #expect(reading.problems.first?.description.hasPrefix("В документе не найдено таблиц программы") == true)
        }
    }

    @Test func aWorkbookWithAMissingSheetOrColumnIsRefused() throws {
        let seed = try ProgrammeTemplate.balagansky()
        var sheets = Dictionary(uniqueKeysWithValues: ProgrammeFile.workbookSheets(of: seed).map { ($0.sheet.rawValue, $0.rows) })
        var noSheet = sheets
        noSheet["Индикаторы"] = nil
        #expect(ProgrammeFile.readWorkbook(noSheet, name: nil, years: 2020...2022).problems.map(\.description)
                == ["В книге нет листа «Индикаторы»: нужны листы «Паспорт», «План», «Мероприятия» и «Индикаторы», как в образце."])
        // «Сроки» is the fourth column of «Мероприятия»: without it the sheet is not read at all.
        sheets["Мероприятия"] = sheets["Мероприятия"]!.map { row in row.enumerated().filter { $0.offset != 3 }.map(\.element) }
        #expect(ProgrammeFile.readWorkbook(sheets, name: nil, years: 2020...2022).problems.map(\.description)
                == ["Лист «Мероприятия», строка 1: нет столбца «Сроки»"])
    }
}
