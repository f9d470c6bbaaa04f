import Fluent
import OporaDomain
import Vapor

/// The audit log and API tokens: admin only, within the admin's municipality.
enum AdminController {
    static func audit(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let page = try req.queryPage()
        let size = 50
        let entries = try await AuditEntry.query(on: req.db).filter(\.$municipalityID == user.municipalityID)
            .sort(\.$at, .descending).range(((page - 1) * size)..<(page * size + 1)).all()
        return AuditView.render(try await PageContext.make(req), entries: Array(entries.prefix(size)), page: page, hasMore: entries.count > size)
    }

    struct TokenForm: Content {
        var name: String
        var userID: String
    }

    static func tokens(_ req: Request) async throws -> Response {
        try await renderTokens(req, newToken: nil, form: ("", ""), error: nil)
    }

    static func renderTokens(_ req: Request, newToken: String?, form: (name: String, user: String), error: String?) async throws -> Response {
        let user = try req.currentUser()
        let users = try await User.query(on: req.db).filter(\.$municipality.$id == user.municipalityID).sort(\.$login).all()
        let ids = users.compactMap(\.id)
        let tokens = ids.isEmpty ? [] : try await APIToken.query(on: req.db).filter(\.$user.$id ~~ ids).with(\.$user)
            .sort(\.$createdAt, .descending).all()
        return TokensView.render(
            try await PageContext.make(req),
            tokens: tokens.map { .init(id: $0.id!, name: $0.name, userName: "\($0.user.fullName) (\($0.user.login))", createdAt: $0.createdAt, revoked: $0.revokedAt != nil) },
            users: users.map { ($0.id!, "\($0.fullName) (\($0.login)) — \($0.role.russian)") },
            newToken: newToken, form: form, error: error)
    }

    static func createToken(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let form = try req.content.decode(TokenForm.self)
        let name = form.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200 else {
            return try await renderTokens(req, newToken: nil, form: (form.name, form.userID), error: "Укажите назначение токена (до 200 знаков).")
        }
        guard let ownerID = UUID(uuidString: form.userID), let owner = try await User.find(ownerID, on: req.db),
              owner.$municipality.id == user.municipalityID else {
            return try await renderTokens(req, newToken: nil, form: (form.name, form.userID), error: "Выберите пользователя своего муниципалитета.")
        }
        let token = APITokenHash.newToken()
        try await req.db.transaction { db in
            let record = APIToken(userID: ownerID, name: name, tokenHash: APITokenHash.of(token))
            try await record.create(on: db)
            try await Audit.record(db, user: user, action: "token.create", entityType: "api_token", entityID: record.id,
                                   municipalityID: user.municipalityID, summary: "Выдан токен API «\(name)» пользователю \(owner.login)",
                                   after: ["Назначение": name, "Пользователь": owner.login])
        }
        return try await renderTokens(req, newToken: token, form: ("", ""), error: nil)
    }

    static func revokeToken(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let id = try req.uuidParameter("tokenID")
        guard let token = try await APIToken.query(on: req.db).filter(\.$id == id).with(\.$user).first(),
              token.user.$municipality.id == user.municipalityID else {
            throw Abort(.notFound, reason: "Такого токена нет.")
        }
        try await req.db.transaction { db in
            token.revokedAt = Date()
            try await token.save(on: db)
            try await Audit.record(db, user: user, action: "token.revoke", entityType: "api_token", entityID: id,
                                   municipalityID: user.municipalityID, summary: "Отозван токен API «\(token.name)»",
                                   before: ["Состояние": "действует"], after: ["Состояние": "отозван"])
        }
        return req.redirect(to: SiteURL.tokens.path)
    }
}
