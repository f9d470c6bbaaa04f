import Fluent
import Foundation

/// A random value that changes, in the same transaction, with every audited change of a
/// municipality (`Audit.record` bumps it): its plan, measures, schools, data, methodology. What is
/// kept of a municipality for the region's pages is current while its stamp is the stored one. This
/// rests on the product's rule that every change is audited with its municipality; what is not
/// (a restored backup older than the stamps, the demo's seed) is read anew after a restart.
enum ChangeStamp {
    static let schema = "change_stamps"
    static let table = StampTable(schema: schema)

    /// The stamps of these municipalities; one with no change yet has none.
    static func current(municipalityIDs ids: [UUID], on db: any Database) async throws -> [UUID: UUID] {
        try await table.current(municipalityIDs: ids, on: db)
    }

    static func bump(municipalityID: UUID, on db: any Database) async throws {
        try await table.bump(municipalityID: municipalityID, on: db)
    }
}
