import Fluent
import Foundation
import OporaDomain

extension UsersView {
    struct Line: Sendable {
        var id: UUID
        var login: String
        var fullName: String
        var role: Role
        var title: String
        var schoolID: UUID?
        var schoolName: String?
        var email: String?
        var lastSignIn: Date?
        var isActive: Bool
        var isLocked: Bool
        var mustChangePassword: Bool
    }

    /// The users an administrator manages, by login, and the municipality's schools for a coordinator.
    struct Model: Sendable {
        var users: [Line]
        var schools: [(id: UUID, name: String)]
        var isRegion: Bool
    }

    static func query(for admin: CurrentUser, at now: Date, on db: any Database) async throws -> Model {
        let users = try await Scope.managedUsers(for: admin, on: db)
        let schools = try await admin.municipalityID.asyncFlatMap { m in
            try await School.query(on: db).filter(\.$municipality.$id == m).sort(\.$name).all()
        } ?? []
        let names = Dictionary(uniqueKeysWithValues: schools.compactMap { s in s.id.map { ($0, s.name) } })
        let since = now.addingTimeInterval(-SignIn.lockout)
        let logins = users.map(\.login)
        let failures = logins.isEmpty ? [] : try await LoginFailure.query(on: db).filter(\.$login ~~ logins).filter(\.$createdAt >= since).all()
        let failuresByLogin = Dictionary(grouping: failures, by: \.login).mapValues(\.count)
        let lines = users.compactMap { u -> Line? in
            guard let id = u.id else { return nil }
            return Line(id: id, login: u.login, fullName: u.fullName, role: u.role, title: AccountChanges.title(u),
                        schoolID: u.$school.id, schoolName: u.$school.id.flatMap { names[$0] }, email: u.email,
                        lastSignIn: u.lastSignInAt, isActive: u.isActive,
                        isLocked: (failuresByLogin[u.login] ?? 0) >= SignIn.failuresPerLogin, mustChangePassword: u.mustChangePassword)
        }
        return Model(users: lines, schools: schools.compactMap { s in s.id.map { ($0, s.name) } }, isRegion: admin.municipalityID == nil)
    }

    /// The roles an administrator gives: a region has no school coordinators.
    static func roles(isRegion: Bool) -> [(value: String, title: String)] {
        let roles: [Role] = isRegion ? [.admin, .methodist, .observer] : [.admin, .methodist, .school, .observer]
        return roles.map { ($0.rawValue, isRegion ? Access(role: $0, municipalityID: nil, regionID: "r").russianTitle : $0.russian) }
    }
}
