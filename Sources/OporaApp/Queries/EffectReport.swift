import Fluent
import Foundation
import OporaDomain

/// The programme's effect (`ProgrammeEffect`) from the monitoring of each year as the pages show it: the
/// composites of every school of the municipality from the year before the baseline to the programme's
/// last year with results, the social index of the baseline year, and the programme's list of schools.
struct EffectReport: Sendable {
    var programmeName: String
    var programmeYears: ClosedRange<Int>
    var methodologyVersion: Int
    var effect: ProgrammeEffect
    /// Short names by code, for every school the estimate names.
    var names: [String: String]

    /// Whether the comparison pool is the whole region (the municipality compares with its region, rule 5).
    var regionPool = false

    static func make(_ programme: Programme, cache: MonitoringCache, on db: any Database) async throws -> EffectReport {
        let municipalityID = programme.$municipality.id
        let baseline = programme.startYear - 1
        let current = try await Methodology.current(municipalityID: municipalityID, on: db)
        // The scope: the municipality, or every municipality of its region when it compares with the region.
        let regionPool = current.parameters.referenceScope == .region
        var scope = [municipalityID]
        if regionPool { scope = try await RegionReferencePool.stamps(municipalityID: municipalityID, on: db).ids }
        let taking = try await Participation.schoolIDs(of: programme.requireID(), on: db)
        var schools: [EffectSchool] = [], names: [String: String] = [:], years = Set<Int>(), version = current.number
        for m in [municipalityID] + scope.filter({ $0 != municipalityID }) {
            let own = m == municipalityID
            let data = try await cache.data(municipalityID: m, on: db)
            let label = own ? "" : (try await Municipality.find(m, on: db)?.name ?? "")
            // Another municipality's codes may repeat this one's: its schools are named with it.
            func key(_ code: String) -> String { own ? code : "\(label) / \(code)" }
            var composites: [String: [Int: Double]] = [:], social: [String: Double] = [:]
            for year in data.years where (baseline - 1...programme.endYear).contains(year) {
                guard let identified = try await cache.identified(municipalityID: m, year: year, on: db) else { continue }
                if own { version = identified.version.number; years.insert(year) }
                for a in identified.result.schools {
                    if let c = a.composite { composites[a.schoolCode, default: [:]][year] = c }
                    if year == baseline, let s = a.socialIndex { social[a.schoolCode] = s }
                }
            }
            for s in data.schools {
                schools.append(EffectSchool(code: key(s.code), participating: own && taking.contains(s.id), composites: composites[s.code] ?? [:],
                                            socialIndex: social[s.code]))
                names[key(s.code)] = own ? s.shortName : "\(s.shortName) (\(label))"
            }
        }
        return EffectReport(programmeName: programme.name, programmeYears: programme.years, methodologyVersion: version,
                            effect: ProgrammeEffect.estimate(schools: schools, baseline: baseline, years: Array(programme.years).filter(years.contains)),
                            names: names, regionPool: regionPool)
    }

    func name(_ code: String) -> String { names[code] ?? code }
}
