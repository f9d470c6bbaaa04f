import Fluent
@testable import OporaApp
import OporaDomain
import Testing
import Vapor
import VaporTesting

@Suite struct CommandTests {
    @Test func userAddCreatesASchoolUserWhoCanSignIn() async throws {
        try await withDemoApp { app in
            // act
            let password = try await Launcher.addUser(app, login: "Novaya", fullName: "Новая Н. Н.", role: .school, schoolCode: "bal-05",
                                                      municipalityName: nil, password: nil)
            // check
            let user = try await Fixtures.user("novaya", app)
            #expect(user.$school.id == (try await Fixtures.school("bal-05", app)).id)
            #expect(password.count == 16)
            var client = WebClient(app)
            let page = try await client.login("novaya", password: password)
            #expect(page.status == .seeOther)
            await #expect(throws: Launcher.UserAddError.self) {
                try await Launcher.addUser(app, login: "novaya", fullName: "x", role: .methodist, schoolCode: nil, municipalityName: nil, password: "12345678")
            }
            await #expect(throws: Launcher.UserAddError.self) {
                try await Launcher.addUser(app, login: "x2", fullName: "x", role: .school, schoolCode: "нет-такой", municipalityName: nil, password: "12345678")
            }
        }
    }

    @Test func userAddCreatesARegionalUser() async throws {
        try await withDemoApp { app in
            _ = try await Launcher.addUser(app, login: "iro", fullName: "Методист ИРО", role: .methodist, schoolCode: nil,
                                           municipalityName: nil, regionName: "Иркутская область", password: "long-enough-1")
            let user = try await Fixtures.user("iro", app)
            #expect(user.$region.id != nil && user.$municipality.id == nil)
            #expect(try CurrentUser(user).access.isRegional)
            await #expect(throws: Launcher.UserAddError.self) {
                try await Launcher.addUser(app, login: "iro2", fullName: "x", role: .methodist, schoolCode: nil, municipalityName: nil,
                                           regionName: "Нет такой области", password: "12345678")
            }
            await #expect(throws: Launcher.UserAddError.self) {
                try await Launcher.addUser(app, login: "iro3", fullName: "x", role: .school, schoolCode: "bal-05", municipalityName: nil,
                                           regionName: "Иркутская область", password: "12345678")
            }
        }
    }

    @Test func usersAreListedGivenPasswordsDisabledAndEnabledFromTheCommandLine() async throws {
        try await withDemoApp { app in
            let list = try await Launcher.listUsers(app)
            #expect(list.hasPrefix("Логин") && list.contains("metodist") && list.contains("Методист") && list.contains("не входил(а)"))
            var web = WebClient(app)
            try await web.login("metodist")
            await #expect(throws: Launcher.UserAddError.self) { try await Launcher.setPassword(app, login: "metodist", password: "qwertyuiop") }
            #expect(try await Launcher.setPassword(app, login: "metodist", password: "Пароль-из-консоли-1") == "Password of metodist changed.")
            #expect(try await web.get("/").location?.hasPrefix("/login") == true, "the user's sessions end")
            #expect(try await web.login("metodist", password: "Пароль-из-консоли-1").status == .seeOther)
            let temporary = try await Launcher.setPassword(app, login: "metodist", password: nil)
            let reset = try await Fixtures.user("metodist", app)
            #expect(temporary.contains("Temporary password") && reset.mustChangePassword)
            #expect(try await Launcher.setActive(app, login: "metodist", active: false).contains("disabled"))
            #expect(try await Launcher.listUsers(app).contains("отключён"))
            #expect(try await Launcher.setActive(app, login: "Metodist", active: true).contains("enabled"))
            await #expect(throws: Launcher.UserAddError.self) { try await Launcher.setActive(app, login: "nobody", active: false) }
            // The last administrator of the municipality stays.
            await #expect(throws: Launcher.UserAddError.self) { try await Launcher.setActive(app, login: "admin", active: false) }
            let actions = try await AuditEntry.query(on: app.db).filter(\.$action ~~ ["user.reset", "user.disable", "user.enable"]).all()
            #expect(actions.count == 4 && actions.allSatisfy { $0.userName == "система" })
        }
    }

    @Test func databaseURLsAreRead() throws {
        #expect(try AppConfig.parseDatabaseURL("", defaultSQLitePath: "opora.sqlite") == .sqliteFile("opora.sqlite"))
        #expect(try AppConfig.parseDatabaseURL("sqlite:///var/lib/opora/db.sqlite", defaultSQLitePath: "x") == .sqliteFile("/var/lib/opora/db.sqlite"))
        #expect(try AppConfig.parseDatabaseURL("postgres://u@h:5432/d", defaultSQLitePath: "x") == .postgres(url: "postgres://u@h:5432/d", schema: nil))
        #expect(throws: AppConfig.ConfigError.self) { try AppConfig.parseDatabaseURL("mysql://x", defaultSQLitePath: "x") }
    }

    @Test func programmesAreListedStartedActivatedAndClosedFromTheCommandLine() async throws {
        try await withDemoApp { app in
            let seed = try #require(try await Programme.query(on: app.db).first())
            #expect(try await Launcher.programmeList(app, municipalityName: nil).contains("2020–2022  active"))
            await #expect(throws: Launcher.CommandError.self) {
                try await Launcher.programmeCreate(app, municipalityName: nil, start: "template", firstYear: 2022, lastYear: 2024, name: nil, carryAll: false)
            }
            let unfinished = try await Programmes.unfinished(seed, on: app.db).count
            let created = try await Launcher.programmeCreate(app, municipalityName: nil, start: "previous", firstYear: 2023, lastYear: 2025, name: nil, carryAll: true)
            #expect(created.contains("\(unfinished) measures"))
            let draft = try #require(try await Programme.query(on: app.db).filter(\.$status == .draft).first())
            await #expect(throws: Launcher.CommandError.self) { try await Launcher.programmeActivate(app, id: draft.id!.uuidString) }
            await #expect(throws: Launcher.CommandError.self) { try await Launcher.programmeClose(app, id: seed.id!.uuidString, reason: nil) }
            #expect(try await Launcher.programmeClose(app, id: seed.id!.uuidString, reason: "Новая программа").contains("closed"))
            #expect(try await Launcher.programmeActivate(app, id: draft.id!.uuidString).contains("active"))
            let list = try await Launcher.programmeList(app, municipalityName: nil)
            #expect(list.contains("2023–2025  active") && list.contains("2020–2022  closed"))
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action ~~ ["programme.create", "programme.close", "programme.activate"]).all()
            #expect(audit.count == 3 && audit.allSatisfy { $0.userID == nil })

            // From a file: a dry run writes nothing; then the draft.
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("programme-\(UUID().uuidString).xlsx")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(try ProgrammeImport.templateWorkbook(municipality: "Балаганский район", years: 2026...2027)).write(to: file)
            let dry = try await Launcher.programmeImport(app, path: file.path, municipalityName: nil, firstYear: 2026, lastYear: 2027, name: nil, dryRun: true)
            #expect(dry.contains("Dry run") && dry.contains("measures"))
            #expect(try await Programme.query(on: app.db).count() == 2)
            let written = try await Launcher.programmeImport(app, path: file.path, municipalityName: nil, firstYear: 2026, lastYear: 2027, name: nil, dryRun: false)
            #expect(written.contains("Draft created"))
            #expect(try await Programme.query(on: app.db).count() == 3)
            await #expect(throws: Launcher.CommandError.self) {
                try await Launcher.programmeImport(app, path: file.path, municipalityName: nil, firstYear: 2026, lastYear: 2027, name: nil, dryRun: false)
            }
        }
    }
}
