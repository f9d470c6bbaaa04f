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

    var baseline: Int { effect.baseline }

    static func make(_ programme: Programme, cache: MonitoringCache, on db: any Database) async throws -> EffectReport {
        let municipalityID = programme.$municipality.id
        let baseline = programme.startYear - 1
        let data = try await cache.data(municipalityID: municipalityID, on: db)
        var composites: [String: [Int: Double]] = [:], social: [String: Double] = [:]
        var version = try await Methodology.current(municipalityID: municipalityID, on: db).number
        for year in data.years where (baseline - 1...programme.endYear).contains(year) {
            guard let identified = try await cache.identified(municipalityID: municipalityID, year: year, on: db) else { continue }
            version = identified.version.number
            for a in identified.result.schools {
                if let c = a.composite { composites[a.schoolCode, default: [:]][year] = c }
                if year == baseline, let s = a.socialIndex { social[a.schoolCode] = s }
            }
        }
        let taking = try await Participation.schoolIDs(of: programme.requireID(), on: db)
        let schools = data.schools.map {
            EffectSchool(code: $0.code, participating: taking.contains($0.id), composites: composites[$0.code] ?? [:], socialIndex: social[$0.code])
        }
        let years = Array(programme.years).filter { y in data.years.contains(y) }
        return EffectReport(programmeName: programme.name, programmeYears: programme.years, methodologyVersion: version,
                            effect: ProgrammeEffect.estimate(schools: schools, baseline: baseline, years: years),
                            names: Dictionary(uniqueKeysWithValues: data.schools.map { ($0.code, $0.shortName) }))
    }

    func name(_ code: String) -> String { names[code] ?? code }
}
