import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The token every form carries as `_csrf`, checked on every state-changing web request. A signed-in
/// user's is one random token kept in the session. A visitor who is not signed in has no session
/// (none is stored for them): the sign-in form carries a signed double-submit token instead — a random
/// value in a cookie of its own and, in the form, its HMAC under the server's key, which no other site
/// can compute. The API is exempt: it uses bearer tokens, not cookies.
enum CSRF {
    static let sessionKey = "csrf"
    static let fieldName = "_csrf"
    /// Behind HTTPS the cookie is `__Host-`: no other host (a sibling subdomain) can set it.
    static func cookieName(_ req: Request) -> String { req.opora.secureCookies ? "__Host-opora_form" : "opora_form" }

    /// The form cookie the request carries; an empty one is none.
    static func nonce(_ req: Request) -> String? {
        req.cookies[cookieName(req)]?.string.nilIfEmpty
    }
    static let refused = "Форма устарела или отправлена не со страницы Опоры. Обновите страницу и повторите."

    /// A new value for this response's `opora_form` cookie.
    struct NewNonceKey: StorageKey { typealias Value = String }

    static func token(for req: Request) async throws -> String {
        if signedIn(req) { return sessionToken(for: req) }
        let nonce = Self.nonce(req) ?? req.storage[NewNonceKey.self] ?? {
            let fresh = [UInt8].random(count: 24).base64String()
            req.storage[NewNonceKey.self] = fresh
            return fresh
        }()
        return try await signed(nonce, req)
    }

    /// The session's token, made at sign-in.
    static func sessionToken(for req: Request) -> String {
        if let existing = req.session.data[sessionKey] { return existing }
        let token = [UInt8].random(count: 24).base64String()
        req.session.data[sessionKey] = token
        return token
    }

    static func signedIn(_ req: Request) -> Bool {
        req.hasSession && req.session.data[SessionUserAuthenticator.key] != nil
    }

    static func signed(_ nonce: String, _ req: Request) async throws -> String {
        let key = try await ServerKey.formKey(req.application, on: req.db)
        return Data(HMAC<SHA256>.authenticationCode(for: Data(nonce.utf8), using: key)).base64EncodedString()
    }

    /// What the form must carry: the session's token, or the signature of the form cookie; nil when
    /// the request has neither, so no form of it can be right.
    static func expected(_ req: Request) async throws -> String? {
        if signedIn(req) { return req.session.data[sessionKey] }
        guard let nonce = Self.nonce(req) else { return nil }
        return try await signed(nonce, req)
    }

    static func equal(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && zip(a.utf8, b.utf8).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// The server's secret for signing form tokens: one random key made by the migration, the same on
/// every instance, read once per process.
final class ServerKey: Model, @unchecked Sendable {
    static let schema = "server_keys"
    static let formKeyName = "form-token"
    @ID(custom: "name", generatedBy: .user) var id: String?
    @Field(key: "value") var value: String

    init() {}
    init(name: String, value: String) {
        self.id = name
        self.value = value
    }

    struct CacheKey: StorageKey { typealias Value = NIOLockedValueBox<SymmetricKey?> }

    static func formKey(_ app: Application, on db: any Database) async throws -> SymmetricKey {
        // Made in `configure`, before any request: requests only read the storage.
        let box = app.storage[CacheKey.self]!
        if let key = box.withLockedValue({ $0 }) { return key }
        guard let row = try await ServerKey.find(formKeyName, on: db), let bytes = Data(base64Encoded: row.value) else {
            throw Abort(.internalServerError, reason: "Нет ключа форм: база данных не обновлена (opora migrate).")
        }
        let key = SymmetricKey(data: bytes)
        box.withLockedValue { $0 = key }
        return key
    }
}

struct CSRFMiddleware: AsyncMiddleware {
    private struct Field: Decodable {
        var _csrf: String?
    }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if req.method == .POST {
            // Without a token to match, refuse before reading any body.
            guard let expected = try await CSRF.expected(req) else { throw Abort(.forbidden, reason: CSRF.refused) }
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
            guard let sent = try Self.token(in: body, of: req), CSRF.equal(sent, expected) else {
                throw Abort(.forbidden, reason: CSRF.refused)
            }
        }
        let response = try await next.respond(to: req)
        if let nonce = req.storage[CSRF.NewNonceKey.self] {
            response.cookies[CSRF.cookieName(req)] = HTTPCookies.Value(string: nonce, expires: nil, maxAge: nil, path: "/",
                                                                  isSecure: req.opora.secureCookies, isHTTPOnly: true, sameSite: .lax)
        }
        return response
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

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
