import Fluent
import Foundation
import OporaDomain

extension SchoolsView {
    /// The schools of the shown municipality (a regional user's opened one), each with its plan's
    /// progress where the user may read it, and with its category of the latest monitoring year for
    /// users who read the whole municipality. `programme`: the shown one, whose participants and plans the list names.
    static func query(user: CurrentUser, programme: Programme?, today: Day, cache: MonitoringCache, on db: any Database) async throws -> (items: [Item], categoryYear: Int?) {
        let municipalities = try await Scope.shownMunicipalityID(for: user, on: db).map { [$0] } ?? []
        // The registry as the monitoring cache keeps it (every edit of a school moves its stamp), by name.
        let schools = try await municipalities.first.asyncFlatMap { try await cache.data(municipalityID: $0, on: db).schools }?
            .sorted { ($0.name, $0.code) < ($1.name, $1.code) } ?? []
        var plans: [SchoolPlans.Item] = []
        var participating = Set<UUID>()
        if let programmeID = programme?.id {
            plans = try await SchoolPlans.items(programmeID: programmeID, user: user, today: today, on: db)
            participating = try await Participation.schoolIDs(of: programmeID, on: db)
        }
        var categories: [String: SchoolCategory] = [:]
        var year: Int?
        if user.access.readsWholeMunicipality, let municipalityID = municipalities.first {
            if let latest = try await cache.identifiedLatest(municipalityID: municipalityID, on: db) {
                year = latest.year
                for a in latest.result.schools { categories[a.schoolCode] = a.category }
            }
        }
        let planByID = Dictionary(plans.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let items = schools.map { s in
            Item(school: s, settlement: s.settlement, type: s.type, participating: participating.contains(s.id), category: categories[s.code],
                 plan: user.canReadSchool(s.id) ? planByID[s.id] : nil, canOpen: user.canReadSchool(s.id))
        }
        return (items, year)
    }
}
