import Foundation
@testable import OporaDomain
import Testing

@Suite struct ProgrammeTemplateTests {
    @Test func seedProgrammeHasEveryPartOfTheDocument() throws {
        // act
        let t = try ProgrammeTemplate.balagansky()
        // check: counts, taken from the seed by hand
        #expect(t.sections.map(\.number) == [1, 2, 3, 4])
        #expect(t.directions.map(\.code) == ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "2.5",
                                             "3.1", "3.2", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6"])
        #expect(t.directions.reduce(0) { $0 + $1.tasks.count } == 42)
        #expect(t.measureCount == 46)
        #expect(t.passport.tasks.count == 4)
        #expect(t.passport.expectedResults.count == 4)
        #expect(t.passport.indicators.count == 5)
        #expect(t.indicators.count == 5)
        #expect(t.problems().isEmpty)
    }

    @Test func passportTextsAreVerbatim() throws {
        let p = try ProgrammeTemplate.balagansky().passport
        #expect(p.name == "Муниципальная программа «Поддержка школ с НРО и школ, функционирующих в НСУ муниципального образования Балаганский район на 2020-2022 годы»")
        #expect(p.developers == "МКУ Управление образования, МКУ Методический центр")
        #expect(p.goal.hasPrefix("Создание условий, позволяющих обеспечить комплексное сопровождение школ"))
        #expect(p.term == "2020-2022 гг.")
        #expect(p.years == 2020...2022)
        #expect(p.control == "Мониторинг по отдельному плану")
        // A typo of the source («фкнкционирующих») is fixed, nothing else.
        #expect(p.tasks[2] == "Создать муниципальную инфраструктуру для оказания информационно-методической помощи школ с НРО и школ, функционирующих в НСУ.")
    }

    @Test func sectionsCarryTheirExpectedResult() throws {
        let t = try ProgrammeTemplate.balagansky()
        #expect(t.sections[0].title == "Обеспечение деятельности ОО на современном уровне")
        #expect(t.sections[0].expectedResult == "Улучшение качества образования в школах, охваченных программой и их переход в эффективный режим работы.")
        #expect(t.sections[2].title == "Организация системы воспитательной работы")
        #expect(t.sections[1].expectedResult == "Эффективная организация учебной деятельности")
    }

    @Test func aTaskSpanningYearsBelongsToEachYear() throws {
        let t = try ProgrammeTemplate.balagansky()
        let d25 = try #require(t.directions.first { $0.code == "2.5" })
        #expect(d25.tasks.count == 1)
        #expect(d25.tasks[0].years == [2020, 2021, 2022])
        let d11 = try #require(t.directions.first { $0.code == "1.1" })
        #expect(d11.tasks.map(\.years) == [[2020], [2021, 2022]])
        #expect(d11.tasks[1].text == "Привлечение квалифицированных специалистов к решению проблем ОО")
        for d in t.directions {
            for year in 2020...2022 {
                #expect(d.tasks.contains { $0.years.contains(year) }, "direction \(d.code) has no task in \(year)")
            }
        }
    }

    @Test func measuresKeepDeadlinesAndProducts() throws {
        let t = try ProgrammeTemplate.balagansky()
        let d11 = try #require(t.directions.first { $0.code == "1.1" })
        #expect(d11.measures.count == 4)
        #expect(d11.measures[0].name == "Разработка адресных рекомендаций по внесению корректив в штатные расписания школ с НРО и школ, функционирующих в НСУ")
        #expect(d11.measures[0].deadline == Day(year: 2020, month: 8, day: 15))
        #expect(d11.measures[0].deadlineText == "До 15.08.2020")
        #expect(d11.measures[0].product == "Рекомендации")
        #expect(d11.measures[1].deadline == Day(year: 2020, month: 8, day: 30))
        #expect(d11.measures[1].product == "Штатное расписание")
        let withDeadline = t.directions.flatMap(\.measures).filter { $0.deadline != nil }
        #expect(withDeadline.count == 2)
        let d25 = try #require(t.directions.first { $0.code == "2.5" })
        #expect(d25.measures.map(\.name) == ["Проведение динамических пауз, физминуток, гимнастик во время учебного процесса"])
        let d45 = try #require(t.directions.first { $0.code == "4.5" })
        #expect(d45.measures.contains { $0.name == "Утверждение муниципальной программы поддержки школ с НРО и школ, функционирующих в НСУ" })
    }

    @Test func indicatorsHaveBaselineAndTargets() throws {
        let t = try ProgrammeTemplate.balagansky()
        let values = t.indicators.map { i in [i.baseline] + i.targets.sorted { $0.year < $1.year }.map { Optional($0.value) } }
        #expect(values == [[50, 80, 100, 100], [30, 50, 75, 100], [nil, 75, 90, 100], [nil, 25, 30, 35], [94, 96, 98, 100]])
        #expect(t.indicators.allSatisfy { $0.baselineYear == 2019 && $0.unit == "%" })
    }

    @Test func aBrokenTemplateIsRefusedWithItsProblems() throws {
        // setup: a measure naming a task its direction does not have
        var t = try ProgrammeTemplate.balagansky()
        t.sections[0].directions[0].measures[0].task = "нет такой задачи"
        t.sections[1].directions[0].tasks[0].years = [2019]
        // act
        let problems = t.problems()
        // check
        #expect(problems.count == 2)
        #expect(problems.contains { $0.contains("1.1") && $0.contains("unknown task") })
        #expect(problems.contains { $0.contains("2.1") && $0.contains("outside") })
        let data = try JSONEncoder().encode(t)
        #expect(throws: ProgrammeTemplate.LoadError.self) { try ProgrammeTemplate.load(from: data) }
    }
}
