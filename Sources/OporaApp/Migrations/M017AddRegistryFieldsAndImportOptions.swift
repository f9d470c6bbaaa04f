import Fluent

/// What real school registries have besides a code and a name: the school's ФИС ОКО login (by which
/// federal result files name it), ОКПО, ИНН and a branch's parent school; and what a user said about a
/// previewed file (its sheet, values for the whole file), kept until the preview is confirmed.
struct M017AddRegistryFieldsAndImportOptions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // SQLite adds one column per statement.
        for field in ["login", "okpo", "inn", "parent_code"] {
            try await db.schema(School.schema).field(.definition(name: .key(.string(field)), dataType: .string, constraints: [])).update()
        }
        try await db.schema(PendingImport.schema).field("options", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(PendingImport.schema).deleteField("options").update()
        for field in ["login", "okpo", "inn", "parent_code"] { try await db.schema(School.schema).deleteField(.key(.string(field))).update() }
    }
}
