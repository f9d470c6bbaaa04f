import Fluent
import Foundation
import OporaDomain

extension StudentSupportView {
    /// A school's student support of one year: grades, families at risk and the support plans, for a
    /// user who may read the school's people (`Scope.peopleSchool`).
    static func query(school: School, year: Int, years: [Int], user: CurrentUser, on db: any Database) async throws -> Model {
        let id = try school.requireID()
        let grades = try await StudentSupportRecord.query(on: db).filter(\.$school.$id == id).filter(\.$year == year)
            .sort(\.$grade).all().map { $0.fact(schoolCode: school.code) }
        let families = try await AtRiskFamiliesRecord.query(on: db).filter(\.$school.$id == id).filter(\.$year == year).first()
        let plans = try await SupportPlan.query(on: db).filter(\.$school.$id == id).sort(\.$participantCode).all().map(\.input)
        return Model(school: school.facts, year: year, years: years, grades: grades, families: families?.families,
                     plans: plans, canEdit: user.access.canEditPeople(ofSchool: id.uuidString))
    }
}
