import Foundation
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
            let body: ByteBuffer
            do {
                body = try await req.body.collect(max: limit).get() ?? ByteBuffer()
            } catch let abort as any AbortError where abort.status == .payloadTooLarge {
                throw BodyLimit.tooLarge(limit)
            }
            let sent = try Self.token(in: body, of: req)
            guard let sent,
                  sent.utf8.count == expected.utf8.count,
                  zip(sent.utf8, expected.utf8).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0
            else {
                throw Abort(.forbidden, reason: "Форма устарела или отправлена не со страницы Опоры. Обновите страницу и повторите.")
            }
        }
        return try await next.respond(to: req)
    }

    /// The `_csrf` field of the body. A multipart body is scanned, not decoded: its token is found
    /// without parsing megabytes, and its text fields together may not exceed a form's limit (only
    /// files are large), so no one makes the server decode a megabyte of form fields.
    static func token(in body: ByteBuffer, of req: Request) throws -> String? {
        guard let type = req.headers.contentType, type.type == "multipart", type.subType == "form-data" else {
            return (try? req.content.decode(Field.self))?._csrf
        }
        let data = Data(buffer: body)
        guard let boundary = type.parameters["boundary"], let parts = MultipartScan.parts(data, boundary: boundary) else { return nil }
        let text = parts.filter { !$0.isFile }.reduce(0) { $0 + $1.body.count }
        guard text <= BodyLimit.form.value else {
            throw Abort(.payloadTooLarge, reason: "Поля формы длиннее допустимого (вместе не больше \(BodyLimit.russian(BodyLimit.form.value)); большим может быть только файл). Ничего не изменено.")
        }
        return parts.first { $0.name == CSRF.fieldName && !$0.isFile }.map { String(decoding: data[$0.body], as: UTF8.self) }
    }
}
