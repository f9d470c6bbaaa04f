import Fluent
import Foundation
import Vapor

/// A signed-in user's session, kept on the server: its limits are checked here, not trusted to the
/// cookie. Only a session with a user is ever stored: a visitor who is not signed in has none.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "user_sessions"
    @ID(key: .id) var id: UUID?
    @Field(key: "key") var key: String
    @Parent(key: "user_id") var user: User
    @Field(key: "data") var data: [String: String]
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "seen_at") var seenAt: Date

    init() {}
}

/// Sessions in `user_sessions`, written only when their data changed or the last sign of life is a
/// minute old. Vapor's middleware saves the session after every request that carries a cookie;
/// measured at region size on SQLite, those writes of every reader queued on the database's lock.
struct SessionStore: AsyncSessionDriver {
    /// A session ends 12 hours after sign-in whatever happens, and after 2 hours without a request.
    static let absoluteLimit: TimeInterval = 12 * 60 * 60
    static let idleLimit: TimeInterval = 2 * 60 * 60
    /// How stale `seen_at` may be before a request writes it again.
    static let touchAfter: TimeInterval = 60
    /// The id answered for a session that was not stored; the cookie factory expires its cookie.
    static let notStored = ""

    /// The data as read for this request, to tell whether it changed.
    private struct ReadKey: StorageKey { typealias Value = [String: String] }

    let now: @Sendable () -> Date

    func createSession(_ data: SessionData, for request: Request) async throws -> SessionID {
        guard let user = data[SessionUserAuthenticator.key].flatMap(UUID.init(uuidString:)) else {
            return SessionID(string: Self.notStored)
        }
        let moment = now()
        try await Self.removeExpired(at: moment, on: request.db)
        let row = UserSession()
        row.key = [UInt8].random(count: 32).base64String()
        row.$user.id = user
        row.data = data.snapshot
        row.createdAt = moment
        row.seenAt = moment
        try await row.create(on: request.db)
        request.storage[ReadKey.self] = data.snapshot
        return SessionID(string: row.key)
    }

    func readSession(_ sessionID: SessionID, for request: Request) async throws -> SessionData? {
        guard !sessionID.string.isEmpty,
              let row = try await UserSession.query(on: request.db).filter(\.$key == sessionID.string).first() else { return nil }
        let moment = now()
        if Self.expired(created: row.createdAt, seen: row.seenAt, at: moment) {
            try await row.delete(on: request.db)
            return nil
        }
        if moment.timeIntervalSince(row.seenAt) >= Self.touchAfter {
            try await UserSession.query(on: request.db).filter(\.$key == sessionID.string).set(\.$seenAt, to: moment).update()
        }
        request.storage[ReadKey.self] = row.data
        return SessionData(initialData: row.data)
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) async throws -> SessionID {
        guard request.storage[ReadKey.self] != data.snapshot else { return sessionID }
        try await UserSession.query(on: request.db).filter(\.$key == sessionID.string).set(\.$data, to: data.snapshot).update()
        request.storage[ReadKey.self] = data.snapshot
        return sessionID
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) async throws {
        try await UserSession.query(on: request.db).filter(\.$key == sessionID.string).delete()
    }

    static func expired(created: Date, seen: Date, at moment: Date) -> Bool {
        moment.timeIntervalSince(created) >= absoluteLimit || moment.timeIntervalSince(seen) >= idleLimit
    }

    /// Removes every session past a limit, and the failed sign-ins too old to count: done at each sign-in,
    /// so the tables hold what is alive and no more.
    static func removeExpired(at moment: Date, on db: any Database) async throws {
        try await UserSession.query(on: db).group(.or) {
            $0.filter(\.$createdAt <= moment.addingTimeInterval(-absoluteLimit))
                .filter(\.$seenAt <= moment.addingTimeInterval(-idleLimit))
        }.delete()
        try await LoginFailure.query(on: db).filter(\.$createdAt < moment.addingTimeInterval(-SignIn.lockout)).delete()
    }

    /// Ends a user's sessions, all of them or all but the one in use (after a password change).
    static func end(userID: UUID, except key: String? = nil, on db: any Database) async throws {
        let query = UserSession.query(on: db).filter(\.$user.$id == userID)
        if let key { query.filter(\.$key != key) }
        try await query.delete()
    }
}
