import Fluent
import Foundation
import OporaDomain
import Vapor

/// What happens to an account after it is made: its owner's password and e-mail address, and an
/// administrator's changes (role and school, deactivation, a new one-time password, unlocking the
/// sign-in). Each change is one transaction with its audit entry; a refused one changes nothing.
enum AccountChanges {
    // MARK: - The owner's own

    /// Replaces the owner's password; the owner's other sessions end (`keepSession` is the one in use).
    static func changeOwnPassword(userID: UUID, current: String, new: String, repeated: String, keepSession: String?,
                                  actor: CurrentUser, hasher: AsyncPasswordHasher, on db: any Database) async throws -> FieldErrors {
        var errors = FieldErrors()
        guard let user = try await User.find(userID, on: db) else { throw Abort(.notFound) }
        // Guesses of the current password count as failed sign-ins: a stolen session cannot try on.
        if try await isLocked(user.login, at: Date(), on: db) {
            errors.add("current", "Слишком много неверных попыток. Попробуйте через 15 минут.")
            return errors
        }
        if !((try? await hasher.verify(current, created: user.passwordHash)) ?? false) {
            errors.add("current", "Текущий пароль указан неверно.")
            let failure = LoginFailure()
            failure.login = user.login
            failure.address = "смена пароля"
            try await failure.create(on: db)
        }
        if let problem = PasswordPolicy.problem(new, login: user.login) { errors.add("password", problem) }
        else if new == current { errors.add("password", "Новый пароль совпадает с текущим.") }
        if errors["password"] == nil, new != repeated { errors.add("repeat", "Пароли не совпадают.") }
        guard errors.isEmpty else { return errors }
        let hash = try await hasher.hash(new)
        try await db.transaction { db in
            user.passwordHash = hash
            user.mustChangePassword = false
            try await user.save(on: db)
            try await SessionStore.end(userID: userID, except: keepSession, on: db)
            try await Audit.record(db, user: actor, action: "user.password", entityType: "user", entityID: userID,
                                   municipalityID: user.$municipality.id, summary: "Пользователь \(user.login) сменил пароль")
        }
        return errors
    }

    /// Sets or clears the owner's e-mail address and how often reminders come.
    static func setReminders(userID: UUID, email raw: String, frequency rawFrequency: String, actor: CurrentUser,
                             on db: any Database) async throws -> FieldErrors {
        var errors = FieldErrors()
        let email = raw.trimmingCharacters(in: .whitespaces)
        if !email.isEmpty, !isEmailAddress(email) {
            errors.add("email", "Адрес электронной почты — вида имя@домен.ru, без пробелов.")
        }
        let frequency = ReminderFrequency(rawValue: rawFrequency)
        if frequency == nil { errors.add("reminders", "Выберите, как часто присылать напоминания.") }
        guard errors.isEmpty, let frequency, let user = try await User.find(userID, on: db) else { return errors }
        let before = ["Почта": user.email ?? "", "Напоминания": ReminderFrequency(rawValue: user.reminders)?.russian ?? user.reminders]
        let after = ["Почта": email, "Напоминания": frequency.russian]
        guard before != after else { return errors }
        try await db.transaction { db in
            user.email = email.isEmpty ? nil : email
            user.reminders = frequency.rawValue
            try await user.save(on: db)
            try await Audit.record(db, user: actor, action: "user.email", entityType: "user", entityID: userID,
                                   municipalityID: user.$municipality.id, summary: "Почта и напоминания пользователя \(user.login) изменены",
                                   before: before, after: after)
        }
        return errors
    }

    /// One `@`, a local part, a domain with a dot and no empty label, no spaces, at most 254 characters.
    static func isEmailAddress(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard s.count <= 254, parts.count == 2, !parts[0].isEmpty,
              !s.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F || "<>,;\\\"".unicodeScalars.contains($0) })
        else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
    }

    // MARK: - An administrator's

    /// A new role (and school, for a coordinator) for a user the administrator manages.
    static func changeRole(of user: User, to role: Role, schoolID: UUID?, by admin: CurrentUser, on db: any Database) async throws -> FieldErrors {
        var errors = FieldErrors()
        var school: School?
        if admin.access.isRegional {
            if role.worksForOneSchool { errors.add("role", "В регионе — администратор, методист или наблюдатель.") }
        } else if role.worksForOneSchool {
            school = try await schoolID.asyncFlatMap { try await School.find($0, on: db) }
            if school?.$municipality.id != admin.municipalityID { errors.add("schoolID", "Выберите школу координатора из списка.") }
        }
        if user.id == admin.id, role != .admin { errors.add("role", "Свою роль администратора изменить нельзя: это сделает другой администратор.") }
        if user.role == .admin, role != .admin, user.isActive, try await activeAdmins(like: user, on: db) <= 1 {
            errors.add("role", "Это последний администратор: сначала назначьте другого.")
        }
        guard errors.isEmpty else { return errors }
        // Nothing changes: no audit entry, and the user's sessions go on.
        if user.role == role, user.$school.id == (role.worksForOneSchool ? school?.id : nil) { return errors }
        let before = title(user)
        let chosen = school
        try await db.transaction { db in
            user.role = role
            user.$school.id = role.worksForOneSchool ? chosen?.id : nil
            try await user.save(on: db)
            try await SessionStore.end(userID: try user.requireID(), on: db)
            try await Audit.record(db, user: admin, action: "user.role", entityType: "user", entityID: user.id,
                                   municipalityID: user.$municipality.id, summary: "Изменена роль пользователя \(user.login)",
                                   before: ["Роль": before], after: ["Роль": title(user) + (chosen.map { ", \($0.name)" } ?? "")])
        }
        return errors
    }

    /// Deactivates (the user's sessions end and API tokens are revoked at once; the audit keeps the
    /// name) or reactivates a user. Nobody deactivates themselves or the last active administrator.
    static func setActive(_ user: User, _ active: Bool, by admin: CurrentUser?, at now: Date, on db: any Database) async throws -> FieldErrors {
        var errors = FieldErrors()
        if !active, user.id == admin?.id { errors.add("active", "Себя отключить нельзя.") }
        else if !active, user.role == .admin, user.isActive, try await activeAdmins(like: user, on: db) <= 1 {
            errors.add("active", "Это последний администратор: его отключить нельзя.")
        }
        guard errors.isEmpty, user.isActive != active else { return errors }
        try await db.transaction { db in
            user.isActive = active
            try await user.save(on: db)
            if !active {
                let id = try user.requireID()
                try await SessionStore.end(userID: id, on: db)
                try await APIToken.query(on: db).filter(\.$user.$id == id).filter(\.$revokedAt == nil).set(\.$revokedAt, to: now).update()
            }
            try await Audit.record(db, user: admin, action: active ? "user.enable" : "user.disable", entityType: "user", entityID: user.id,
                                   municipalityID: user.$municipality.id,
                                   summary: active ? "Пользователь \(user.login) снова может входить" : "Пользователь \(user.login) отключён",
                                   before: ["Состояние": active ? "отключён" : "действует"], after: ["Состояние": active ? "действует" : "отключён"])
        }
        return errors
    }

    /// A new one-time password, shown once; the user's sessions end and the sign-in is unlocked.
    /// With `chosen` (the command line's `user passwd --password`), that password, checked by the
    /// policy and not one-time; answers the password set.
    static func resetPassword(_ user: User, to chosen: String? = nil, by admin: CurrentUser?, hasher: AsyncPasswordHasher,
                              on db: any Database) async throws -> Result<String, FieldErrors> {
        if let chosen, let problem = PasswordPolicy.problem(chosen, login: user.login) {
            var errors = FieldErrors()
            errors.add("password", problem)
            return .failure(errors)
        }
        let password = chosen ?? UserAccounts.generatedPassword()
        let hash = try await hasher.hash(password)
        try await db.transaction { db in
            user.passwordHash = hash
            user.mustChangePassword = chosen == nil
            try await user.save(on: db)
            try await SessionStore.end(userID: try user.requireID(), on: db)
            try await LoginFailure.query(on: db).filter(\.$login == user.login).delete()
            try await Audit.record(db, user: admin, action: "user.reset", entityType: "user", entityID: user.id,
                                   municipalityID: user.$municipality.id,
                                   summary: chosen == nil ? "Пользователю \(user.login) выдан временный пароль" : "Пароль пользователя \(user.login) заменён")
        }
        return .success(password)
    }

    /// Forgets the failed sign-ins of the user's login, so the lockout ends now.
    static func unlock(_ user: User, by admin: CurrentUser, on db: any Database) async throws {
        try await db.transaction { db in
            try await LoginFailure.query(on: db).filter(\.$login == user.login).delete()
            try await Audit.record(db, user: admin, action: "user.unlock", entityType: "user", entityID: user.id,
                                   municipalityID: user.$municipality.id, summary: "Вход пользователя \(user.login) разблокирован")
        }
    }

    /// Whether the user's login is locked now by failed sign-ins.
    static func isLocked(_ login: String, at now: Date, on db: any Database) async throws -> Bool {
        try await LoginFailure.query(on: db).filter(\.$login == login)
            .filter(\.$createdAt >= now.addingTimeInterval(-SignIn.lockout)).count() >= SignIn.failuresPerLogin
    }

    /// Active administrators of the same place (municipality or region) as `user`.
    private static func activeAdmins(like user: User, on db: any Database) async throws -> Int {
        let q = User.query(on: db).filter(\.$role == .admin).filter(\.$isActive == true)
        if let m = user.$municipality.id { q.filter(\.$municipality.$id == m) }
        else { q.filter(\.$municipality.$id == nil).filter(\.$region.$id == user.$region.id) }
        return try await q.count()
    }

    static func title(_ user: User) -> String {
        Access(role: user.role, municipalityID: user.$municipality.id?.uuidString, schoolID: user.$school.id?.uuidString,
               regionID: user.$region.id?.uuidString).russianTitle
    }
}
