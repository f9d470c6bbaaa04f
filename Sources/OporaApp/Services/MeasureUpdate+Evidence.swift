import Fluent
import Foundation
import OporaDomain

extension MeasureUpdate {
    /// Attaches a checked file to a measure (loaded by `Scope.measure`, editable by the user) with its
    /// audit entry, in one transaction.
    static func attach(_ file: UploadedFile, type: EvidenceFileType, to measure: Measure, user: CurrentUser,
                       on db: any Database) async throws {
        let id = try measure.requireID()
        let name = sanitisedFileName(file.fileName)
        try await db.transaction { db in
            let before = try await Evidence.query(on: db).filter(\.$measure.$id == id).sort(\.$createdAt).all().map(\.fileName)
            try await storeEvidence(file, type: type, measureID: id, user: user, on: db)
            try await Audit.record(db, user: user, action: "evidence.create", entityType: "measure", entityID: id,
                                   municipalityID: measure.programme.$municipality.id,
                                   summary: "Мероприятие «\(measure.name)»: приложен файл «\(name)»",
                                   before: ["Файлы-подтверждения": before.joined(separator: ", ")],
                                   after: ["Файлы-подтверждения": (before + [name]).joined(separator: ", ")])
        }
    }
}
