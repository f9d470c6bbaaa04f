import Fluent
import Foundation
import NIOConcurrencyHelpers
import OporaDomain
import Vapor

/// A region's municipalities side by side: each one's active programme, its measures, the schools
/// taking part, the categories of one year and the indicators against their targets. The pages,
/// the report and the API read it from here.
struct RegionOverview: Sendable {
    /// What the composites of the region's pages are measured against, said on each of them: each
    /// municipality's methodology version chooses its `ReferenceScope`.
    static func reference(scopes: [ReferenceScope]) -> String {
        let counts = Dictionary(grouping: scopes, by: { $0 }).mapValues(\.count)
        if counts.count == 1, let only = counts.keys.first {
            return "эталон успеваемости, с которым сравниваются школы, по методике каждого муниципалитета — \(only.russian)"
        }
        guard !counts.isEmpty else { return "эталон успеваемости задаёт методика каждого муниципалитета" }
        return "эталон успеваемости по методикам муниципалитетов разный: " + ReferenceScope.allCases.compactMap { scope in
            counts[scope].map { "\(scope.russian) (муниципалитетов: \($0))" }
        }.joined(separator: "; ")
    }

    /// Said on the pages built from this overview.
    var reference: String { Self.reference(scopes: rows.compactMap(\.referenceScope)) }

    var regionName: String
    /// The year of the categories: the one asked for if any municipality has results of it, else
    /// the latest such year; nil before any results are loaded in the region.
    var year: Int?
    var years: [Int]
    var rows: [Row]

    struct Row: Sendable {
        var municipalityID: UUID
        var name: String
        var isDemo: Bool
        var schools: Int
        var programme: ProgrammeFigures?
        /// Nil when the municipality has no results of the year.
        var categories: [SchoolCategory: Int]?
        /// The references the categories were computed against; nil without categories.
        var referenceScope: ReferenceScope?

        /// Schools with low results (НРО, with or without НСУ) and in adverse conditions (НСУ).
        var lowResults: Int? { categories.map { ($0[.lowResults] ?? 0) + ($0[.lowResultsAndAdverse] ?? 0) } }
        var adverse: Int? { categories.map { ($0[.adverse] ?? 0) + ($0[.resilient] ?? 0) + ($0[.lowResultsAndAdverse] ?? 0) } }
    }

    struct ProgrammeFigures: Sendable {
        var id: UUID
        var name: String
        var years: ClosedRange<Int>
        var measures: Int
        var done: Int
        var overdue: Int
        var participating: Int
        /// The programme year the indicators are of: the latest up to today's year with a value.
        var indicatorYear: Int
        /// Every indicator of every programme year.
        var allIndicators: [IndicatorFigure]

        /// The indicators of `indicatorYear`.
        var indicators: [IndicatorFigure] { allIndicators.filter { $0.year == indicatorYear } }

        /// Indicators of `indicatorYear` that reached their target, of those with a target. For a reader
        /// who sees counts of people only, an indicator whose share is hidden is not counted either way:
        /// whether it reached its target would tell the share back.
        func tally(countsOnly: Bool) -> (achieved: Int, withTarget: Int) {
            let shown = indicators.filter { i in
                SmallCount.indicator(i.number, numerator: i.numerator, denominator: i.denominator, masked: countsOnly)?.shareShown ?? true
            }
            return (shown.filter { $0.achieved == true }.count, shown.filter { $0.target != nil }.count)
        }
    }

    struct IndicatorFigure: Sendable {
        var number: Int
        var title: String
        var year: Int
        var numerator: Double
        var denominator: Double
        var value: Double?
        var target: Double?
        var achieved: Bool? { IndicatorAssessment.achieved(value: value, target: target) }
    }

    /// A municipality's row is computed again only when it changed (its `ChangeStamp` or `MonitoringStamp`),
    /// the day turned or another year is asked for; else `kept` gives it back.
    static func fetch(region: Region, municipalities: [Municipality], year asked: Int?, user: CurrentUser, today: Day,
                      cache: MonitoringCache, kept: Kept, on db: any Database) async throws -> RegionOverview {
        let ids = try municipalities.map { try $0.requireID() }
        // Stamps are read before the data, so data newer than its stamp is at worst computed once more.
        let changes = try await ChangeStamp.current(municipalityIDs: ids, on: db)
        let monitoringStamps = try await MonitoringStamp.table.current(municipalityIDs: ids, on: db)
        let wholeKey = Kept.key(ids: ids, changes: changes, monitoring: monitoringStamps, names: municipalities.map(\.name))
            + "|\(asked.map(String.init) ?? "-")|\(today.iso)"
        if let whole = kept.overview(region.id, key: wholeKey) { return whole }
        var yearsWithData = Set<Int>()
        for id in ids { yearsWithData.formUnion(try await cache.data(municipalityID: id, on: db).years) }
        let years = yearsWithData.sorted()
        let year = asked.flatMap { yearsWithData.contains($0) ? $0 : nil } ?? years.last
        // A municipality whose references are pooled over the region changes with every municipality of it.
        let allStamps = ids.map { monitoringStamps[$0]?.uuidString ?? "-" }.joined(separator: ",")
        var rows: [Row] = []
        for m in municipalities {
            let id = try m.requireID()
            let base = [changes[id]?.uuidString, monitoringStamps[id]?.uuidString, year.map(String.init),
                        today.iso, m.name].map { $0 ?? "-" }.joined(separator: "|")
            let key = { (scope: ReferenceScope?) in scope == .region ? base + "|" + allStamps : base }
            if let row = kept.row(id, key: key) { rows.append(row); continue }
            let identified = try await year.asyncFlatMap { try await cache.identified(municipalityID: id, year: $0, on: db) }
            let categories = identified.map { Dictionary(grouping: $0.result.schools, by: \.category).mapValues(\.count) }
            let active = try await Programme.query(on: db).filter(\.$municipality.$id == id).filter(\.$status == .active).first()
            let row = Row(municipalityID: id, name: m.name, isDemo: m.isDemo,
                          schools: try await School.query(on: db).filter(\.$municipality.$id == id).count(),
                          programme: try await active.asyncFlatMap { try await figures(of: $0, user: user, today: today, cache: cache, on: db) },
                          categories: categories, referenceScope: identified?.version.parameters.referenceScope)
            kept.keep(row, key: key(row.referenceScope))
            rows.append(row)
        }
        let overview = RegionOverview(regionName: region.name, year: year, years: years, rows: rows)
        kept.keep(overview, region: region.id, key: wholeKey)
        return overview
    }

    /// The rows of the region's pages, each with the key it was computed for; shared by every
    /// request of an instance (`Application.regionOverview`).
    final class Kept: Sendable {
        private let rows = NIOLockedValueBox([UUID: (key: String, row: Row)]())
        /// The whole overview and the region's schools, one of each per region, while nothing of the region changed.
        private let overviews = NIOLockedValueBox([UUID: (key: String, value: RegionOverview)]())
        private let schools = NIOLockedValueBox([UUID: (key: String, value: RegionSchools)]())

        /// What a region's pages were computed from: every municipality's stamps and names.
        static func key(ids: [UUID], changes: [UUID: UUID], monitoring: [UUID: UUID], names: [String]) -> String {
            zip(ids, names).map { id, name in
                "\(id):\(changes[id]?.uuidString ?? "-"):\(monitoring[id]?.uuidString ?? "-"):\(name)"
            }.joined(separator: ",")
        }

        func overview(_ region: UUID?, key: String) -> RegionOverview? {
            guard let region else { return nil }
            return overviews.withLockedValue { $0[region].flatMap { $0.key == key ? $0.value : nil } }
        }

        func keep(_ overview: RegionOverview, region: UUID?, key: String) {
            guard let region else { return }
            overviews.withLockedValue { $0[region] = (key, overview) }
        }

        func schools(_ region: UUID, key: String) -> RegionSchools? {
            schools.withLockedValue { $0[region].flatMap { $0.key == key ? $0.value : nil } }
        }

        func keep(_ value: RegionSchools, region: UUID, key: String) {
            schools.withLockedValue { $0[region] = (key, value) }
        }

        /// The kept row when it was kept under the key `key` gives for its references.
        func row(_ id: UUID, key: (ReferenceScope?) -> String) -> Row? {
            rows.withLockedValue { $0[id].flatMap { $0.key == key($0.row.referenceScope) ? $0.row : nil } }
        }

        func keep(_ row: Row, key: String) {
            rows.withLockedValue { $0[row.municipalityID] = (key, row) }
        }
    }

    /// The figures of one programme: the same counts as its home page, the same values as its indicators page.
    static func figures(of programme: Programme, user: CurrentUser, today: Day, cache: MonitoringCache,
                        on db: any Database) async throws -> ProgrammeFigures {
        let id = try programme.requireID()
        let summary = try await HomeSummary.fetch(programme, user: user, today: today, on: db)
        let data = try await IndicatorData.load(programme, cache: cache, on: db)
        let candidates = programme.years.filter { $0 <= today.year }
        let year = candidates.last { y in data.numbers.contains { data.value($0, y).value != nil } } ?? candidates.last ?? programme.startYear
        let indicators = programme.years.flatMap { y in
            data.numbers.map { n in
                let v = data.value(n, y)
                return IndicatorFigure(number: n, title: data.titles[n] ?? "", year: y, numerator: v.numerator, denominator: v.denominator,
                                       value: v.value, target: data.targets[n]?[y])
            }
        }
        return ProgrammeFigures(id: id, name: programme.name, years: programme.years, measures: summary.total, done: summary.done,
                                overdue: summary.overdue.count, participating: try await Participation.schoolIDs(of: id, on: db).count,
                                indicatorYear: year, allIndicators: indicators)
    }
}

extension RegionOverview {
    /// The columns the «Муниципалитеты» table is sorted by.
    enum Sort: String, CaseIterable, Sendable {
        case name, schools, done, overdue, lowResults = "nro", adverse = "nsu", indicators

        func ordered(_ rows: [Row], countsOnly: Bool) -> [Row] {
            func key(_ r: Row) -> Double {
                switch self {
                case .name: return 0
                case .schools: return Double(r.schools)
                case .done: return r.programme.map { $0.measures == 0 ? 0 : Double($0.done) / Double($0.measures) } ?? -1
                case .overdue: return Double(r.programme?.overdue ?? -1)
                case .lowResults: return Double(r.lowResults ?? -1)
                case .adverse: return Double(r.adverse ?? -1)
                case .indicators:
                    return r.programme.map { p in
                        let t = p.tally(countsOnly: countsOnly)
                        return t.withTarget == 0 ? 0 : Double(t.achieved) / Double(t.withTarget)
                    } ?? -1
                }
            }
            guard self != .name else { return rows }
            // Most first (the worst overdue, the most schools on the lists); the name breaks ties.
            return rows.enumerated().sorted { a, b in
                let (ka, kb) = (key(a.element), key(b.element))
                return ka != kb ? ka > kb : a.offset < b.offset
            }.map(\.element)
        }
    }
}

struct RegionOverviewKey: StorageKey { typealias Value = RegionOverview.Kept }

extension Application {
    /// Set once in `configure`.
    var regionOverview: RegionOverview.Kept { storage[RegionOverviewKey.self]! }
}
