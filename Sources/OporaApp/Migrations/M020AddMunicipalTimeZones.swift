import Fluent

/// A municipality's own time zone, for a region that spans several.
struct M020AddMunicipalTimeZones: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Municipality.schema).field("time_zone", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Municipality.schema).deleteField("time_zone").update()
    }
}
