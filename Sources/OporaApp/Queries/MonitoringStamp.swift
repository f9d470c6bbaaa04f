import Fluent
import Foundation

/// A random value that changes, in the same transaction, with every change to what identification
/// reads: schools, social context and results. Cached monitoring data is current while its stamp is
/// the stored one, on every instance; a restored backup brings back the stamp of its data.
enum MonitoringStamp {
    static let schema = "monitoring_stamps"

    static let table = StampTable(schema: schema)

    static func current(municipalityID: UUID, on db: any Database) async throws -> UUID? {
        try await table.current(municipalityIDs: [municipalityID], on: db)[municipalityID]
    }

    static func bump(municipalityID: UUID, on db: any Database) async throws {
        try await table.bump(municipalityID: municipalityID, on: db)
    }
}
