import Fluent
import Foundation

extension TokensView {
    /// The API tokens of the municipality's users, newest first, and the users one may be issued to.
    static func query(municipalityID: UUID?, on db: any Database) async throws -> (tokens: [Item], users: [(id: UUID, title: String)]) {
        let users = try await User.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$login).all()
        let ids = users.compactMap(\.id)
        let tokens = ids.isEmpty ? [] : try await APIToken.query(on: db).filter(\.$user.$id ~~ ids).with(\.$user)
            .sort(\.$createdAt, .descending).all()
        return (tokens.map { .init(id: $0.id!, name: $0.name, userName: "\($0.user.fullName) (\($0.user.login))", createdAt: $0.createdAt, revoked: $0.revokedAt != nil) },
                users.map { ($0.id!, "\($0.fullName) (\($0.login)) — \($0.role.russian)") })
    }
}
