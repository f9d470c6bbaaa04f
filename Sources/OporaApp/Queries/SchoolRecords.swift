import Fluent
import Foundation
import OporaDomain

/// Records kept per school: the schools of some municipalities, a school's social context and
/// result rows year by year, its recommendations. The caller has already decided through `Scope`
/// that the user may read the school or the municipalities it passes.
enum SchoolRecords {
    /// The schools of these municipalities, by code.
    static func schools(inMunicipalities ids: [UUID], on db: any Database) async throws -> [School] {
        try await School.query(on: db).filter(\.$municipality.$id ~~ ids).sort(\.$code).all()
    }

    /// The school's social context, year by year.
    static func contexts(of school: School, on db: any Database) async throws -> [SocialContext] {
        try await SocialContextRecord.query(on: db).filter(\.$school.$id == school.requireID()).sort(\.$year).all()
            .map { $0.domain(schoolCode: school.code) }
    }

    /// The school's social context in one year: an empty one when nothing is stored.
    static func context(of school: School, year: Int, on db: any Database) async throws -> SocialContext {
        let stored = try await SocialContextRecord.query(on: db).filter(\.$school.$id == school.requireID()).filter(\.$year == year).first()
        return stored?.domain(schoolCode: school.code) ?? SocialContext(year: year, schoolCode: school.code)
    }

    /// The school's result rows, year by year.
    static func results(of school: School, on db: any Database) async throws -> [ResultRow] {
        try await ResultRecord.query(on: db).filter(\.$municipality.$id == school.$municipality.id)
            .filter(\.$schoolCode == school.code).sort(\.$year).all().map(\.domain)
    }

    /// The school's recommendations, oldest first, with the measures that carry them out.
    static func recommendations(of school: School, on db: any Database) async throws -> [Recommendation] {
        try await Recommendation.query(on: db).filter(\.$school.$id == school.requireID()).with(\.$measures).sort(\.$createdOn).all()
    }
}
