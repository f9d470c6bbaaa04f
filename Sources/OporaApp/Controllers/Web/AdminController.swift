import OporaDomain
import Vapor

/// The audit log and API tokens: admin only, within the admin's municipality.
enum AdminController {
    static func audit(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let page = try req.queryPage()
        let (entries, hasMore) = try await AuditView.query(municipalityID: user.municipalityID, page: page, on: req.db)
        return AuditView.render(try await PageContext.make(req), entries: entries, page: page, hasMore: hasMore)
    }

    struct TokenForm: Content {
        var name: String
        var userID: String
    }

    static func tokens(_ req: Request) async throws -> Response {
        try await renderTokens(req, newToken: nil, failed: nil)
    }

    static func renderTokens(_ req: Request, newToken: String?, failed: FailedForm?) async throws -> Response {
        let user = try req.currentUser()
        let (tokens, users) = try await TokensView.query(for: user, on: req.db)
        return TokensView.render(try await PageContext.make(req), tokens: tokens, users: users, newToken: newToken, failed: failed)
    }

    static func createToken(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let form = try req.content.decode(TokenForm.self)
        switch try await APITokens.create(name: form.name, ownerID: form.userID, user: user, on: req.db) {
        case .success(let token):
            return try await renderTokens(req, newToken: token, failed: nil)
        case .failure(let errors):
            return try await renderTokens(req, newToken: nil, failed: FailedForm(form: "token", values: ["name": form.name, "userID": form.userID], errors: errors))
        }
    }

    static func revokeToken(_ req: Request) async throws -> Response {
        try await APITokens.revoke(try req.uuidParameter("tokenID"), user: try req.currentUser(), at: Date(), on: req.db)
        return Notice.saved(req, to: SiteURL.tokens.path)
    }
}
