import Fluent
import Foundation
import SQLKit

/// A table of one random value per municipality that changes, in the same transaction, with what it
/// stands for: what was kept from it is current while its stamp is the stored one, on every instance.
/// `MonitoringStamp` and `ChangeStamp` are its two tables.
struct StampTable: Sendable {
    let schema: String

    func current(municipalityIDs ids: [UUID], on db: any Database) async throws -> [UUID: UUID] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await (db as! any SQLDatabase).select().column("municipality_id").column("stamp").from(schema)
            .where("municipality_id", .in, ids).all()
        var stamps: [UUID: UUID] = [:]
        for row in rows { stamps[try row.decode(column: "municipality_id", as: UUID.self)] = try row.decode(column: "stamp", as: UUID.self) }
        return stamps
    }

    func bump(municipalityID: UUID, on db: any Database) async throws {
        try await (db as! any SQLDatabase).insert(into: schema).columns("municipality_id", "stamp")
            .values(SQLBind(municipalityID), SQLBind(UUID()))
            .onConflict(with: ["municipality_id"]) { $0.set(excludedValueOf: "stamp") }
            .run()
    }
}
