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
        /// Rule 10: the composite's 90 % interval.
        var compositeLow: Double?
        var compositeHigh: Double?
        /// Rule 10: НРО that rests on rows «на границе».
        var unstable: Bool
        var socialIndex: Double?
        var criteriaMet: Int
        var lowYears: [Int]
        var biasFlags: [String]
        var explanation: [String]

        var compositeInterval: Interval? { compositeLow.flatMap { low in compositeHigh.map { Interval(low: low, high: $0) } } }
    }

    var year: Int
    var methodologyVersion: Int
    var parameters: MethodologyParameters
    var years: [Int]
    var schools: [SchoolItem]

    /// The years the rules read for `year`: the window of `years` ending with it, and the year before
    /// it for the composite's jump.
    static func window(year: Int, parameters: MethodologyParameters) -> ClosedRange<Int> {
        Identification.readYears(for: year, parameters: parameters)
    }

    init(year: Int, version: Methodology.Version, years: [Int], schools: [SchoolItem]) {
        self.year = year
        methodologyVersion = version.number
        parameters = version.parameters
        let window = Self.window(year: year, parameters: version.parameters)
        self.years = years.filter { window.contains($0) }
        self.schools = schools
    }

    /// The one way to build it, from the data, the result and the version they were computed with.
    /// `masked`: explanations as a reader who sees counts only is shown them (observers in the API).
    init(data: MonitoringData, result: IdentificationResult, version: Methodology.Version, masked: Bool) {
        let names = Dictionary(uniqueKeysWithValues: data.schools.map { ($0.code, $0.name) })
        self.init(year: result.year, version: version, years: data.years,
                  schools: result.schools.map { Self.item($0, name: names[$0.schoolCode], parameters: version.parameters, masked: masked) })
    }

    /// A school of the report: its assessment with the registry's full name.
    static func item(_ a: SchoolAssessment, name: String?, parameters: MethodologyParameters, masked: Bool) -> SchoolItem {
        SchoolItem(code: a.schoolCode, name: name ?? a.schoolName, category: a.category, categoryRussian: a.category.russian,
                   lowResults: a.lowResults, adverseConditions: a.adverseConditions, composite: a.composite,
                   // The interval and the note are figures of the rows' counts: not for readers who see counts only.
                   compositeLow: masked ? nil : a.compositeInterval?.low, compositeHigh: masked ? nil : a.compositeInterval?.high,
                   unstable: !masked && a.unstable, socialIndex: a.socialIndex,
                   criteriaMet: a.criteriaMet, lowYears: a.yearChecks.filter(\.isLowYear).map(\.year),
                   biasFlags: a.biasFlags.map { $0.russian(parameters: parameters) },
                   explanation: masked ? Identification.explanation(of: a, parameters: parameters, masked: true) : a.explanation)
    }

    /// For the server: the municipality's data and identification as cached by the monitoring stamp.
    static func make(municipalityID: UUID, year: Int, masked: Bool, cache: MonitoringCache, on db: any Database) async throws -> IdentificationReport {
        let version = try await Methodology.current(municipalityID: municipalityID, on: db)
        let (data, result) = try await cache.identification(municipalityID: municipalityID, year: year, parameters: version.parameters, on: db)
        return IdentificationReport(data: data, result: result, version: version, masked: masked)
    }

    /// For `opora identify`, one run of a process: only the years the rules read are loaded, in their
    /// compact form, a year on each of `databases` (connections of their own), and each school is made
    /// into its item as soon as it is assessed, so a country fits in memory and time; the answer is the
    /// same as the server's. `explained`: whether the explanations are written (they are shown in JSON only).
    static func oneShot(municipalityID: UUID, year: Int, explained: Bool, on databases: [any Database]) async throws -> IdentificationReport {
        let db = databases[0]
        let version = try await Methodology.current(municipalityID: municipalityID, on: db)
        let clock = ContinuousClock()
        let started = clock.now
        // The rows on connections of their own, while the schools and contexts are read on the first one.
        async let readRows = IdentificationRowReader.read(municipalityID: municipalityID, years: window(year: year, parameters: version.parameters),
                                                          on: databases.count > 1 ? Array(databases.dropFirst()) : databases)
        let schools = try await School.facts(municipalityID: municipalityID, on: db)
        let contexts = try await MonitoringData.contexts(municipalityID: municipalityID, years: year...year, schools: schools, on: db)
        let pool = version.parameters.referenceScope == .region
            ? try await RegionReferencePool.read(municipalityID: municipalityID, years: window(year: year, parameters: version.parameters),
                                                 parameters: version.parameters, on: db).pool
            : nil
        let readSchools = clock.now
        let rows = try await readRows
        let read = clock.now
        let names = Dictionary(uniqueKeysWithValues: schools.map { ($0.code, $0.name) })
        let parameters = version.parameters
        let (items, _) = Identification.assessEach(rows: rows, contexts: contexts, schools: schools.map(\.domain), parameters: parameters,
                                                   year: year, pool: pool, explained: explained) { a in
            item(a, name: names[a.schoolCode], parameters: parameters, masked: false)
        }
        if ProcessInfo.processInfo.environment["OPORA_TIMINGS"] == "1" {
            FileHandle.standardError.write(Data(("read \(schools.count) schools and \(contexts.count) contexts in \(readSchools - started), "
                + "and \(rows.count) rows at the same time in \(read - started); identified \(schools.count) schools in \(clock.now - read)\n").utf8))
        }
        return IdentificationReport(year: year, version: version, years: rows.years, schools: items)
    }
}
