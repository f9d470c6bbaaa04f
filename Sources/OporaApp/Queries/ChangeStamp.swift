import Fluent
import Foundation
import SQLKit

/// A random value that changes, in the same transaction, with every audited change of a
/// municipality (`Audit.record` bumps it): its plan, measures, schools, data, methodology. What is
/// kept of a municipality for the region's pages is current while its stamp is the stored one. This
/// rests on the product's rule that every change is audited with its municipality; what is not
/// (a restored backup older than the stamps, the demo's seed) is read anew after a restart.
enum ChangeStamp {
    static let schema = "change_stamps"

    /// The stamps of these municipalities; one with no change yet has none.
    static func current(municipalityIDs ids: [UUID], on db: any Database) async throws -> [UUID: UUID] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await (db as! any SQLDatabase).select().column("municipality_id").column("stamp").from(schema)
            .where("municipality_id", .in, ids).all()
        var stamps: [UUID: UUID] = [:]
        for row in rows { stamps[try row.decode(column: "municipality_id", as: UUID.self)] = try row.decode(column: "stamp", as: UUID.self) }
        return stamps
    }

    static func bump(municipalityID: UUID, on db: any Database) async throws {
        try await (db as! any SQLDatabase).insert(into: schema).columns("municipality_id", "stamp")
            .values(SQLBind(municipalityID), SQLBind(UUID()))
            .onConflict(with: ["municipality_id"]) { $0.set(excludedValueOf: "stamp") }
            .run()
    }
}
