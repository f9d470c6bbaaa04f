import Fluent
import SQLKit

/// The stamp that tells every app instance whether its cached monitoring data is still current, and
/// an index for reading a municipality's results of some years without reading the rest.
struct M011CreateMonitoringStamps: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(MonitoringStamp.schema)
            .field("municipality_id", .uuid, .identifier(auto: false), .references(Municipality.schema, "id"))
            .field("stamp", .uuid, .required)
            .create()
        try await (db as! any SQLDatabase).create(index: "results_municipality_year").on(ResultRecord.schema)
            .column("municipality_id").column("year").run()
    }

    func revert(on db: any Database) async throws {
        try await (db as! any SQLDatabase).drop(index: "results_municipality_year").run()
        try await db.schema(MonitoringStamp.schema).delete()
    }
}
