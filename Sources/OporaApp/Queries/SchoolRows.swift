import Fluent
import Foundation
import OporaDomain
import SQLKit

/// A municipality's schools read as plain rows. A country holds 40,000 schools; building a Fluent
/// model for each took 3 s, longer than validating a million result rows.
extension School {
    /// What imports need of a school.
    struct Ref: Sendable {
        var id: UUID
        var code: String
        var shortName: String
    }

    static func refs(municipalityID: UUID, on db: any Database) async throws -> [Ref] {
        try await (db as! any SQLDatabase).select().columns("id", "code", "short_name").from(schema)
            .where("municipality_id", .equal, municipalityID).all().map { row in
                Ref(id: try row.decode(column: "id", as: UUID.self), code: try row.decode(column: "code", as: String.self),
                    shortName: try row.decode(column: "short_name", as: String.self))
            }
    }

    /// The municipality's ФИС ОКО logins (compared as `FileShape.loginKey`) with the codes of the schools that have them.
    static func logins(municipalityID: UUID, on db: any Database) async throws -> [String: [String]] {
        try await logins(municipalityIDs: [municipalityID], on: db)
    }

    /// The same for several municipalities: a region's file names its schools by login too.
    static func logins(municipalityIDs: [UUID], on db: any Database) async throws -> [String: [String]] {
        var logins: [String: [String]] = [:]
        guard !municipalityIDs.isEmpty else { return logins }
        for row in try await (db as! any SQLDatabase).select().columns("code", "login").from(schema)
            .where("municipality_id", .in, municipalityIDs).where("login", .isNot, SQLLiteral.null).all() {
            guard let login = try row.decode(column: "login", as: String?.self) else { continue }
            logins[FileShape.loginKey(login), default: []].append(try row.decode(column: "code", as: String.self))
        }
        return logins
    }

    /// What the monitoring pages need of every school, sorted by code.
    static func facts(municipalityID: UUID, on db: any Database) async throws -> [Facts] {
        try await (db as! any SQLDatabase).select().columns("id", "code", "name", "short_name", "distance_km", "settlement", "type").from(schema)
            .where("municipality_id", .equal, municipalityID).orderBy("code").all().map { row in
                Facts(id: try row.decode(column: "id", as: UUID.self), code: try row.decode(column: "code", as: String.self),
                      name: try row.decode(column: "name", as: String.self), shortName: try row.decode(column: "short_name", as: String.self),
                      distanceKm: try row.decode(column: "distance_km", as: Double?.self),
                      settlement: try row.decode(column: "settlement", as: String?.self), type: try row.decode(column: "type", as: String?.self))
            }
    }
}
