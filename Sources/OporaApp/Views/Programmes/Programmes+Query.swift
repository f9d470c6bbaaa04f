import Fluent
import Foundation
import OporaDomain

extension ProgrammesView {
    struct Item {
        var id: UUID
        var name: String
        var years: ClosedRange<Int>
        var status: ProgrammeStatus
        var closedOn: Day?
        var closeReason: String?
        var measures: Int
        var done: Int
        var isCurrent: Bool
    }

    struct Model {
        var items: [Item]
        var canManage: Bool
        /// The period the form suggests: the year after the newest programme, three years long.
        var suggestedYears: ClosedRange<Int>
        var today: Day
        /// The programme a successor would start from, and its municipal measures not done.
        var previous: (name: String, unfinished: [(id: UUID, title: String)])?
        /// Whether the municipality's open page for parents is switched on; nil for anyone but its admin.
        var publicPage: Bool?
    }

    /// The municipality's programmes, newest period first, with their measures done.
    static func query(user: CurrentUser, current: Programme?, today: Day, on db: any Database) async throws -> Model {
        let programmes = try await Scope.programmes(for: user, on: db)
        var items: [Item] = []
        for p in programmes {
            let measures = Measure.query(on: db).filter(\.$programme.$id == p.id!)
            items.append(Item(id: p.id!, name: p.name, years: p.years, status: p.status, closedOn: p.closedOn.flatMap(Day.init),
                              closeReason: p.closeReason, measures: try await measures.count(),
                              done: try await measures.filter(\.$status == .done).count(), isCurrent: p.id == current?.id))
        }
        let next = (programmes.map(\.endYear).max().map { $0 + 1 }) ?? today.year
        var previous: (name: String, unfinished: [(id: UUID, title: String)])?
        if user.access.canAdminister, let municipalityID = user.municipalityID, let latest = try await Programmes.latest(of: municipalityID, on: db) {
            previous = (latest.name, try await Programmes.unfinished(latest, on: db).map { ($0.id!, "\($0.name) (\($0.year))") })
        }
        let publicPage = user.access.canAdminister ? try await user.municipalityID.asyncFlatMap { try await Municipality.find($0, on: db) }?.publicPage : nil
        return Model(items: items, canManage: user.access.canAdminister, suggestedYears: next...(next + 2), today: today, previous: previous,
                     publicPage: publicPage)
    }
}
