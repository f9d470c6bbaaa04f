import Fluent
import Foundation
import OporaDomain

/// Social context by form or API: the row goes through the same checks and write as an imported file's.
enum ContextInput {
    /// The form's fields are the import file's columns: one set of rules for both.
    static let fields = ["year", "students", "low_income_share", "incomplete_family_share", "no_higher_education_share",
                         "non_native_share", "preventive_register_share"]

    static func save(_ values: [String: String], school: School, user: CurrentUser, today: Day, on db: any Database) async throws -> Result<Void, FieldErrors> {
        try await ImportService.saveFormRow(kind: .context, header: ["school_code"] + fields,
                                            cells: [school.code] + fields.map { values[$0] ?? "" },
                                            municipalityID: school.$municipality.id, user: user, today: today, on: db)
    }
}
