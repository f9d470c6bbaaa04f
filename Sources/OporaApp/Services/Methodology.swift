import Fluent
import Foundation
import OporaDomain

/// The numbered versions of a municipality's identification parameters. The newest is in use;
/// version 1 is the default of DESIGN.md and is written the first time it is needed.
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
        return try await save(.defaults, comment: "Параметры по умолчанию", municipalityID: municipalityID, user: nil, on: db)
    }

    static func all(municipalityID: UUID, on db: any Database) async throws -> [Version] {
        _ = try await current(municipalityID: municipalityID, on: db)
        return try await MethodologyVersion.query(on: db).filter(\.$municipality.$id == municipalityID)
            .sort(\.$number, .descending).all()
            .map { Version(number: $0.number, parameters: $0.parameters, createdBy: $0.createdBy, createdAt: $0.createdAt, comment: $0.comment) }
    }

    /// A new version; the previous ones stay, so every earlier figure can be traced to its parameters.
    @discardableResult
    static func save(_ parameters: MethodologyParameters, comment: String?, municipalityID: UUID, user: CurrentUser?,
                     on db: any Database) async throws -> Version {
        try await db.transaction { db in
            let last = try await MethodologyVersion.query(on: db).filter(\.$municipality.$id == municipalityID)
                .sort(\.$number, .descending).first()?.number ?? 0
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
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
