import Fluent
import SQLKit

/// The municipality's list of mentors: teachers whom every school may choose as a mentor. A school
/// sees the names of its own teachers and of these, no others.
struct M012AddMunicipalMentors: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(TeacherRecord.schema)
            .field("municipal_mentor", .bool, .required, .sql(.default(false)))
            .update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(TeacherRecord.schema).deleteField("municipal_mentor").update()
    }
}
