import Fluent
import Foundation
@testable import OporaApp
import OporaDomain
import Testing
import Vapor

/// Who gets which letter (the sending itself goes through a real server in ops-tests/reminders.sh).
@Suite struct RemindersTests {
    @Test func aCoordinatorIsRemindedOfTheOwnSchoolAndAMethodistOfTheWholeMunicipality() async throws {
        let today = Day(year: 2022, month: 10, day: 1)!
        try await withDemoApp(today: today) { app in
            let now = Date()
            var config = app.opora
            config.publicURL = "https://opora.example.org"
            let (letters, _) = try await Reminders.letters(at: now, config: config, on: app.db)
            #expect(Set(letters.map(\.login)) == ["admin", "metodist", "biritskaya"], "the observer and the region get none; kumareyskaya has no address")
            let coordinator = try #require(letters.first { $0.login == "biritskaya" })
            let methodist = try #require(letters.first { $0.login == "metodist" })
            let school = try await Fixtures.school("bal-03", app)
            let own = try await Measure.query(on: app.db).filter(\.$school.$id == school.id!).filter(\.$status ~~ [.planned, .inProgress]).all()
                .filter { m in m.deadline.flatMap(Day.init).map { $0 <= today.adding(days: ReminderDigest.horizonDays) } ?? false }
            #expect(coordinator.measures == own.count && own.count > 0)
            #expect(own.allSatisfy { coordinator.message.text.contains("/measures/\($0.id!.uuidString)") })
            #expect(methodist.measures > coordinator.measures)
            #expect(coordinator.message.to == "biritskaya@example.org" && coordinator.message.text.contains("МБОУ Биритская СОШ"))
            // After a letter (weekly): nothing due for six days, then the next.
            for letter in letters { try await User.query(on: app.db).filter(\.$id == letter.userID).set(\.$remindedAt, to: now).update() }
            #expect(try await Reminders.letters(at: now.addingTimeInterval(6 * 86400), config: config, on: app.db).letters.isEmpty)
            #expect(try await Reminders.letters(at: now.addingTimeInterval(7 * 86400), config: config, on: app.db).letters.count == 3)
            // «Каждый день» and «Не присылать».
            let user = try await Fixtures.user("biritskaya", app)
            user.reminders = "daily"
            try await user.save(on: app.db)
            #expect(try await Reminders.letters(at: now.addingTimeInterval(86400), config: config, on: app.db).letters.map(\.login) == ["biritskaya"])
            user.reminders = "off"
            try await user.save(on: app.db)
            #expect(try await Reminders.letters(at: now.addingTimeInterval(30 * 86400), config: config, on: app.db).letters.count == 2)
        }
    }

    @Test func theMailSettingsAreCheckedAtStartAndTheMessageIsUTF8InBase64() throws {
        let ok = try AppConfig.fromEnvironment(["OPORA_SMTP_URL": "smtp://opora:p%40ss@mail.example.ru", "OPORA_SMTP_FROM": "opora@example.ru",
                                                "OPORA_PUBLIC_URL": "https://opora.example.ru/"])
        #expect(ok.smtp == SMTPSettings(host: "mail.example.ru", port: 587, security: .startTLS, username: "opora", password: "p@ss", from: "opora@example.ru"))
        #expect(ok.publicURL == "https://opora.example.ru")
        #expect(try AppConfig.fromEnvironment(["OPORA_SMTP_URL": "smtps://mail.example.ru", "OPORA_SMTP_FROM": "a@b.ru"]).smtp?.port == 465)
        for bad in [["OPORA_SMTP_URL": "mail.example.ru", "OPORA_SMTP_FROM": "a@b.ru"], ["OPORA_SMTP_URL": "smtp://mail.example.ru"],
                    ["OPORA_PUBLIC_URL": "opora.example.ru"], ["OPORA_TODAY": "вчера"]] {
            #expect(throws: AppConfig.ConfigError.self) { try AppConfig.fromEnvironment(bad) }
        }
        do {
            _ = try AppConfig.fromEnvironment(["OPORA_SMTP_URL": "ftp://u:secret@x", "OPORA_SMTP_FROM": "a@b.ru"])
            Issue.record("an ftp URL must be refused")
        } catch {
            #expect(!String(describing: error).contains("secret"), "the password is not printed")
        }
        let rendered = MailMessage(to: "a@b.ru", subject: "Опора: просрочено 1 мероприятие", text: "Строка\n.точка")
            .rendered(from: "opora@example.ru", date: Date(timeIntervalSince1970: 0), id: "x")
        #expect(rendered.contains("Subject: =?UTF-8?B?\(Data("Опора: просрочено 1 мероприятие".utf8).base64EncodedString())?="))
        #expect(rendered.contains("Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n"))
        let body = rendered.components(separatedBy: "\r\n\r\n")[1]
        #expect(String(decoding: Data(base64Encoded: body.replacingOccurrences(of: "\r\n", with: ""))!, as: UTF8.self) == "Строка\r\n.точка")
        #expect(!rendered.split(separator: "\r\n").contains { $0.hasPrefix(".") }, "no line starts with a dot")
    }
}
