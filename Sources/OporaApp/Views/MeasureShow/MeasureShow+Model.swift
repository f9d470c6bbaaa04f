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

    static func fetch(_ id: UUID, user: CurrentUser, today: Day, on db: any Database) async throws -> MeasureShowModel {
        let m = try await Scope.measure(id, for: user, on: db)
        let evidence = try await Evidence.query(on: db).filter(\.$measure.$id == id).with(\.$uploadedBy)
            .sort(\.$createdAt).all()
        let audit = try await AuditEntry.query(on: db).filter(\.$entityType == "measure").filter(\.$entityID == id)
            .sort(\.$at, .descending).all()
        return MeasureShowModel(
            row: MeasureList.row(m, today: today),
            evidence: evidence.map {
                EvidenceItem(id: $0.id!, fileName: $0.fileName, contentType: $0.contentType, size: $0.size,
                             uploadedBy: $0.uploadedBy.fullName, uploadedAt: $0.createdAt)
            },
            history: audit.map { entry in
                let before = Audit.decode(entry.beforeJSON)
                let after = Audit.decode(entry.afterJSON)
                let fields = Set(before.keys).union(after.keys).sorted().filter { before[$0] != after[$0] }
                return HistoryItem(at: entry.at, who: entry.userName,
                                   changes: fields.map { ($0, before[$0] ?? "", after[$0] ?? "") })
            },
            canEdit: user.canEditMeasure(schoolID: m.$school.id))
    }
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
