import Fluent

/// Failed sign-ins, for the lockout after too many.
struct M010CreateLoginFailures: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(LoginFailure.schema)
            .id()
            .field("login", .string, .required)
            .field("ip", .string, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(LoginFailure.schema).delete()
    }
}
