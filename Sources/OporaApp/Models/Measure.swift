import Fluent
import Foundation
import OporaDomain

/// A measure of the action plan (Приложение 2): of the municipal plan when `school` is nil,
/// else of that school's own plan.
final class Measure: Model, @unchecked Sendable {
    static let schema = "measures"
    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Parent(key: "direction_id") var direction: Direction
    @Parent(key: "task_id") var task: YearTask
    @OptionalParent(key: "school_id") var school: School?
    @Field(key: "section_number") var sectionNumber: Int
    @Field(key: "year") var year: Int
    @Field(key: "ordinal") var ordinal: Int
    @Field(key: "name") var name: String
    /// ISO day `2025-08-15`: sorts and compares the same on SQLite and PostgreSQL.
    @OptionalField(key: "deadline") var deadline: String?
    @OptionalField(key: "deadline_text") var deadlineText: String?
    @OptionalField(key: "responsible") var responsible: String?
    @OptionalField(key: "product") var product: String?
    @Enum(key: "status") var status: MeasureStatus
    /// Who carries it out; only the municipal plan's row says (a school's copy is the school's by definition).
    @Enum(key: "level") var level: MeasureLevel
    @OptionalField(key: "cancel_reason") var cancelReason: String?
    @OptionalField(key: "completed_on") var completedOn: String?
    @OptionalField(key: "completed_by") var completedBy: String?
    @OptionalField(key: "completion_comment") var completionComment: String?
    @OptionalField(key: "evidence_link") var evidenceLink: String?
    @OptionalParent(key: "marked_by_id") var markedBy: User?
    /// Lower-cased name, task, direction, product and responsible, ё as е: one text search that
    /// behaves the same for Cyrillic on SQLite and PostgreSQL.
    @Field(key: "search_text") var searchText: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var deadlineDay: Day? { deadline.flatMap(Day.init) }
}

final class Evidence: Model, @unchecked Sendable {
    static let schema = "evidence"
    @ID(key: .id) var id: UUID?
    @Parent(key: "measure_id") var measure: Measure
    @Field(key: "file_name") var fileName: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Parent(key: "uploaded_by_id") var uploadedBy: User
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// The bytes of an evidence file, apart from its metadata so that lists never load them.
final class EvidenceBlob: Model, @unchecked Sendable {
    static let schema = "evidence_blobs"
    @ID(key: .id) var id: UUID?
    @Field(key: "data") var data: Data

    init() {}
    init(id: UUID, data: Data) {
        self.id = id
        self.data = data
    }
}

enum SearchText {
    static func normalise(_ parts: [String?]) -> String {
        parts.compactMap { $0 }.joined(separator: " ").lowercased().replacingOccurrences(of: "ё", with: "е")
    }
}
