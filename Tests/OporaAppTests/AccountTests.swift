import Fluent
import Foundation
@testable import OporaApp
import OporaDomain
import Testing
import Vapor
import VaporTesting

/// Accounts in the browser: an administrator adds, changes, deactivates, resets and unlocks; every
/// user changes the own password and e-mail address. Refusals change nothing.
@Suite struct AccountTests {
    @Test func aCoordinatorMadeInTheBrowserSetsAPasswordAtFirstSignInAndIsLaterThrownOut() async throws {
        try await withDemoApp { app in
            var admin = WebClient(app)
            try await admin.login("admin")
            let school = try await Fixtures.school("bal-03", app)
            let made = try await admin.post("/admin/users", form: [("login", "Novaya.Koord"), ("fullName", "Новая Н. Н."), ("role", "school"),
                                                                    ("schoolID", school.id!.uuidString), ("email", "novaya@example.ru")])
            #expect(made.status == .ok)
            let password = try #require(WebClient.firstMatch(in: made.body, #"<code class="token">([^<]+)</code>"#))
            #expect(made.body.contains("novaya.koord"))
            let stored = try await Fixtures.user("novaya.koord", app)
            #expect(stored.mustChangePassword && stored.email == "novaya@example.ru" && stored.$school.id == school.id)

            var coordinator = WebClient(app)
            let signIn = try await coordinator.login("novaya.koord", password: password)
            #expect(signIn.location == "/account")
            // Every other page leads to «Мой профиль» until the password is replaced; no change is accepted.
            #expect(try await coordinator.get("/measures").location == "/account")
            #expect(try await coordinator.post("/account/email", form: [("email", "x@y.ru")]).status == .forbidden)
            let profile = try await coordinator.get("/account")
            #expect(profile.body.contains("Вы вошли с временным паролем"))
            // Weak passwords are refused with the reason, and nothing changes.
            for (new, repeated, field, message) in [("короткий", "короткий", "password", "не короче 10"),
                                                    ("novaya.koord-2025", "novaya.koord-2025", "password", "не должен содержать логин"),
                                                    ("1q2w3e4r5t", "1q2w3e4r5t", "password", "слишком распространён"),
                                                    ("Длинный-пароль-1", "Другой-пароль-2", "repeat", "не совпадают")] {
                let refused = try await coordinator.post("/account/password", form: [("current", password), ("password", new), ("repeat", repeated)])
                #expect(refused.status == .unprocessableEntity, "\(field)")
                #expect(refused.body.contains(message))
            }
            let wrongCurrent = try await coordinator.post("/account/password", form: [("current", "не тот"), ("password", "Длинный-пароль-1"), ("repeat", "Длинный-пароль-1")])
            #expect(wrongCurrent.body.contains("Текущий пароль указан неверно"))
            #expect(try await Fixtures.user("novaya.koord", app).mustChangePassword)
            let changed = try await coordinator.post("/account/password", form: [("current", password), ("password", "Длинный-пароль-1"), ("repeat", "Длинный-пароль-1")])
            #expect(changed.location == "/")
            let home = try await coordinator.get("/")
            #expect(home.status == .ok && home.body.contains("Пароль изменён"))
            #expect(try await Fixtures.user("novaya.koord", app).mustChangePassword == false)
            // The one-time password no longer works; the new one does.
            var later = WebClient(app)
            #expect(try await later.login("novaya.koord", password: password).status == .unauthorized)
            #expect(try await later.login("novaya.koord", password: "Длинный-пароль-1").status == .seeOther)

            // Deactivated: thrown out at the next request.
            #expect(try await admin.post("/admin/users/\(stored.id!.uuidString)/disable", form: []).status == .seeOther)
            #expect(try await coordinator.get("/").location?.hasPrefix("/login") == true)
            #expect(try await later.get("/measures").location?.hasPrefix("/login") == true)
            let actions = Set(try await AuditEntry.query(on: app.db).filter(\.$entityID == stored.id!).all().map(\.action))
            #expect(actions == ["user.create", "user.password", "user.disable"])
        }
    }

    @Test func changingTheOwnPasswordEndsTheOtherSessions() async throws {
        try await withDemoApp { app in
            var here = WebClient(app)
            var there = WebClient(app)
            try await here.login("metodist")
            try await there.login("metodist")
            _ = try await here.get("/account")
            let r = try await here.post("/account/password", form: [("current", DemoData.password), ("password", "Новый-пароль-методиста"), ("repeat", "Новый-пароль-методиста")])
            #expect(r.location == "/account")
            #expect(try await here.get("/").status == .ok)
            #expect(try await there.get("/").location?.hasPrefix("/login") == true)
            // The e-mail address: a wrong one is refused and kept in the field; a right one saved.
            let bad = try await here.post("/account/email", form: [("email", "не адрес")])
            #expect(bad.status == .unprocessableEntity && bad.body.contains("value=\"не адрес\""))
            #expect(try await Fixtures.user("metodist", app).email == "metodist@example.org", "a refused address changes nothing")
            #expect(try await here.post("/account/email", form: [("email", "metodist@example.ru")]).status == .seeOther)
            #expect(try await Fixtures.user("metodist", app).email == "metodist@example.ru")
        }
    }

    @Test func anAdministratorCannotLockOutTheMunicipalityOrReachAnotherOnesUsers() async throws {
        try await withDemoApp { app in
            var admin = WebClient(app)
            try await admin.login("admin")
            let me = try await Fixtures.user("admin", app)
            let selfOff = try await admin.post("/admin/users/\(me.id!.uuidString)/disable", form: [])
            #expect(selfOff.status == .unprocessableEntity && selfOff.body.contains("Себя отключить нельзя"))
            let demote = try await admin.post("/admin/users/\(me.id!.uuidString)/role", form: [("role", "methodist"), ("schoolID", "")])
            #expect(demote.status == .unprocessableEntity)
            let after = try await Fixtures.user("admin", app)
            #expect(after.role == .admin && after.isActive)
            // The region's users are not the municipality's administrator's: not even shown to exist.
            let regional = try await Fixtures.user("region", app)
            #expect(try await admin.get("/admin/users/\(regional.id!.uuidString)").status == .notFound)
            #expect(try await admin.post("/admin/users/\(regional.id!.uuidString)/reset", form: []).status == .notFound)
            // A methodist has no users page at all.
            var methodist = WebClient(app)
            try await methodist.login("metodist")
            #expect(try await methodist.get("/admin/users").status == .forbidden)
            let mine = try await Fixtures.user("metodist", app)
            #expect(try await methodist.post("/admin/users/\(mine.id!.uuidString)/reset", form: []).status == .forbidden)
            // A coordinator needs a school of the municipality.
            let noSchool = try await admin.post("/admin/users", form: [("login", "k2"), ("fullName", "К"), ("role", "school"), ("schoolID", ""), ("email", "")])
            #expect(noSchool.status == .unprocessableEntity && noSchool.body.contains("value=\"k2\""))
            #expect(try await User.query(on: app.db).filter(\.$login == "k2").count() == 0)
        }
    }

    @Test func aResetGivesAOneTimePasswordAndUnlockEndsTheLockout() async throws {
        try await withDemoApp { app in
            var guesser = WebClient(app)
            for _ in 0..<SignIn.failuresPerLogin { _ = try await guesser.login("metodist", password: "неверный") }
            #expect(try await guesser.login("metodist").status == .tooManyRequests)
            var admin = WebClient(app)
            try await admin.login("admin")
            let methodist = try await Fixtures.user("metodist", app)
            let page = try await admin.get("/admin/users/\(methodist.id!.uuidString)")
            #expect(page.body.contains("вход заблокирован"))
            #expect(try await admin.post("/admin/users/\(methodist.id!.uuidString)/unlock", form: []).status == .seeOther)
            #expect(try await guesser.login("metodist").status == .seeOther)
            let reset = try await admin.post("/admin/users/\(methodist.id!.uuidString)/reset", form: [])
            let password = try #require(WebClient.firstMatch(in: reset.body, #"<code class="token">([^<]+)</code>"#))
            // The reset ends the user's sessions; the old password is gone, the one-time one leads to «Мой профиль».
            #expect(try await guesser.get("/").location?.hasPrefix("/login") == true)
            var fresh = WebClient(app)
            #expect(try await fresh.login("metodist").status == .unauthorized)
            #expect(try await fresh.login("metodist", password: password).location == "/account")
        }
    }

    @Test func guessesOfTheCurrentPasswordLockLikeFailedSignIns() async throws {
        try await withDemoApp { app in
            var thief = WebClient(app)
            try await thief.login("metodist")
            _ = try await thief.get("/account")
            for _ in 0..<SignIn.failuresPerLogin {
                let r = try await thief.post("/account/password", form: [("current", "угадываю"), ("password", "Новый-пароль-вора"), ("repeat", "Новый-пароль-вора")])
                #expect(r.body.contains("Текущий пароль указан неверно"))
            }
            // Now even the right one is not tried, and signing in is locked too.
            let right = try await thief.post("/account/password", form: [("current", DemoData.password), ("password", "Новый-пароль-вора"), ("repeat", "Новый-пароль-вора")])
            #expect(right.status == .unprocessableEntity && right.body.contains("Слишком много неверных попыток"))
            var owner = WebClient(app)
            #expect(try await owner.login("metodist").status == .tooManyRequests)
        }
    }

    @Test func thePasswordPolicyRefusesShortLoginAndCommonPasswords() {
        #expect(PasswordPolicy.common.count == 1000)
        #expect(PasswordPolicy.problem("123456789", login: "anna") != nil)
        #expect(PasswordPolicy.problem("QWERTYUIOP", login: "anna") != nil)
        #expect(PasswordPolicy.problem("anna-2025-spring", login: "Anna") != nil)
        #expect(PasswordPolicy.problem("весенний-ветер-7", login: "anna") == nil)
        #expect(AccountChanges.isEmailAddress("a.b@school.irk.ru"))
        #expect(!AccountChanges.isEmailAddress("a@b") && !AccountChanges.isEmailAddress("a b@c.ru") && !AccountChanges.isEmailAddress("@c.ru"))
        #expect(!AccountChanges.isEmailAddress("a\u{0}b@c.ru") && !AccountChanges.isEmailAddress("a@c.ru\r\nBcc: x@y.ru"))
    }
}
