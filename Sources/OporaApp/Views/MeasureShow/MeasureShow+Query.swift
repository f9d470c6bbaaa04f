import Fluent
import Foundation
import OporaDomain

extension MeasureShowModel {
    /// The page's model: the measure if the user may read it (`Scope.measure`), its evidence, its
    /// history from the audit log, and whether the user may change it.
    static func fetch(_ id: UUID, user: CurrentUser, today: Day, on db: any Database) async throws -> MeasureShowModel {
        let m = try await Scope.measure(id, for: user, on: db)
        let evidence = try await Evidence.query(on: db).filter(\.$measure.$id == id).with(\.$uploadedBy)
            .sort(\.$createdAt).all()
        let audit = try await AuditEntry.query(on: db).filter(\.$entityType == "measure").filter(\.$entityID == id)
            .sort(\.$at, .descending).all()
        return MeasureShowModel(
            row: try await MeasureList.row(of: m, today: today, on: db),
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
            canEdit: user.canEditMeasure(schoolID: m.$school.id),
            canDescribe: user.access.isMunicipalStaff && m.$school.id == nil && m.programme.status.isOpen)
    }
}
