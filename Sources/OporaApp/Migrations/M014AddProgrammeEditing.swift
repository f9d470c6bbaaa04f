import Fluent
import OporaDomain
import SQLKit

/// What editing a programme needs: a measure's level (every municipal measure stored before is for
/// both the municipality and each school, as the seed's are; a school plan's copy is the school's), an indicator's formula or source (the indicators
/// stored before came from the seed's table, numbered 1–5 by its formulas), and a municipality's
/// switch of its public page (on for the municipalities that had one, off for every new one).
struct M014AddProgrammeEditing: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite adds one column at a time.
        try await db.schema(Measure.schema).field("level", .string, .required, .sql(.default(MeasureLevel.both.rawValue))).update()
        try await db.schema(Indicator.schema).field("formula", .string).update()
        try await db.schema(Indicator.schema).field("source", .string).update()
        try await db.schema(Municipality.schema).field("public_page", .bool, .required, .sql(.default(false))).update()
        for formula in IndicatorFormula.allCases {
            try await Indicator.query(on: db).filter(\.$number == formula.seedNumber).set(\.$formula, to: formula).update()
        }
        try await Measure.query(on: db).filter(\.$school.$id != nil).set(\.$level, to: .school).update()
        try await Municipality.query(on: db).set(\.$publicPage, to: true).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Measure.schema).deleteField("level").update()
        try await db.schema(Indicator.schema).deleteField("formula").update()
        try await db.schema(Indicator.schema).deleteField("source").update()
        try await db.schema(Municipality.schema).deleteField("public_page").update()
    }
}
