import Fluent
import Foundation
import OporaDomain

/// One measure with its evidence, its history and whether the user may change it.
struct MeasureShowModel: Sendable {
    struct EvidenceItem: Sendable, Codable {
        var id: UUID
        var fileName: String
        var contentType: String
        var size: Int
        var uploadedBy: String
        var uploadedAt: Date?
    }

    struct HistoryItem: Sendable {
        var at: Date?
        var who: String
        var changes: [(field: String, before: String, after: String)]
    }

    var row: MeasureRow
    var evidence: [EvidenceItem]
    var history: [HistoryItem]
    var canEdit: Bool
    /// Whether the user may change what the measure is (name, product, who carries it out) or delete it:
    /// municipal staff, on the municipal plan of an open programme.
    var canDescribe: Bool
}

extension MeasureChange {
    /// The form's starting values: the measure as it is.
    init(_ row: MeasureRow) {
        self.init(status: row.status, responsible: row.responsible ?? "", deadline: row.deadline?.russian ?? "",
                  completedOn: row.completedOn?.russian ?? "", completedBy: row.completedBy ?? "",
                  comment: row.completionComment ?? "", cancelReason: row.cancelReason ?? "",
                  evidenceLink: row.evidenceLink ?? "")
    }
}
