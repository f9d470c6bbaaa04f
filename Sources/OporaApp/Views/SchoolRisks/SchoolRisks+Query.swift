import Fluent
import Foundation
import OporaDomain

extension SchoolRisksView {
    /// A school's risk profile of one year with suggestions from the data, its recommendations and
    /// the measures they may link to.
    static func query(user: CurrentUser, school: School, programme: Programme, year: Int, years: [Int], today: Day, on db: any Database) async throws -> Model {
        let profile = try await RiskProfile.load(school: school, year: year, peopleVisible: user.access.canReadPeople(ofSchool: school.id!.uuidString), on: db)
        let directions = try await Direction.query(on: db).filter(\.$programme.$id == programme.id!).all()
        let recs = try await Recommendation.query(on: db).filter(\.$school.$id == school.id!).with(\.$measures).sort(\.$createdOn, .descending).all()
        let measures = try await NetworkWork.linkableMeasures(school: school, on: db)
        return Model(
            profile: profile, years: years, directions: Dictionary(directions.map { ($0.code, $0.title) }, uniquingKeysWith: { a, _ in a }),
            recommendations: recs.map { r in
                .init(id: r.id!, year: r.year, factor: r.factor, text: r.text, status: RecommendationStatus(rawValue: r.status) ?? .proposed,
                      createdBy: r.createdBy, createdOn: Day(r.createdOn) ?? today,
                      measures: r.measures.map { ($0.id!, $0.name, $0.status) })
            },
            measureOptions: measures.map { ($0.id!.uuidString, ($0.$school.id == nil ? "Муниципальный план: " : "План школы: ") + $0.name) },
            canAssess: user.access.canManagePeopleWork)
    }
}
