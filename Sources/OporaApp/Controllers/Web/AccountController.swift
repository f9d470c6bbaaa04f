import OporaDomain
import Vapor

/// «Мой профиль»: every signed-in user's own password and e-mail address.
enum AccountController {
    struct PasswordForm: Content {
        var current: String
        var password: String
        var `repeat`: String
    }

    struct EmailForm: Content {
        var email: String
        var reminders: String?
    }

    static func show(_ req: Request) async throws -> Response {
        try await render(req, failed: nil)
    }

    static func render(_ req: Request, failed: FailedForm?) async throws -> Response {
        let user = try req.currentUser()
        let stored = try await User.find(user.id, on: req.db)
        return AccountView.render(try await PageContext.make(req), email: stored?.email ?? "", reminders: stored?.reminders ?? "weekly",
                                  sendsLetters: req.opora.smtp != nil, failed: failed)
    }

    static func save(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        switch req.parameters.get("form") {
        case "password":
            let form = try req.content.decode(PasswordForm.self)
            let errors = try await AccountChanges.changeOwnPassword(userID: user.id, current: form.current, new: form.password, repeated: form.repeat,
                                                                    keepSession: req.session.id?.string, actor: user,
                                                                    hasher: req.password.async, on: req.db)
            // Passwords are never handed back to the page.
            guard errors.isEmpty else { return try await render(req, failed: FailedForm(form: "password", values: [:], errors: errors)) }
            if user.mustChangePassword {
                req.auth.login({ var u = user; u.mustChangePassword = false; return u }())
                Notice.set("Пароль изменён. Остальные страницы Опоры открыты.", on: req)
                return req.redirect(to: SiteURL.home.path)
            }
            Notice.set("Пароль изменён. Вход на других устройствах завершён.", on: req)
            return req.redirect(to: SiteURL.account.path)
        case "email":
            guard !user.mustChangePassword else { throw Abort(.forbidden) }
            let form = try req.content.decode(EmailForm.self)
            let errors = try await AccountChanges.setReminders(userID: user.id, email: form.email, frequency: form.reminders ?? "weekly", actor: user, on: req.db)
            guard errors.isEmpty else {
                return try await render(req, failed: FailedForm(form: "email", values: ["email": form.email, "reminders": form.reminders ?? ""], errors: errors))
            }
            return Notice.saved(req, to: SiteURL.account.path)
        default:
            throw Abort(.notFound)
        }
    }
}
