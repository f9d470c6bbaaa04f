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

    @Test func databaseURLsAreRead() throws {
        #expect(try AppConfig.parseDatabaseURL("", defaultSQLitePath: "opora.sqlite") == .sqliteFile("opora.sqlite"))
        #expect(try AppConfig.parseDatabaseURL("sqlite:///var/lib/opora/db.sqlite", defaultSQLitePath: "x") == .sqliteFile("/var/lib/opora/db.sqlite"))
        #expect(try AppConfig.parseDatabaseURL("postgres://u@h:5432/d", defaultSQLitePath: "x") == .postgres(url: "postgres://u@h:5432/d", schema: nil))
        #expect(throws: AppConfig.ConfigError.self) { try AppConfig.parseDatabaseURL("mysql://x", defaultSQLitePath: "x") }
    }
}
