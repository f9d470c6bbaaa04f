import Fluent

struct M001CreateOrganisations: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Region.schema)
            .id()
            .field("name", .string, .required)
            .unique(on: "name")
            .create()
        try await db.schema(Municipality.schema)
            .id()
            .field("region_id", .uuid, .required, .references(Region.schema, "id"))
            .field("name", .string, .required)
            .field("is_demo", .bool, .required)
            .unique(on: "region_id", "name")
            .create()
        try await db.schema(School.schema)
            .id()
            .field("municipality_id", .uuid, .required, .references(Municipality.schema, "id"))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("short_name", .string, .required)
            .field("settlement", .string)
            .field("type", .string)
            .field("distance_km", .double)
            .field("participating", .bool, .required)
            .field("is_demo", .bool, .required)
            .unique(on: "code")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(School.schema).delete()
        try await db.schema(Municipality.schema).delete()
        try await db.schema(Region.schema).delete()
    }
}
