import Fluent
import Foundation
import OporaDomain

extension SchoolsView {
    /// The schools of the shown municipality (a regional user's opened one), each with its plan's
    /// progress where the user may read it, and with its category of the latest monitoring year for
    /// users who read the whole municipality. `programme`: the shown one, whose participants and plans the list names.
    static func query(user: CurrentUser, programme: Programme?, today: Day, cache: MonitoringCache, on db: any Database) async throws -> (items: [Item], categoryYear: Int?) {
        let municipalities = try await Scope.shownMunicipalityID(for: user, on: db).map { [$0] } ?? []
        let schools = try await OporaApp.School.query(on: db).filter(\.$municipality.$id ~~ municipalities).sort(\.$name).all()
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
        let items = schools.map { s in
            Item(school: s.facts, settlement: s.settlement, type: s.type, participating: participating.contains(s.id!), category: categories[s.code],
                             plan: user.canReadSchool(s.id!) ? plans.first { $0.id == s.id } : nil, canOpen: user.canReadSchool(s.id!))
        }
        return (items, year)
    }
}
