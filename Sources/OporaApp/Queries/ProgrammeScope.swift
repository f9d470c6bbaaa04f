import Fluent
import Foundation
import OporaDomain
import Vapor

/// The programme a user works in: the newest programme of the user's municipality, or of the
/// first municipality of a regional observer's region.
enum ProgrammeScope {
    static func municipalityIDs(for user: CurrentUser, on db: any Database) async throws -> [UUID] {
        if let id = user.municipalityID { return [id] }
        guard let region = user.access.regionID.flatMap(UUID.init(uuidString:)) else { return [] }
        return try await Municipality.query(on: db).filter(\.$region.$id == region).all().compactMap(\.id)
    }

    static func programmes(for user: CurrentUser, on db: any Database) async throws -> [Programme] {
        let ids = try await municipalityIDs(for: user, on: db)
        guard !ids.isEmpty else { return [] }
        return try await Programme.query(on: db).filter(\.$municipality.$id ~~ ids)
            .sort(\.$createdAt, .descending).all()
    }

    static func current(for user: CurrentUser, on db: any Database) async throws -> Programme {
        guard let programme = try await programmes(for: user, on: db).first else {
            throw Abort(.notFound, reason: "В вашем муниципалитете ещё нет программы.")
        }
        return programme
    }

    /// The programme by id, if the user may read it; 404 otherwise (its existence is not revealed).
    static func readable(_ id: UUID, for user: CurrentUser, on db: any Database) async throws -> Programme {
        let ids = try await municipalityIDs(for: user, on: db)
        guard let p = try await Programme.find(id, on: db), ids.contains(p.$municipality.id) else {
            throw Abort(.notFound, reason: "Такой программы нет.")
        }
        return p
    }
}
