import Fluent
import Foundation
import OporaDomain

extension EventsView {
    /// The municipality's events, newest first, with the schools and partnerships a new one may name.
    static func query(programme: Programme, user: CurrentUser, today: Day, on db: any Database) async throws -> Model {
        let schools = try await School.query(on: db).filter(\.$municipality.$id == programme.$municipality.id).sort(\.$code).all()
        let names = Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0.shortName) })
        let rows = try await NetworkEvent.query(on: db).filter(\.$municipality.$id == programme.$municipality.id).sort(\.$date, .descending).all().map {
            Row(date: Day($0.date) ?? today, kind: EventKind(rawValue: $0.kind) ?? .other, title: $0.title,
                           school: $0.$school.id.flatMap { names[$0] }, organiser: $0.organiser, audience: $0.audience,
                           participants: $0.participants, materials: $0.materials, isPublic: $0.isPublic)
        }
        let partnerships = try await Partnership.query(on: db).filter(\.$municipality.$id == programme.$municipality.id).all().map { p in
            (p.id!.uuidString, "\(names[p.$school.id] ?? "") — \(p.$partnerSchool.id.flatMap { names[$0] } ?? p.partnerName ?? "")")
        }
        return Model(rows: rows, schools: schools.map { ($0.id!.uuidString, $0.shortName) }, partnerships: partnerships,
                                canEdit: user.access.canManagePeopleWork)
    }
}
