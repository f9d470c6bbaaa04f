import Fluent
import Foundation
import OporaDomain

/// Which schools take part in which programme. A school that joins gets its own plan there; one that
/// leaves keeps the plan it worked on (its history), but no longer counts in the programme's
/// indicators, lists or new measures. Callers hold the transaction and write the audit entry.
enum Participation {
    static func schoolIDs(of programmeID: UUID, on db: any Database) async throws -> Set<UUID> {
        Set(try await ProgrammeSchool.query(on: db).filter(\.$programme.$id == programmeID).all(\.$school.$id))
    }

    static func takesPart(_ schoolID: UUID, in programmeID: UUID, on db: any Database) async throws -> Bool {
        try await ProgrammeSchool.query(on: db).filter(\.$programme.$id == programmeID).filter(\.$school.$id == schoolID).count() > 0
    }

    /// Adds or removes a school; answers whether anything changed.
    @discardableResult
    static func set(_ schoolID: UUID, in programme: Programme, to participating: Bool, on db: any Database) async throws -> Bool {
        let programmeID = try programme.requireID()
        let now = try await takesPart(schoolID, in: programmeID, on: db)
        guard now != participating else { return false }
        try Programmes.requireOpen(programme)
        if participating {
            try await ProgrammeSchool(programmeID: programmeID, schoolID: schoolID).create(on: db)
            try await ProgrammeInstaller.createSchoolPlan(programmeID: programmeID, schoolID: schoolID, on: db)
        } else {
            try await ProgrammeSchool.query(on: db).filter(\.$programme.$id == programmeID).filter(\.$school.$id == schoolID).delete()
        }
        return true
    }
}
