import Fluent
import Foundation

extension AuditView {
    static let pageSize = 50

    /// One page of the municipality's audit log, newest first, and whether another page follows.
    static func query(municipalityID: UUID?, page: Int, on db: any Database) async throws -> (entries: [AuditEntry], hasMore: Bool) {
        let entries = try await AuditEntry.query(on: db).filter(\.$municipalityID == municipalityID)
            .sort(\.$at, .descending).range(((page - 1) * pageSize)..<(page * pageSize + 1)).all()
        return (Array(entries.prefix(pageSize)), entries.count > pageSize)
    }
}
