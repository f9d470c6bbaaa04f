import Fluent
import SQLKit

/// Programmes get a life: a status (every programme stored before is the active one), and when and
/// why one was closed.
struct M013AddProgrammeLife: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite adds one column at a time.
        try await db.schema(Programme.schema).field("status", .string, .required, .sql(.default("active"))).update()
        try await db.schema(Programme.schema).field("closed_on", .string).update()
        try await db.schema(Programme.schema).field("close_reason", .string).update()
    }

    func revert(on db: any Database) async throws {
        for field in ["status", "closed_on", "close_reason"] { try await db.schema(Programme.schema).deleteField(.string(field)).update() }
    }
}
