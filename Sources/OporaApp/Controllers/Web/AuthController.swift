import Fluent
import OporaDomain
import Vapor

enum AuthController {
    struct LoginForm: Content {
        var login: String
        var password: String
        var next: String?
    }

    static func show(_ req: Request) async throws -> Response {
        if req.auth.has(CurrentUser.self) { return req.redirect(to: SiteURL.home.path) }
        let next = (try? req.query.get(String.self, at: "next")) ?? ""
        return LoginView.render(try await PageContext.make(req), login: "", next: safeNext(next), error: nil)
    }

    /// Failed sign-ins allowed within `lockout` for one login, and for one address (many logins).
    static let failuresPerLogin = 5
    static let failuresPerAddress = 30
    static let lockout: TimeInterval = 15 * 60

    static func login(_ req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let login = String(form.login.trimmingCharacters(in: .whitespaces).lowercased().prefix(100))
        let address = req.remoteAddress?.ipAddress ?? "unknown"
        // Guessing is slowed for everyone on every instance: the failures are in the database.
        let since = Date().addingTimeInterval(-lockout)
        let byLogin = try await LoginFailure.query(on: req.db).filter(\.$login == login).filter(\.$createdAt >= since).count()
        let byAddress = try await LoginFailure.query(on: req.db).filter(\.$address == address).filter(\.$createdAt >= since).count()
        if byLogin >= failuresPerLogin || byAddress >= failuresPerAddress {
            let page = LoginView.render(try await PageContext.make(req), login: form.login, next: safeNext(form.next ?? ""),
                                        error: "Слишком много неудачных попыток входа. Вход временно закрыт: попробуйте через 15 минут.")
            page.status = .tooManyRequests
            page.headers.replaceOrAdd(name: "Retry-After", value: String(Int(lockout)))
            return page
        }
        let user = try await User.query(on: req.db).filter(\.$login == login).first()
        // The hash is checked even for an unknown login, so timing does not tell which logins exist.
        let hash = user?.passwordHash ?? "$2b$10$abcdefghijklmnopqrstuuJ1Ls8bT0nJp8RZ3zv7CVd6aZ0qY5x7G"
        let ok = (try? await req.password.async.verify(form.password, created: hash)) ?? false
        guard let user, ok, user.isActive else {
            let failure = LoginFailure()
            failure.login = login
            failure.address = address
            try await failure.create(on: req.db)
            return LoginView.render(try await PageContext.make(req), login: form.login, next: safeNext(form.next ?? ""),
                                    error: "Неверный логин или пароль.")
        }
        try await LoginFailure.query(on: req.db).filter(\.$login == login).delete()
        // A new session on login: a session id known before login is worth nothing after it.
        if let old = req.session.id {
            try await req.application.sessions.driver.deleteSession(old, for: req).get()
        }
        req.session.id = nil
        req.session.data = SessionData()
        req.session.data[SessionUserAuthenticator.key] = try user.requireID().uuidString
        _ = CSRF.token(for: req)
        return req.redirect(to: safeNext(form.next ?? ""))
    }

    static func logout(_ req: Request) async throws -> Response {
        req.auth.logout(CurrentUser.self)
        req.session.destroy()
        return req.redirect(to: SiteURL.login.path)
    }

    /// Only a local path: a login link must not send the user to another site.
    static func safeNext(_ next: String) -> String {
        let plain = next.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F && $0 != "\\" }
        guard plain, next.hasPrefix("/"), !next.hasPrefix("//"), let url = URLComponents(string: next), url.scheme == nil, url.host == nil
        else { return SiteURL.home.path }
        return next
    }
}
