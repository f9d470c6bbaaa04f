import Fluent
import Foundation
import OporaDomain

extension RegionReportView.Model {
    /// The report of a regional user's region as of `year` (else the latest year with results).
    static func fetch(for user: CurrentUser, year: Int?, today: Day, cache: MonitoringCache, kept: RegionOverview.Kept,
                      on db: any Database) async throws -> Self {
        let region = try await Scope.region(for: user, on: db)
        let municipalities = try await Scope.regionMunicipalities(for: user, on: db)
        let overview = try await RegionOverview.fetch(region: region, municipalities: municipalities, year: year, user: user,
                                                      today: today, cache: cache, kept: kept, on: db)
        let schools = try await RegionSchools.fetch(municipalities: municipalities, year: overview.year, cache: cache, kept: kept, on: db)
        return Self(overview: overview, schools: schools, today: today, countsOnly: user.access.seesCountsOnly)
    }
}
