import Fluent

struct M005CreateAudit: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(AuditEntry.schema)
            .id()
            .field("at", .datetime)
            .field("user_id", .uuid)
            .field("user_name", .string, .required)
            .field("municipality_id", .uuid)
            .field("action", .string, .required)
            .field("entity_type", .string, .required)
            .field("entity_id", .uuid)
            .field("summary", .string, .required)
            .field("before_json", .string)
            .field("after_json", .string)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(AuditEntry.schema).delete()
    }
}
