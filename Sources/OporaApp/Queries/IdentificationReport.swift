import Fluent
import Foundation
import OporaDomain
import Vapor

/// The identification of a year as the API and the CLI give it: every school with its code,
/// category, figures and explanation, and the methodology version used.
struct IdentificationReport: Content {
    struct SchoolItem: Content {
        var code: String
        var name: String
        var category: SchoolCategory
        var categoryRussian: String
        var lowResults: Bool
        var adverseConditions: Bool
        var composite: Double?
        var socialIndex: Double?
        var criteriaMet: Int
        var lowYears: [Int]
        var biasFlags: [String]
        var explanation: [String]
    }

    var year: Int
    var methodologyVersion: Int
    var parameters: MethodologyParameters
    var years: [Int]
    var schools: [SchoolItem]

    /// The years the rules read for `year`: the window of `years` ending with it, and the year before
    /// it for the composite's jump.
    static func window(year: Int, parameters: MethodologyParameters) -> ClosedRange<Int> {
        min(year - max(parameters.years, 1) + 1, year - 1)...year
    }

    /// The one way to build it, from the data, the result and the version they were computed with.
    /// `masked`: explanations as a reader who sees counts only is shown them (observers in the API).
    init(data: MonitoringData, result: IdentificationResult, version: Methodology.Version, masked: Bool) {
        let names = Dictionary(uniqueKeysWithValues: data.schools.map { ($0.code, $0.name) })
        let window = Self.window(year: result.year, parameters: version.parameters)
        year = result.year
        methodologyVersion = version.number
        parameters = version.parameters
        years = data.years.filter { window.contains($0) }
        schools = result.schools.map { a in
            SchoolItem(code: a.schoolCode, name: names[a.schoolCode] ?? a.schoolName, category: a.category, categoryRussian: a.category.russian,
                       lowResults: a.lowResults, adverseConditions: a.adverseConditions, composite: a.composite, socialIndex: a.socialIndex,
                       criteriaMet: a.criteriaMet, lowYears: a.yearChecks.filter(\.isLowYear).map(\.year),
                       biasFlags: a.biasFlags.map { $0.russian(parameters: version.parameters) },
                       explanation: masked ? Identification.explanation(of: a, parameters: version.parameters, masked: true) : a.explanation)
        }
    }

    /// For the server: the municipality's data and identification as cached by the monitoring stamp.
    static func make(municipalityID: UUID, year: Int, masked: Bool, cache: MonitoringCache, on db: any Database) async throws -> IdentificationReport {
        let version = try await Methodology.current(municipalityID: municipalityID, on: db)
        let (data, result) = try await cache.identification(municipalityID: municipalityID, year: year, parameters: version.parameters, on: db)
        return IdentificationReport(data: data, result: result, version: version, masked: masked)
    }

    /// For `opora identify`, one run of a process: only the years the rules read are loaded, so a
    /// country's file fits in memory; the answer is the same as the server's.
    static func oneShot(municipalityID: UUID, year: Int, on db: any Database) async throws -> IdentificationReport {
        let version = try await Methodology.current(municipalityID: municipalityID, on: db)
        let clock = ContinuousClock()
        let started = clock.now
        let data = try await MonitoringData.load(municipalityID: municipalityID, years: window(year: year, parameters: version.parameters), on: db)
        let read = clock.now
        let result = data.identify(year: year, parameters: version.parameters)
        if ProcessInfo.processInfo.environment["OPORA_TIMINGS"] == "1" {
            FileHandle.standardError.write(Data("read \(data.rows.count) rows and \(data.contexts.count) contexts in \(read - started); identified \(data.schools.count) schools in \(clock.now - read)\n".utf8))
        }
        return IdentificationReport(data: data, result: result, version: version, masked: false)
    }
}
