import Fluent
import Foundation
import OporaDomain
import Vapor

/// Records about people kept per school or municipality: support plans, consultation points by
/// name, a mentoring pair as its reader may see it.
enum PeopleRecords {
    /// The school's support plans, by participant code. The caller has checked the school through `Scope`.
    static func supportPlans(of school: School, on db: any Database) async throws -> [SupportPlanInput] {
        try await SupportPlan.query(on: db).filter(\.$school.$id == school.requireID()).sort(\.$participantCode).all().map(\.input)
    }

    /// The municipality's consultation point of this name, if there is one.
    static func consultationPoint(named name: String, municipalityID: UUID, on db: any Database) async throws -> ConsultationPoint? {
        try await ConsultationPoint.query(on: db).filter(\.$municipality.$id == municipalityID).filter(\.$name == name).first()
    }

    /// A mentoring pair whose mentee the user may read, with the mentee's school: 404 when there is
    /// no such pair, and whatever `Scope.teacher` answers for the mentee otherwise.
    static func mentorship(_ id: UUID, for user: CurrentUser, on db: any Database) async throws -> (Mentorship, School) {
        guard let pair = try await Mentorship.find(id, on: db) else {
            throw Abort(.notFound, reason: "Такой наставнической пары нет.")
        }
        let (_, school) = try await Scope.teacher(pair.$mentee.id, for: user, on: db)
        return (pair, school)
    }
}
