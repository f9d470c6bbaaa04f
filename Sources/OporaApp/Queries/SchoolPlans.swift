import Fluent
import Foundation
import OporaDomain
import Vapor

/// Participating schools and their own plans.
enum SchoolPlans {
    struct Item: Sendable {
        var id: UUID
        var shortName: String
        var name: String
        var measures: Int
        var done: Int
        var overdue: Int
    }

    /// The schools that have their own plan in the programme.
    static func schoolIDs(programmeID: UUID, on db: any Database) async throws -> [UUID] {
        try await Measure.query(on: db).filter(\.$programme.$id == programmeID).filter(\.$school.$id != nil)
            .unique().all(\.$school.$id).compactMap { $0 }
    }

    static func schoolsWithPlans(programmeID: UUID, user: CurrentUser, on db: any Database) async throws -> [School] {
        let ids = try await schoolIDs(programmeID: programmeID, on: db)
        guard !ids.isEmpty else { return [] }
        var schools = try await School.query(on: db).filter(\.$id ~~ ids).sort(\.$name).all()
        if let own = user.ownSchoolID { schools = schools.filter { $0.id == own } }
        return schools
    }

    static func items(programmeID: UUID, user: CurrentUser, today: Day, on db: any Database) async throws -> [Item] {
        let participating = Array(try await Participation.schoolIDs(of: programmeID, on: db))
        let schools = participating.isEmpty ? [] : try await School.query(on: db).filter(\.$id ~~ participating)
            .filter(\.$municipality.$id ~~ Scope.municipalityIDs(for: user, on: db)).sort(\.$name).all()
        // The same rows, and so the same counts, as the measures page.
        let bySchool = Dictionary(grouping: try await MeasureList.all(programmeID: programmeID, today: today, on: db)
            .filter { $0.schoolID != nil && $0.status != .cancelled }, by: \.schoolID)
        return schools.map { s in
            let own = bySchool[s.id] ?? []
            return Item(id: s.id!, shortName: s.shortName, name: s.name, measures: own.count,
                        done: own.filter { $0.status == .done }.count, overdue: own.filter(\.overdue).count)
        }
    }
}
