import Fluent
import Foundation
import SQLKit

/// A random value that changes, in the same transaction, with every change to what identification
/// reads: schools, social context and results. Cached monitoring data is current while its stamp is
/// the stored one, on every instance; a restored backup brings back the stamp of its data.
enum MonitoringStamp {
    static let schema = "monitoring_stamps"

    static func current(municipalityID: UUID, on db: any Database) async throws -> UUID? {
        try await (db as! any SQLDatabase).select().column("stamp").from(schema)
            .where("municipality_id", .equal, municipalityID).first(decodingColumn: "stamp", as: UUID.self)
    }

    static func bump(municipalityID: UUID, on db: any Database) async throws {
        try await (db as! any SQLDatabase).insert(into: schema).columns("municipality_id", "stamp")
            .values(SQLBind(municipalityID), SQLBind(UUID()))
            .onConflict(with: ["municipality_id"]) { $0.set(excludedValueOf: "stamp") }
            .run()
    }
}
