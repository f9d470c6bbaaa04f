import Fluent
import Foundation
import OporaDomain

extension DecisionsView {
    /// The municipality's management decisions, with the schools and measures a new one may name.
    static func query(user: CurrentUser, today: Day, on db: any Database) async throws -> Model {
        let programme = try await Scope.currentProgramme(for: user, on: db)
        let municipalityID = programme.$municipality.id
        let schools = try await School.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$code).all()
        let names = Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0.shortName) })
        let measures = try await Measure.query(on: db).filter(\.$programme.$id == programme.id!).sort(\.$sectionNumber).sort(\.$ordinal).all()
        let measureNames = Dictionary(uniqueKeysWithValues: measures.map { ($0.id!, $0.name) })
        let rows = try await Decision.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$date, .descending).all().map { d in
            DecisionsView.Row(date: Day(d.date) ?? today, body: d.body, decision: d.decision, basis: d.basis, school: d.$school.id.flatMap { names[$0] },
                              measure: d.$measure.id.flatMap { id in measureNames[id].map { (id, $0) } })
        }
        return Model(rows: rows, schools: schools.map { ($0.id!.uuidString, $0.shortName) },
                                   measures: measures.map { ($0.id!.uuidString, ($0.$school.id.flatMap { names[$0] }.map { "\($0): " } ?? "") + $0.name) },
                                   canEdit: user.access.canManagePeopleWork, today: today)
    }
}
