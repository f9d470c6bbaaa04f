import Fluent
import Foundation
import OporaDomain
import Vapor

/// `opora user list|passwd|disable|enable`: the accounts from the shell, as an administrator changes
/// them in the browser (the same changes, audited as «система»).
extension Launcher {
    /// Every user, by place and login: login, name, role, place, state, last sign-in.
    public static func listUsers(_ app: Application) async throws -> String {
        let users = try await User.query(on: app.db).with(\.$municipality).with(\.$region).with(\.$school).all()
        let rows = users.map { u -> [String] in
            let place = u.school?.name ?? u.municipality?.name ?? u.region?.name ?? "—"
            let state = u.isActive ? (u.mustChangePassword ? "действует, временный пароль" : "действует") : "отключён"
            return [u.login, u.fullName, AccountChanges.title(u), place, state, u.lastSignInAt.map(MeasureShowView.dateTime) ?? "не входил(а)"]
        }.sorted { ($0[3], $0[0]) < ($1[3], $1[0]) }
        let header = ["Логин", "Имя", "Роль", "Где", "Состояние", "Последний вход"]
        let widths = header.indices.map { i in ([header] + rows).map { $0[i].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.enumerated().map { i, cell in cell.padding(toLength: widths[i], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }

    /// A new password for a login: the given one (checked by the password policy), else a one-time one
    /// to be replaced at the next sign-in. The user's sessions end. Answers what to print.
    public static func setPassword(_ app: Application, login: String, password: String?) async throws -> String {
        let user = try await findUser(app, login: login)
        switch try await AccountChanges.resetPassword(user, to: password, by: nil, hasher: app.password.async, on: app.db) {
        case .success(let used):
            return password == nil ? "Temporary password of \(user.login) (to be replaced at the next sign-in): \(used)"
                                   : "Password of \(user.login) changed."
        case .failure(let errors):
            throw UserAddError.problem(errors.all.joined(separator: " "))
        }
    }

    /// Deactivates (sessions and API tokens end at once) or reactivates a login.
    public static func setActive(_ app: Application, login: String, active: Bool) async throws -> String {
        let user = try await findUser(app, login: login)
        let errors = try await AccountChanges.setActive(user, active, by: nil, at: Date(), on: app.db)
        guard errors.isEmpty else { throw UserAddError.problem(errors.all.joined(separator: " ")) }
        return active ? "User \(user.login) enabled." : "User \(user.login) disabled: sessions and API tokens ended."
    }

    private static func findUser(_ app: Application, login: String) async throws -> User {
        guard let user = try await User.query(on: app.db).filter(\.$login == SignIn.normalised(login)).first() else {
            throw UserAddError.problem("no user with login \(login)")
        }
        return user
    }
}

/// `opora remind`: the reminder letters due now, as `serve` sends them every hour.
extension Launcher {
    public static func remind(_ app: Application, dryRun: Bool) async throws -> String {
        if dryRun {
            let (letters, empty) = try await Reminders.letters(at: app.opora.now(), config: app.opora, on: app.db)
            let shown = letters.map { "To: \($0.message.to)\nSubject: \($0.message.subject)\n\n\($0.message.text)" }
            return (shown + ["\(letters.count) letters due; \(empty.count) users with nothing to be reminded of. Nothing sent (--dry-run)."])
                .joined(separator: "\n----\n")
        }
        let outcome = try await Reminders.run(app, now: app.opora.now())
        var lines = outcome.sent.map { "sent to \($0)" } + outcome.failed.map { "NOT sent to \($0) (tried again at the next run)" }
        lines.append("\(outcome.sent.count) letters sent, \(outcome.failed.count) not sent; \(outcome.empty) users with nothing to be reminded of.")
        if !outcome.failed.isEmpty { throw UserAddError.problem(lines.joined(separator: "\n")) }
        return lines.joined(separator: "\n")
    }
}
