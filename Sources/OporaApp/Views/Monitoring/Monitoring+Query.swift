import Fluent
import Foundation
import OporaDomain

extension MonitoringView {
    /// What the page was asked for, already read and bounded by the controller.
    struct Input: Sendable {
        var year: Int?
        var category: SchoolCategory?
        /// 1-based, as in the address.
        var page: Int = 1
    }

    /// The page's model for a municipality the caller may read as a whole (`Scope.wholeMunicipality`):
    /// the requested year if it has results, else the latest; nil before any results are loaded.
    static func query(_ municipality: Municipality, _ input: Input, cache: MonitoringCache, on db: any Database) async throws -> Model? {
        let municipalityID = try municipality.requireID()
        let data = try await cache.data(municipalityID: municipalityID, on: db)
        guard let last = data.years.last else { return nil }
        let year = input.year.flatMap { data.years.contains($0) ? $0 : nil } ?? last
        guard let identified = try await cache.identified(municipalityID: municipalityID, year: year, on: db) else { return nil }
        return Model(year: year, years: data.years, result: identified.result, version: identified.version,
                     schools: Dictionary(uniqueKeysWithValues: data.schools.map { ($0.code, $0) }), isDemo: municipality.isDemo,
                     category: input.category, page: input.page - 1)
    }
}
