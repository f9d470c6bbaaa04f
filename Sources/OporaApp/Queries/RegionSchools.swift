import Fluent
import Foundation
import OporaDomain

/// Every school of a region with its municipality and its category of one year, as each
/// municipality's identification gives it (`MonitoringCache.identified`: the same categories as the
/// municipality's own pages).
struct RegionSchools: Sendable {
    var year: Int?
    var years: [Int]
    var schools: [Item]
    /// The municipalities that have no results of the year: their schools are not on the list.
    var withoutResults: [String]
    /// The references of each municipality listed (`RegionOverview.reference(scopes:)`).
    var scopes: [ReferenceScope] = []

    struct Item: Sendable {
        var municipalityID: UUID
        var municipality: String
        var school: School.Facts?
        var assessment: SchoolAssessment

        var name: String { school?.shortName ?? assessment.schoolCode }
    }

    /// The schools of one municipality (or all) and one category (or all), in the order of the list.
    func listed(municipality: UUID?, category: SchoolCategory?) -> [Item] {
        schools.filter { s in (municipality == nil || s.municipalityID == municipality) && (category == nil || s.assessment.category == category) }
    }

    /// Kept in `kept` while no municipality of the region changed (its stamps, read first).
    static func fetch(municipalities: [Municipality], year asked: Int?, cache: MonitoringCache, kept: RegionOverview.Kept,
                      on db: any Database) async throws -> RegionSchools {
        let ids = try municipalities.map { try $0.requireID() }
        let key = RegionOverview.Kept.key(ids: ids, changes: try await ChangeStamp.current(municipalityIDs: ids, on: db),
                                          monitoring: try await MonitoringStamp.table.current(municipalityIDs: ids, on: db),
                                          names: municipalities.map(\.name)) + "|\(asked.map(String.init) ?? "-")"
        guard let region = municipalities.first?.$region.id else { return try await compute(municipalities: municipalities, year: asked, cache: cache, on: db) }
        if let hit = kept.schools(region, key: key) { return hit }
        let computed = try await compute(municipalities: municipalities, year: asked, cache: cache, on: db)
        kept.keep(computed, region: region, key: key)
        return computed
    }

    private static func compute(municipalities: [Municipality], year asked: Int?, cache: MonitoringCache, on db: any Database) async throws -> RegionSchools {
        var years = Set<Int>()
        for m in municipalities { years.formUnion(try await cache.data(municipalityID: m.requireID(), on: db).years) }
        let sorted = years.sorted()
        guard let year = asked.flatMap({ years.contains($0) ? $0 : nil }) ?? sorted.last else {
            return RegionSchools(year: nil, years: [], schools: [], withoutResults: municipalities.map(\.name))
        }
        var items: [Item] = []
        var without: [String] = []
        var scopes: [ReferenceScope] = []
        for m in municipalities {
            let id = try m.requireID()
            guard let identified = try await cache.identified(municipalityID: id, year: year, on: db) else { without.append(m.name); continue }
            scopes.append(identified.version.parameters.referenceScope)
            let facts = Dictionary(uniqueKeysWithValues: identified.data.schools.map { ($0.code, $0) })
            items += identified.result.schools.map { Item(municipalityID: id, municipality: m.name, school: facts[$0.schoolCode], assessment: $0) }
        }
        return RegionSchools(year: year, years: sorted, schools: items, withoutResults: without, scopes: scopes)
    }
}
