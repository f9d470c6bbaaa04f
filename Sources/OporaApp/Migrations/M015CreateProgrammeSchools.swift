import Fluent
import Foundation
import SQLKit

/// Participation moves from the school to the programme: a school takes part in a programme (and
/// has its plan there), not for ever. Carried over: every school with a plan in a programme takes part
/// in it, and every school marked as participating takes part in its municipality's active programme.
/// The school's own mark is then dropped.
struct M015CreateProgrammeSchools: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ProgrammeSchool.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(Programme.schema, "id"))
            .field("school_id", .uuid, .required, .references(School.schema, "id"))
            .field("created_at", .datetime)
            .unique(on: "programme_id", "school_id")
            .create()
        let sql = db as! any SQLDatabase
        let marked = try await sql.select().columns("id", "municipality_id").from(School.schema).where("participating", .equal, true).all()
            .map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "municipality_id", as: UUID.self)) }
        for programme in try await Programme.query(on: db).all() {
            let programmeID = try programme.requireID()
            var schools = Set(try await Measure.query(on: db).filter(\.$programme.$id == programmeID).filter(\.$school.$id != nil)
                .unique().all(\.$school.$id).compactMap { $0 })
            if programme.status == .active {
                schools.formUnion(marked.filter { $0.1 == programme.$municipality.id }.map(\.0))
            }
            for school in schools { try await ProgrammeSchool(programmeID: programmeID, schoolID: school).create(on: db) }
        }
        try await sql.raw("ALTER TABLE schools DROP COLUMN participating").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(School.schema).field("participating", .bool, .required, .sql(.default(false))).update()
        try await db.schema(ProgrammeSchool.schema).delete()
    }
}
