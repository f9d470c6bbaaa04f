import Vapor

/// One random token per session, carried by every form as `_csrf` and checked on every
/// state-changing web request. The API is exempt: it uses bearer tokens, not cookies.
enum CSRF {
    static let sessionKey = "csrf"
    static let fieldName = "_csrf"

    static func token(for req: Request) -> String {
        if let existing = req.session.data[sessionKey] { return existing }
        let token = [UInt8].random(count: 24).base64String()
        req.session.data[sessionKey] = token
        return token
    }
}

struct CSRFMiddleware: AsyncMiddleware {
    private struct Field: Decodable {
        var _csrf: String?
    }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if req.method == .POST {
            // Without a session there is no token to match: refuse before reading any body.
            guard let expected = req.session.data[CSRF.sessionKey] else {
                throw Abort(.forbidden, reason: "Форма устарела или отправлена не со страницы Опоры. Обновите страницу и повторите.")
            }
            // A body larger than a form is read only for a signed-in user: nobody else can make
            // the server parse megabytes. Never more than the route's own limit is read.
            let limit = BodyLimit.of(req)
            if limit > BodyLimit.form.value, !req.auth.has(CurrentUser.self) {
                throw Abort(.unauthorized, reason: "Войдите в систему.")
            }
            // A streamed body arrives in pieces: read it whole before looking for the token in it.
            do {
                _ = try await req.body.collect(max: limit).get()
            } catch let abort as any AbortError where abort.status == .payloadTooLarge {
                throw BodyLimit.tooLarge(limit)
            }
            let sent = (try? req.content.decode(Field.self))?._csrf
            guard let sent,
                  sent.utf8.count == expected.utf8.count,
                  zip(sent.utf8, expected.utf8).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0
            else {
                throw Abort(.forbidden, reason: "Форма устарела или отправлена не со страницы Опоры. Обновите страницу и повторите.")
            }
        }
        return try await next.respond(to: req)
    }
}
