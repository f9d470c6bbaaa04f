import Fluent
import Foundation
import OporaDomain
import Vapor

/// A file previewed on the web waits here until its user confirms it; it is checked again then.
enum PendingImports {
    static func park(kind: ImportKind, fileName: String, bytes: [UInt8], options: FileOptions, municipalityID: UUID, user: CurrentUser,
                     on db: any Database) async throws -> UUID {
        try await park(kind: kind.rawValue, fileName: fileName, bytes: bytes, options: options, municipalityID: municipalityID, user: user, on: db)
    }

    /// Parks a file of any kind the web previews: an import kind's raw value, or `ProgrammeImport.pendingKind`.
    static func park(kind: String, fileName: String, bytes: [UInt8], options: FileOptions = FileOptions(), municipalityID: UUID, user: CurrentUser,
                     on db: any Database) async throws -> UUID {
        let pending = PendingImport()
        pending.$municipality.id = municipalityID
        pending.userID = user.id
        pending.kind = kind
        pending.fileName = fileName
        pending.data = Data(bytes)
        if options != FileOptions() { pending.options = String(decoding: try JSONEncoder().encode(options), as: UTF8.self) }
        try await pending.create(on: db)
        return try pending.requireID()
    }

    /// Takes the user's own waiting file out: it is gone whatever the confirmation brings.
    static func take(_ id: UUID, user: CurrentUser, on db: any Database)
        async throws -> (kind: ImportKind, fileName: String, bytes: [UInt8], options: FileOptions, municipalityID: UUID) {
        let pending = try await take(id, user: user, where: { ImportKind(rawValue: $0) != nil }, on: db)
        return (ImportKind(rawValue: pending.kind)!, pending.fileName, pending.bytes, pending.options, pending.municipalityID)
    }

    /// Takes the user's own waiting file of a kind `accepts` out; any other is not found.
    static func take(_ id: UUID, user: CurrentUser, where accepts: (String) -> Bool,
                     on db: any Database) async throws -> (kind: String, fileName: String, bytes: [UInt8], options: FileOptions, municipalityID: UUID) {
        guard let pending = try await PendingImport.find(id, on: db), pending.userID == user.id, accepts(pending.kind) else {
            throw Abort(.notFound, reason: "Этот файл уже загружен или отменён. Загрузите его снова.")
        }
        try await pending.delete(on: db)
        let options = try pending.options.map { try JSONDecoder().decode(FileOptions.self, from: Data($0.utf8)) } ?? FileOptions()
        return (pending.kind, pending.fileName, Array(pending.data), options, pending.$municipality.id)
    }

    /// The municipality's last 50 imports, newest first.
    static func history(municipalityID: UUID, on db: any Database) async throws -> [ImportRecord] {
        try await ImportRecord.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$createdAt, .descending).limit(50).all()
    }
}
