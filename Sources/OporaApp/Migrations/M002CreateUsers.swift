import Fluent

struct M002CreateUsers: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(User.schema)
            .id()
            .field("login", .string, .required)
            .field("password_hash", .string, .required)
            .field("full_name", .string, .required)
            .field("role", .string, .required)
            .field("region_id", .uuid, .references(Region.schema, "id"))
            .field("municipality_id", .uuid, .references(Municipality.schema, "id"))
            .field("school_id", .uuid, .references(School.schema, "id"))
            .field("is_active", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "login")
            .create()
        try await db.schema(APIToken.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id"))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(APIToken.schema).delete()
        try await db.schema(User.schema).delete()
    }
}
