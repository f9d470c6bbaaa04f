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

    static func login(_ req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let address = ClientAddress.of(req)
        let user: User
        switch try await SignIn.check(login: SignIn.normalised(form.login), password: form.password, address: address, now: req.opora.now(),
                                      hasher: req.password.async, on: req.db) {
        case .locked:
            let page = LoginView.render(try await PageContext.make(req), login: form.login, next: safeNext(form.next ?? ""),
                                        error: "Слишком много неудачных попыток входа. Вход временно закрыт: попробуйте через 15 минут.")
            page.status = .tooManyRequests
            page.headers.replaceOrAdd(name: "Retry-After", value: String(Int(SignIn.lockout)))
            return page
        case .refused:
            return LoginView.render(try await PageContext.make(req), login: form.login, next: safeNext(form.next ?? ""),
                                    error: "Неверный логин или пароль.")
        case .signedIn(let found):
            user = found
        }
        // A new session on login: a session id known before login is worth nothing after it.
        if let old = req.session.id {
            try await req.application.sessions.driver.deleteSession(old, for: req).get()
        }
        req.session.id = nil
        req.session.data = SessionData()
        req.session.data[SessionUserAuthenticator.key] = try user.requireID().uuidString
        _ = CSRF.sessionToken(for: req)
        user.lastSignInAt = req.opora.now()
        try await user.save(on: req.db)
        return req.redirect(to: user.mustChangePassword ? SiteURL.account.path : safeNext(form.next ?? ""))
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
