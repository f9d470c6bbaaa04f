import Fluent
import Foundation
import OporaDomain

/// The columns of the `results` table, declared once: its migration, its model, the bulk writer
/// and the plain reader all take them from here. The order is the order of writing.
enum ResultColumn: String, CaseIterable, Sendable {
    case id
    case municipalityID = "municipality_id"
    case schoolCode = "school_code"
    case year, kind, grade, subject, participants, fails, marks3, marks4, marks5
    case meanScore = "mean_score"
    case importID = "import_id"

    var key: FieldKey { FieldKey(stringLiteral: rawValue) }

    /// The natural key of a row: one school's result of one procedure in one year.
    static let naturalKey: [ResultColumn] = [.municipalityID, .schoolCode, .year, .kind, .grade, .subject]
    /// The figures a newer import of the same row replaces.
    static let figures: [ResultColumn] = [.participants, .fails, .marks3, .marks4, .marks5, .meanScore]
    /// What `ResultRowReader` reads, in this order.
    static let read: [ResultColumn] = [.year, .kind, .grade, .subject, .schoolCode] + figures

    /// The column's type and whether it may be empty, for the migration.
    var definition: (type: DatabaseSchema.DataType, required: Bool) {
        switch self {
        case .id, .municipalityID: (.uuid, true)
        case .importID: (.uuid, false)
        case .schoolCode, .kind, .subject: (.string, true)
        case .year, .grade, .participants, .fails: (.int, true)
        case .marks3, .marks4, .marks5: (.int, false)
        case .meanScore: (.double, false)
        }
    }

    /// A value as the writers send it.
    enum Cell {
        case text(String), int(Int), double(Double), null
    }

    /// This column's value for a row being written; `municipalityID` and `importID` as text.
    func cell(of r: ResultRow, id: UUID, municipalityID: String, importID: String?) -> Cell {
        func int(_ v: Int?) -> Cell { v.map { .int($0) } ?? .null }
        switch self {
        case .id: return .text(id.uuidString)
        case .municipalityID: return .text(municipalityID)
        case .schoolCode: return .text(r.schoolCode)
        case .year: return .int(r.year)
        case .kind: return .text(r.procedure.kind.rawValue)
        case .grade: return .int(r.procedure.grade)
        case .subject: return .text(r.procedure.subject)
        case .participants: return .int(r.participants)
        case .fails: return .int(r.fails)
        case .marks3: return int(r.marks3)
        case .marks4: return int(r.marks4)
        case .marks5: return int(r.marks5)
        case .meanScore: return r.meanScore.map { .double($0) } ?? .null
        case .importID: return importID.map { .text($0) } ?? .null
        }
    }
}
