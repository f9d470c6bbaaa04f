import Fluent

struct M006CreateMonitoring: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(ImportRecord.schema)
            .id()
            .field("municipality_id", .uuid, .required, .references(Municipality.schema, "id"))
            .field("user_id", .uuid)
            .field("user_name", .string, .required)
            .field("kind", .string, .required)
            .field("file_name", .string, .required)
            .field("added", .int, .required)
            .field("replaced", .int, .required)
            .field("unchanged", .int, .required)
            .field("created_at", .datetime)
            .create()
        try await db.schema(SocialContextRecord.schema)
            .id()
            .field("municipality_id", .uuid, .required, .references(Municipality.schema, "id"))
            .field("school_id", .uuid, .required, .references(School.schema, "id"))
            .field("year", .int, .required)
            .field("students", .int)
            .field("low_income_share", .double)
            .field("incomplete_family_share", .double)
            .field("no_higher_education_share", .double)
            .field("non_native_share", .double)
            .field("preventive_register_share", .double)
            .field("import_id", .uuid)
            .unique(on: "school_id", "year")
            .create()
        // The columns as `ResultColumn` declares them; a column added later gets a migration of its own.
        let results = db.schema(ResultRecord.schema).id()
        for c in ResultColumn.allCases where c != .id {
            let (type, required) = c.definition
            var constraints: [DatabaseSchema.FieldConstraint] = required ? [.required] : []
            if c == .municipalityID { constraints.append(.references(Municipality.schema, "id")) }
            results.field(.definition(name: .key(c.key), dataType: type, constraints: constraints))
        }
        try await results.constraint(.constraint(.unique(fields: ResultColumn.naturalKey.map { .key($0.key) }), name: nil)).create()
        try await db.schema(PendingImport.schema)
            .id()
            .field("municipality_id", .uuid, .required, .references(Municipality.schema, "id"))
            .field("user_id", .uuid, .required)
            .field("kind", .string, .required)
            .field("file_name", .string, .required)
            .field("data", .data, .required)
            .field("created_at", .datetime)
            .create()
        try await db.schema(MethodologyVersion.schema)
            .id()
            .field("municipality_id", .uuid, .required, .references(Municipality.schema, "id"))
            .field("number", .int, .required)
            .field("parameters_json", .string, .required)
            .field("created_by", .string, .required)
            .field("comment", .string)
            .field("created_at", .datetime)
            .unique(on: "municipality_id", "number")
            .create()
    }

    func revert(on db: any Database) async throws {
        for schema in [MethodologyVersion.schema, PendingImport.schema, ResultRecord.schema, SocialContextRecord.schema, ImportRecord.schema] {
            try await db.schema(schema).delete()
        }
    }
}
