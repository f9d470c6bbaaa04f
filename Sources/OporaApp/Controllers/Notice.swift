import Vapor

/// The one-time status notice a page shows after a redirect («Файл загружен…»). The text is kept
/// in the server-side session by the action that wrote it and shown once by the next page, so no
/// link can make a page show a text of its own choosing.
enum Notice {
    private static let key = "notice"

    static func set(_ text: String, on req: Request) {
        req.session.data[key] = text
    }

    /// The words of every save that has nothing more particular to say.
    static let saved = "Изменения сохранены."

    /// After a save: «Изменения сохранены.» at the top of the page the user goes back to.
    static func saved(_ req: Request, to path: String) -> Response {
        set(saved, on: req)
        return req.redirect(to: path)
    }

    /// The notice left for this page, removed as it is read.
    static func take(_ req: Request) -> String? {
        guard req.hasSession, let text = req.session.data[key] else { return nil }
        req.session.data[key] = nil
        return text
    }
}
