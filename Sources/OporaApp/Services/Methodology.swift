import Fluent
import Foundation
import OporaDomain

/// The numbered versions of a municipality's identification parameters. The newest is in use;
/// version 1 is the default of DESIGN.md. Reading never writes: until a version is saved, version 1
/// is the defaults, and it is stored, as version 1, in the same transaction as the first saved change.
enum Methodology {
    struct Version: Sendable {
        var number: Int
        var parameters: MethodologyParameters
        var createdBy: String
        var createdAt: Date?
        var comment: String?
    }

    static func current(municipalityID: UUID, on db: any Database) async throws -> Version {
        if let v = try await MethodologyVersion.query(on: db).filter(\.$municipality.$id == municipalityID)
            .sort(\.$number, .descending).first() {
            return Version(number: v.number, parameters: v.parameters, createdBy: v.createdBy, createdAt: v.createdAt, comment: v.comment)
        }
        return defaults
    }

    /// Version 1 before anything is stored.
    static let defaults = Version(number: 1, parameters: .defaults, createdBy: "система", createdAt: nil, comment: defaultsComment)
    static let defaultsComment = "Параметры по умолчанию"

    static func all(municipalityID: UUID, on db: any Database) async throws -> [Version] {
        let stored = try await MethodologyVersion.query(on: db).filter(\.$municipality.$id == municipalityID)
            .sort(\.$number, .descending).all()
            .map { Version(number: $0.number, parameters: $0.parameters, createdBy: $0.createdBy, createdAt: $0.createdAt, comment: $0.comment) }
        return stored.isEmpty ? [defaults] : stored
    }

    /// A new version; the previous ones stay, so every earlier figure can be traced to its parameters.
    @discardableResult
    static func save(_ parameters: MethodologyParameters, comment: String?, municipalityID: UUID, user: CurrentUser?,
                     on db: any Database) async throws -> Version {
        try await db.transaction { db in
            var last = try await MethodologyVersion.query(on: db).filter(\.$municipality.$id == municipalityID)
                .sort(\.$number, .descending).first()?.number ?? 0
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            // The defaults every earlier figure was computed with become version 1 first.
            if last == 0 && !(user == nil && comment == defaultsComment) {
                let first = MethodologyVersion()
                first.$municipality.id = municipalityID
                first.number = 1
                first.parametersJSON = String(decoding: try encoder.encode(MethodologyParameters.defaults), as: UTF8.self)
                first.createdBy = defaults.createdBy
                first.comment = defaultsComment
                try await first.create(on: db)
                last = 1
            }
            let v = MethodologyVersion()
            v.$municipality.id = municipalityID
            v.number = last + 1
            v.parametersJSON = String(decoding: try encoder.encode(parameters), as: UTF8.self)
            v.createdBy = user.map { "\($0.fullName) (\($0.login))" } ?? "система"
            v.comment = comment
            try await v.create(on: db)
            if user != nil {
                let before = last > 0 ? try await MethodologyVersion.query(on: db).filter(\.$municipality.$id == municipalityID)
                    .filter(\.$number == last).first()?.parameters : nil
                try await Audit.record(db, user: user, action: "methodology.update", entityType: "methodology", entityID: v.id,
                                       municipalityID: municipalityID, summary: "Параметры методики: версия \(v.number)",
                                       before: before.map { Dictionary(uniqueKeysWithValues: $0.described.map { ($0.label, $0.value) }) },
                                       after: Dictionary(uniqueKeysWithValues: parameters.described.map { ($0.label, $0.value) }))
            }
            return Version(number: v.number, parameters: parameters, createdBy: v.createdBy, createdAt: v.createdAt, comment: comment)
        }
    }
}
