import Fluent
import OporaDomain
import Foundation

extension TokensView {
    /// The API tokens of the administrator's users (the municipality's, or the region's own), newest
    /// first, and the users one may be issued to.
    static func query(for admin: CurrentUser, on db: any Database) async throws -> (tokens: [Item], users: [(id: UUID, title: String)]) {
        let users = try await Scope.managedUsers(for: admin, on: db)
        let ids = users.compactMap(\.id)
        let tokens = ids.isEmpty ? [] : try await APIToken.query(on: db).filter(\.$user.$id ~~ ids).with(\.$user)
            .sort(\.$createdAt, .descending).all()
        return (tokens.map { .init(id: $0.id!, name: $0.name, userName: "\($0.user.fullName) (\($0.user.login))", createdAt: $0.createdAt, revoked: $0.revokedAt != nil) },
                users.map { u in (u.id!, "\(u.fullName) (\(u.login)) — \(Access(role: u.role, municipalityID: u.$municipality.id?.uuidString, regionID: u.$region.id?.uuidString).russianTitle)") })
    }
}
