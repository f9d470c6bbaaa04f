import Fluent

/// How often a user wants the reminder letter (`weekly`, `daily` or `off`), and when the last went.
struct M019AddReminders: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(User.schema).field("reminders", .string, .required, .sql(.default("weekly"))).update()
        try await db.schema(User.schema).field("reminded_at", .datetime).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(User.schema).deleteField("reminded_at").update()
        try await db.schema(User.schema).deleteField("reminders").update()
    }
}
