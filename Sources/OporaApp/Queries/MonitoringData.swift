import Fluent
import NIOConcurrencyHelpers
import Foundation
import OporaDomain
import SQLKit
import Vapor

/// The rows the methodology reads for one municipality, and its result for a year.
struct MonitoringData: Sendable {
    var schools: [School.Facts]
    var rows: [ResultRow]
    var contexts: [SocialContext]
    var years: [Int]

    /// Every row, context and year of the municipality, for the pages.
    static func load(municipalityID: UUID, on db: any Database) async throws -> MonitoringData {
        let schools = try await School.facts(municipalityID: municipalityID, on: db)
        let contexts = try await contexts(municipalityID: municipalityID, years: nil, schools: schools, on: db)
        let rows = try await ResultRowReader.read(municipalityID: municipalityID, years: nil, on: db)
        return MonitoringData(schools: schools, rows: rows, contexts: contexts, years: Array(Set(rows.map(\.year))).sorted())
    }

    /// The social contexts of `schools`, of `years` or all.
    static func contexts(municipalityID: UUID, years: ClosedRange<Int>?, schools: [School.Facts], on db: any Database) async throws -> [SocialContext] {
        let codeByID = Dictionary(uniqueKeysWithValues: schools.map { ($0.id, $0.code) })
        var query = (db as! any SQLDatabase).select()
            .columns("school_id", "year", "students", "low_income_share", "incomplete_family_share", "no_higher_education_share",
                     "non_native_share", "preventive_register_share")
            .from(SocialContextRecord.schema).where("municipality_id", .equal, municipalityID)
        if let years { query = query.where("year", .greaterThanOrEqual, years.lowerBound).where("year", .lessThanOrEqual, years.upperBound) }
        return try await query.all().compactMap { row -> SocialContext? in
            guard let code = codeByID[try row.decode(column: "school_id", as: UUID.self)] else { return nil }
            func share(_ column: String) throws -> Double? { try row.decode(column: column, as: Double?.self) }
            return SocialContext(year: try row.decode(column: "year", as: Int.self), schoolCode: code,
                                 students: try row.decode(column: "students", as: Int?.self), lowIncomeShare: try share("low_income_share"),
                                 incompleteFamilyShare: try share("incomplete_family_share"),
                                 noHigherEducationShare: try share("no_higher_education_share"),
                                 nonNativeShare: try share("non_native_share"), preventiveRegisterShare: try share("preventive_register_share"))
        }
    }

    func identify(year: Int, parameters: MethodologyParameters, pool: ReferencePool?) -> IdentificationResult {
        Identification.run(rows: rows, contexts: contexts, schools: schools.map(\.domain), parameters: parameters, year: year, pool: pool)
    }
}

/// A municipality's monitoring data and its identifications, kept between requests while the
/// municipality's `MonitoringStamp` stays the same. A region's monitoring page would otherwise read
/// 120,000 rows and run the methodology on every visit.
final class MonitoringCache: Sendable {
    private struct Entry {
        var stamp: UUID?
        var data: MonitoringData
        var identified: [IdentificationKey: IdentificationResult] = [:]
    }

    private struct IdentificationKey: Hashable {
        var year: Int
        var parameters: Data
        /// With references over the region: the stamps of all its municipalities.
        var regionStamps = ""
    }

    private let entries = NIOLockedValueBox([UUID: Entry]())
    /// `IndicatorData.load`'s values per programme, with the stamps they were computed under.
    let indicatorData = NIOLockedValueBox([UUID: (key: String, value: IndicatorData)]())

    func data(municipalityID: UUID, on db: any Database) async throws -> MonitoringData {
        try await entry(municipalityID: municipalityID, on: db).data
    }

    /// The data and its identification as of `year`, both remembered.
    func identification(municipalityID: UUID, year: Int, parameters: MethodologyParameters,
                        on db: any Database) async throws -> (data: MonitoringData, result: IdentificationResult) {
        let entry = try await entry(municipalityID: municipalityID, on: db)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var key = IdentificationKey(year: year, parameters: try encoder.encode(parameters))
        if parameters.referenceScope == .region {
            key.regionStamps = try await RegionReferencePool.stamps(municipalityID: municipalityID, on: db).text
        }
        if let hit = entry.identified[key] { return (entry.data, hit) }
        var pool: ReferencePool?
        if parameters.referenceScope == .region {
            let read = try await RegionReferencePool.read(municipalityID: municipalityID, years: Identification.readYears(for: year, parameters: parameters),
                                                          parameters: parameters, on: db)
            (pool, key.regionStamps) = (read.pool, read.stamps)
        }
        let computing = ContinuousClock.now
        let result = entry.data.identify(year: year, parameters: parameters, pool: pool)
        OporaMetrics.recordIdentification(since: computing)
        entries.withLockedValue { entries in
            if entries[municipalityID]?.stamp == entry.stamp { entries[municipalityID]?.identified[key] = result }
        }
        return (entry.data, result)
    }

    /// The one way to a municipality's categories: its data and the identification of `year` with
    /// the methodology version in use, remembered until the monitoring stamp changes. Nil when
    /// the municipality has no results of that year.
    func identified(municipalityID: UUID, year: Int, on db: any Database) async throws -> Identified? {
        let version = try await Methodology.current(municipalityID: municipalityID, on: db)
        let (data, result) = try await identification(municipalityID: municipalityID, year: year, parameters: version.parameters, on: db)
        return data.years.contains(year) ? Identified(data: data, result: result, version: version) : nil
    }

    /// The same for the latest year with results.
    func identifiedLatest(municipalityID: UUID, on db: any Database) async throws -> Identified? {
        guard let last = try await data(municipalityID: municipalityID, on: db).years.last else { return nil }
        return try await identified(municipalityID: municipalityID, year: last, on: db)
    }

    private func entry(municipalityID: UUID, on db: any Database) async throws -> Entry {
        // The stamp is read before the data, so data newer than its stamp is at worst read once more.
        let stamp = try await MonitoringStamp.current(municipalityID: municipalityID, on: db)
        if let entry = entries.withLockedValue({ $0[municipalityID] }), entry.stamp == stamp { return entry }
        let entry = Entry(stamp: stamp, data: try await MonitoringData.load(municipalityID: municipalityID, on: db))
        entries.withLockedValue { $0[municipalityID] = entry }
        return entry
    }
}

/// A municipality's identification of one year, with what it was computed from.
struct Identified: Sendable {
    var data: MonitoringData
    var result: IdentificationResult
    var version: Methodology.Version
    var year: Int { result.year }
}

struct MonitoringCacheKey: StorageKey { typealias Value = MonitoringCache }

extension Application {
    /// Set once in `configure`.
    var monitoringCache: MonitoringCache { storage[MonitoringCacheKey.self]! }
}

extension School {
    /// A school as the pages about monitoring need it.
    struct Facts: Sendable, Codable {
        var id: UUID
        var code: String
        var name: String
        var shortName: String
        var distanceKm: Double?
        var settlement: String? = nil
        var type: String? = nil

        var domain: SchoolFacts { SchoolFacts(code: code, name: shortName, distanceKm: distanceKm) }
    }

    var facts: Facts {
        Facts(id: id!, code: code, name: name, shortName: shortName, distanceKm: distanceKm, settlement: settlement, type: type)
    }
}
