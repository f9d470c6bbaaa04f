import Fluent
import Foundation
import Vapor

/// Reading and removing the files that prove a measure, for users who may read (or change) it.
enum MeasureEvidence {
    /// An evidence file and its bytes, if the user may read its measure.
    static func file(_ id: UUID, user: CurrentUser, on db: any Database) async throws -> (Evidence, EvidenceBlob) {
        guard let evidence = try await Evidence.find(id, on: db) else { throw Abort(.notFound, reason: "Такого файла нет.") }
        _ = try await Scope.measure(evidence.$measure.id, for: user, on: db)
        guard let blob = try await EvidenceBlob.find(id, on: db) else { throw Abort(.notFound, reason: "Такого файла нет.") }
        return (evidence, blob)
    }

    /// Removes a wrongly uploaded file in one audited transaction; a done measure keeps at least one
    /// proof. Answers the measure's id.
    static func delete(_ id: UUID, user: CurrentUser, on db: any Database) async throws -> UUID {
        guard let evidence = try await Evidence.find(id, on: db) else { throw Abort(.notFound, reason: "Такого файла нет.") }
        let measureID = evidence.$measure.id
        let m = try await Scope.measure(measureID, for: user, on: db)
        try Programmes.requireOpen(m.programme)
        guard user.canEditMeasure(schoolID: m.$school.id) else {
            throw Abort(.forbidden, reason: "Удалять подтверждения этого мероприятия вы не можете.")
        }
        try await db.transaction { db in
            let files = try await Evidence.query(on: db).filter(\.$measure.$id == measureID).sort(\.$createdAt).all()
            guard m.status != .done || files.count > 1 || m.evidenceLink != nil else {
                throw Abort(.unprocessableEntity, reason: "Мероприятие отмечено выполненным, и это его единственное подтверждение: сначала приложите другое или измените состояние.")
            }
            try await EvidenceBlob.query(on: db).filter(\.$id == id).delete()
            try await Evidence.query(on: db).filter(\.$id == id).delete()
            try await Audit.record(db, user: user, action: "evidence.delete", entityType: "measure", entityID: measureID,
                                   municipalityID: m.programme.$municipality.id,
                                   summary: "Мероприятие «\(m.name)»: удалён файл «\(evidence.fileName)»",
                                   before: ["Файлы-подтверждения": files.map(\.fileName).joined(separator: ", ")],
                                   after: ["Файлы-подтверждения": files.filter { $0.id != id }.map(\.fileName).joined(separator: ", ")])
        }
        return measureID
    }
}
