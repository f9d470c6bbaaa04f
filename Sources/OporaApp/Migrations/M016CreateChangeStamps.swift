import Fluent

/// The stamp that changes with every audited change of a municipality: what the region's pages
/// keep of a municipality is current while its stamp is the stored one, on every instance.
struct M016CreateChangeStamps: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ChangeStamp.schema)
            .field("municipality_id", .uuid, .identifier(auto: false), .references(Municipality.schema, "id"))
            .field("stamp", .uuid, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(ChangeStamp.schema).delete()
    }
}
