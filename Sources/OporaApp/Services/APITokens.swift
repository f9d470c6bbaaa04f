import Fluent
import OporaDomain
import Foundation
import Vapor

/// Issuing and revoking API tokens of the admin's municipality, each change audited.
enum APITokens {
    /// Issues a token to a user of the admin's municipality; answers the token, shown once.
    static func create(name rawName: String, ownerID: String, user: CurrentUser, on db: any Database) async throws -> Result<String, FieldErrors> {
        var errors = FieldErrors()
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty || name.count > 200 { errors.add("name", "Укажите назначение токена (до 200 знаков).") }
        let owner = try await UUID(uuidString: ownerID).asyncFlatMap { try await User.find($0, on: db) }
        if owner.map({ !Scope.managesUser($0, admin: user) }) ?? true { errors.add("userID", "Выберите пользователя из списка.") }
        guard errors.isEmpty, let owner, let ownerID = owner.id else { return .failure(errors) }
        let token = APITokenHash.newToken()
        try await db.transaction { db in
            let record = APIToken(userID: ownerID, name: name, tokenHash: APITokenHash.of(token))
            try await record.create(on: db)
            try await Audit.record(db, user: user, action: "token.create", entityType: "api_token", entityID: record.id,
                                   municipalityID: user.municipalityID, summary: "Выдан токен API «\(name)» пользователю \(owner.login)",
                                   after: ["Назначение": name, "Пользователь": owner.login])
        }
        return .success(token)
    }

    static func revoke(_ id: UUID, user: CurrentUser, at now: Date, on db: any Database) async throws {
        guard let token = try await APIToken.query(on: db).filter(\.$id == id).with(\.$user).first(),
              Scope.managesUser(token.user, admin: user) else {
            throw Abort(.notFound, reason: "Такого токена нет.")
        }
        try await db.transaction { db in
            token.revokedAt = now
            try await token.save(on: db)
            try await Audit.record(db, user: user, action: "token.revoke", entityType: "api_token", entityID: id,
                                   municipalityID: user.municipalityID, summary: "Отозван токен API «\(token.name)»",
                                   before: ["Состояние": "действует"], after: ["Состояние": "отозван"])
        }
    }
}
