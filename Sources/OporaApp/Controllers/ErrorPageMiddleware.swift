import OporaDomain
import Plot
import Vapor

/// One error handler: a Russian HTML page for the web, RFC 9457 problem details for the API.
/// A web request without a session is sent to the login page instead.
struct ErrorPageMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            let (status, detail) = Self.describe(error)
            if status == .internalServerError {
                req.logger.report(error: error)
            }
            if req.url.path.hasPrefix("/api/") {
                return try Problem(status: status, detail: detail).response()
            }
            if status == .unauthorized, req.method == .GET {
                return req.redirect(to: SiteURL.login.with([("next", req.url.string)]))
            }
            let bare = PageContext(user: nil, csrf: "", municipalityName: nil, isDemo: false, path: req.url.path)
            // A body refused by its size is refused before the session is read: the page has none.
            let ctx = status == .payloadTooLarge ? bare : ((try? await PageContext.make(req)) ?? bare)
            let response = Layout.page(Self.title(status), ctx) {
                El("h1") { Tx(Self.title(status)) }
                El("p") { Tx(detail) }
                El("p") { link("На главную", SiteURL.home.path) }
            }
            response.status = status
            return response
        }
    }

    static func describe(_ error: any Error) -> (HTTPStatus, String) {
        switch error {
        // Before AbortError: Vapor makes DecodingError an AbortError with 400, but a body that does
        // not fit the form is refused as every other bad input is, with 422.
        case is DecodingError:
            return (.unprocessableEntity, "Данные запроса не удалось прочитать: проверьте поля и их типы.")
        case let abort as any AbortError:
            let status = abort.status
            let reason = abort.reason
            // Vapor's own reasons (404 of an unknown route, 413 of a large body) are in English.
            let isOurs = reason.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
            return (status, isOurs ? reason : defaultDetail(status))
        case let errors as FieldErrors:
            return (.unprocessableEntity, errors.all.joined(separator: " "))
        default:
            return (.internalServerError, defaultDetail(.internalServerError))
        }
    }

    static func title(_ status: HTTPStatus) -> String {
        switch status.code {
        case 401: return "Нужно войти"
        case 403: return "Доступ запрещён"
        case 404: return "Страница не найдена"
        case 413: return "Слишком большой запрос"
        case 422: return "Данные не приняты"
        default: return status.code >= 500 ? "Ошибка сервера" : "Запрос не выполнен"
        }
    }

    static func defaultDetail(_ status: HTTPStatus) -> String {
        switch status.code {
        case 400: return "Запрос составлен неверно."
        case 401: return "Войдите в систему."
        case 403: return "Недостаточно прав для этого действия."
        case 404: return "Такой страницы или записи нет."
        case 405: return "Этот адрес не принимает такой запрос."
        case 413: return "Запрос больше допустимого размера: файл должен быть не больше 20 МБ."
        case 415: return "Такой формат данных не принимается."
        case 422: return "Данные не приняты."
        default: return "Что-то пошло не так. Ничего не изменено; попробуйте ещё раз или сообщите администратору."
        }
    }
}

/// RFC 9457 problem details.
struct Problem: Content {
    var type = "about:blank"
    var title: String
    var status: Int
    var detail: String
    var errors: [String: String]?

    init(status: HTTPStatus, detail: String, errors: [String: String]? = nil) {
        self.title = ErrorPageMiddleware.title(status)
        self.status = Int(status.code)
        self.detail = detail
        self.errors = errors
    }

    func response() throws -> Response {
        let response = Response(status: HTTPStatus(statusCode: status))
        try response.content.encode(self, as: .json)
        response.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])
        return response
    }
}
