import Fluent
@testable import OporaApp
import OporaDomain
import Testing
import Vapor
import VaporTesting

@Suite struct WebPagesTests {
    @Test func loginOpensTheHomePageAndWrongPasswordDoesNot() async throws {
        try await withDemoApp { app in
            // setup
            var client = WebClient(app)
            // act: a page without a session sends to the login form
            let anonymous = try await client.get("/measures")
            // check
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.location?.hasPrefix("/login?next=") == true)
            let wrong = try await client.login("metodist", password: "неверный")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.contains("Неверный логин или пароль."))
            #expect(wrong.body.contains("value=\"metodist\""))
            let ok = try await client.login("metodist")
            #expect(ok.status == .seeOther)
            let home = try await client.get("/")
            #expect(home.status == .ok)
            #expect(home.body.contains("Выполнение по разделам"))
            #expect(home.body.contains("<svg"))
            #expect(home.body.contains("Демонстрационные данные"))
        }
    }

    @Test func logoutEndsTheSession() async throws {
        try await withDemoApp { app in
            var client = WebClient(app)
            try await client.login("admin")
            let out = try await client.post("/logout", form: [])
            #expect(out.status == .seeOther)
            let after = try await client.get("/")
            #expect(after.status == .seeOther)
        }
    }

    @Test func passportPlanAndAnalysisAreShown() async throws {
        try await withDemoApp { app in
            var client = WebClient(app)
            try await client.login("observer")
            let passport = try await client.get("/programme")
            #expect(passport.status == .ok)
            #expect(passport.body.contains("Мониторинг по отдельному плану"))
            #expect(passport.body.contains("МКУ Управление образования, МКУ Методический центр"))
            #expect(passport.body.contains("МБОУ Биритская СОШ, МБОУ Кумарейская СОШ"))
            let plan = try await client.get("/plan")
            #expect(plan.status == .ok)
            // 2.5's one task spans three years, so it shows in each year's column.
            let task = "Системное использование здоровьесберегающих технологий в учебном процессе"
            #expect(plan.body.components(separatedBy: task).count - 1 == 3)
            #expect(plan.body.contains("Прогнозируемый результат"))
        }
    }

    @Test func everyMeasureOfTheSeedIsFoundByAWordOfItsText() async throws {
        try await withDemoApp { app in
            // setup
            var client = WebClient(app)
            try await client.login("metodist")
            let template = try ProgrammeTemplate.balagansky()
            for direction in template.directions {
                for measure in direction.measures {
                    // the longest word of the name, in capitals, with ё: the search ignores case and ё/е
                    let word = measure.name.split(whereSeparator: { !$0.isLetter }).max { $0.count < $1.count }!
                    // act
                    let page = try await client.get("/measures?school=municipal&q=" + WebClient.encode(String(word).uppercased()))
                    // check
                    #expect(page.status == .ok)
                    #expect(page.body.contains(HTMLEscape.text(measure.name)), "not found by «\(word)»: \(measure.name)")
                }
            }
        }
    }

    @Test func filtersNarrowTheTableAndCountsFollow() async throws {
        try await withDemoApp { app in
            var client = WebClient(app)
            try await client.login("metodist")
            // The municipal plan: 46 measures, all planned; the two with 2020 deadlines are overdue on 01.03.2021.
            let all = try await client.get("/measures?school=municipal")
            #expect(all.body.contains("Всего: 46"))
            #expect(all.body.contains("Просрочено: 2"))
            let overdue = try await client.get("/measures?school=municipal&overdue=1")
            #expect(overdue.body.contains("Найдено: 2 мероприятия."))
            let section2 = try await client.get("/measures?school=municipal&section=2")
            #expect(section2.body.contains("Найдено: 10 мероприятий."))
            let none = try await client.get("/measures?q=" + WebClient.encode("несуществующееслово"))
            #expect(none.body.contains("Ничего не найдено"))
        }
    }

    @Test func errorPagesAreRussian() async throws {
        try await withDemoApp { app in
            var client = WebClient(app)
            try await client.login("metodist")
            let missing = try await client.get("/measures/\(UUID().uuidString)")
            #expect(missing.status == .notFound)
            #expect(missing.body.contains("Такого мероприятия нет."))
            let forbidden = try await client.get("/audit")
            #expect(forbidden.status == .forbidden)
            #expect(forbidden.body.contains("Доступ запрещён"))
            let unknown = try await client.get("/no-such-page")
            #expect(unknown.status == .notFound)
            #expect(unknown.body.contains("Страница не найдена"))
        }
    }
}
