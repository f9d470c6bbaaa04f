import Fluent
import Foundation
import SQLKit

/// Sessions kept on the server with their limits (replacing Fluent's `_fluent_sessions`, which wrote a
/// row for every anonymous visit), the key that signs the sign-in form's token, what an account needs
/// in the browser (an e-mail address, a one-time password to be replaced, the last sign-in), and
/// indexes for the lockout's counts of failed sign-ins.
struct M018CreateSessionsAndAccounts: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(UserSession.schema)
            .id()
            .field("key", .string, .required)
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("data", .dictionary(of: .string), .required)
            .field("created_at", .datetime, .required)
            .field("seen_at", .datetime, .required)
            .unique(on: "key")
            .create()
        try await db.schema(ServerKey.schema)
            .field("name", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .create()
        try await ServerKey(name: ServerKey.formKeyName, value: Data([UInt8].random(count: 32)).base64EncodedString()).create(on: db)
        try await db.schema(User.schema).field("email", .string).update()
        try await db.schema(User.schema).field("must_change_password", .bool, .required, .sql(.default(false))).update()
        try await db.schema(User.schema).field("last_sign_in_at", .datetime).update()
        try await db.schema("_fluent_sessions").delete()
        if let sql = db as? any SQLDatabase {
            try await sql.raw("CREATE INDEX login_failures_by_login ON login_failures (login, created_at)").run()
            try await sql.raw("CREATE INDEX login_failures_by_ip ON login_failures (ip, created_at)").run()
            try await sql.raw("CREATE INDEX user_sessions_by_user ON user_sessions (user_id)").run()
        }
    }

    func revert(on db: any Database) async throws {
        if let sql = db as? any SQLDatabase {
            try await sql.raw("DROP INDEX login_failures_by_login").run()
            try await sql.raw("DROP INDEX login_failures_by_ip").run()
        }
        for field in ["email", "must_change_password", "last_sign_in_at"] {
            try await db.schema(User.schema).deleteField(.key(.string(field))).update()
        }
        try await db.schema(ServerKey.schema).delete()
        try await db.schema(UserSession.schema).delete()
        try await SessionRecord.migration.prepare(on: db).get()
    }
}
