import Vapor

/// How large a request body each route accepts, decided before any of it is read. Routes take
/// the application's default (forms) unless registered with `post(_:limit:use:)`; the limit is
/// kept in the route's `userInfo`, so the middleware and the CSRF check see the same number.
enum BodyLimit {
    /// Sign-in: a login, a password, a token and a return address.
    static let signIn: ByteCount = "8kb"
    /// Every ordinary form (the application's default).
    static let form: ByteCount = "64kb"
    /// The programme editor: a passport and an analysis are pages of Russian text, sent percent-encoded
    /// at six bytes a letter (the seed's passport form is 46 KB).
    static let programmeText: ByteCount = "512kb"
    /// A form with one evidence or practice file (20 MB) and its fields.
    static let upload: ByteCount = "21mb"
    /// An imported table.
    static let importFile: ByteCount = "50mb"

    static let userInfoKey = "opora.bodyLimit"

    /// The limit of the route the request was routed to.
    static func of(_ req: Request) -> Int {
        (req.route?.userInfo[AnySendableHashable(userInfoKey)] as? Int) ?? req.application.routes.defaultMaxBodySize.value
    }

    /// «8 КБ», «21 МБ»
    static func russian(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 ? "\(bytes / (1024 * 1024)) МБ" : "\(max(1, bytes / 1024)) КБ"
    }

    static func tooLarge(_ limit: Int) -> Abort {
        Abort(.payloadTooLarge, reason: "Запрос больше допустимого для этой страницы размера (\(russian(limit))). Ничего не изменено.")
    }
}

extension RoutesBuilder {
    /// A POST route whose body may be up to `limit`, read only after the route's checks.
    @discardableResult
    func post<R: AsyncResponseEncodable & VaporSendableMetatype>(_ path: [PathComponent], limit: ByteCount,
                                    use closure: @Sendable @escaping (Request) async throws -> R) -> Route {
        on(.POST, path, limit: limit, use: closure)
    }

    /// A route of any method whose body may be up to `limit`.
    @discardableResult
    func on<R: AsyncResponseEncodable & VaporSendableMetatype>(_ method: HTTPMethod, _ path: [PathComponent], limit: ByteCount,
                                  use closure: @Sendable @escaping (Request) async throws -> R) -> Route {
        let route = on(method, path, body: .collect(maxSize: limit), use: closure)
        route.userInfo[AnySendableHashable(BodyLimit.userInfoKey)] = limit.value
        return route
    }
}

/// Refuses a body whose declared length is over the route's limit before a byte of it is read,
/// before the session is loaded. A streamed body without a length is cut at the limit where it is read.
struct BodyLimitMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let limit = BodyLimit.of(req)
        // A small body may arrive whole in one read, already collected: it is measured here too.
        if let data = req.body.data, data.readableBytes > limit { throw BodyLimit.tooLarge(limit) }
        if let text = req.headers.first(name: .contentLength) {
            guard let length = Int(text.trimmingCharacters(in: .whitespaces)), length >= 0 else {
                throw Abort(.badRequest, reason: "Заголовок Content-Length неверен.")
            }
            guard length <= limit else { throw BodyLimit.tooLarge(limit) }
        }
        return try await next.respond(to: req)
    }
}
