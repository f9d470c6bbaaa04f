import Fluent
import Foundation
import Vapor

/// Checking a login and password against the users and the recent failures. Guessing is slowed for
/// everyone on every instance: the failures are kept in the database.
enum SignIn {
    /// Failed sign-ins allowed within `lockout` for one login, and for one address (many logins).
    static let failuresPerLogin = 5
    static let failuresPerAddress = 30
    static let lockout: TimeInterval = 15 * 60

    enum Outcome {
        case locked
        case refused
        case signedIn(User)
    }

    /// The login as it is stored: trimmed, lower case, at most 100 characters.
    static func normalised(_ login: String) -> String {
        String(login.trimmingCharacters(in: .whitespaces).lowercased().prefix(100))
    }

    static func check(login: String, password: String, address: String, now: Date, hasher: AsyncPasswordHasher,
                      on db: any Database) async throws -> Outcome {
        let since = now.addingTimeInterval(-lockout)
        let byLogin = try await LoginFailure.query(on: db).filter(\.$login == login).filter(\.$createdAt >= since).count()
        let byAddress = try await LoginFailure.query(on: db).filter(\.$address == address).filter(\.$createdAt >= since).count()
        if byLogin >= failuresPerLogin || byAddress >= failuresPerAddress { return .locked }
        let user = try await User.query(on: db).filter(\.$login == login).first()
        // The hash is checked even for an unknown login, so timing does not tell which logins exist.
        let hash = user?.passwordHash ?? "$2b$10$abcdefghijklmnopqrstuuJ1Ls8bT0nJp8RZ3zv7CVd6aZ0qY5x7G"
        let ok = (try? await hasher.verify(password, created: hash)) ?? false
        guard let user, ok, user.isActive else {
            let failure = LoginFailure()
            failure.login = login
            failure.address = address
            try await failure.create(on: db)
            return .refused
        }
        try await LoginFailure.query(on: db).filter(\.$login == login).delete()
        return .signedIn(user)
    }
}
