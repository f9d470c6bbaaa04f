import Fluent
import Foundation
import OporaDomain

/// The closing report of a programme: every measure of the municipal plan with its status, date and
/// evidence (a measure still open when the programme closed is «не выполнено»); each indicator against
/// its target every year; every school's category from the year before the programme to its last year,
/// and which schools left or entered НРО/НСУ. The print page and the workbook both draw from it.
struct FinalReport: Sendable {
    struct MeasureLine: Sendable {
        var id: UUID
        var code: String
        var name: String
        var deadline: String
        /// «Выполнено», «Отменено», «Не выполнено» (open at closing), or the status of an open programme.
        var outcome: String
        var completedOn: Day?
        var evidence: String
        /// «3 из 4» of the school plans that hold it; nil for a measure of the municipality alone.
        var schoolsDone: String?
        var unfinished: Bool
    }

    struct IndicatorYear: Sendable {
        var year: Int
        var target: Double?
        var value: Double?
        var manual: Double?
        var achieved: Bool?
    }

    struct IndicatorLine: Sendable {
        var number: Int
        var title: String
        var unit: String
        var baseline: Double?
        var baselineYear: Int
        var years: [IndicatorYear]
    }

    struct SchoolLine: Sendable {
        var name: String
        var participating: Bool
        var categories: [Int: SchoolCategory]
        var change: CategoryChange
    }

    var name: String
    var municipality: String
    var years: ClosedRange<Int>
    var status: ProgrammeStatus
    var closedOn: Day?
    var closeReason: String?
    var today: Day
    var measures: [MeasureLine]
    var indicators: [IndicatorLine]
    /// The year before the programme and its years, as far as monitoring has them.
    var categoryYears: [Int]
    var schools: [SchoolLine]
    /// The programme's effect against comparable schools (`EffectReport`).
    var effect: ProgrammeEffect

    var done: Int { measures.filter { $0.outcome == MeasureStatus.done.russian }.count }
    var unfinished: Int { measures.filter(\.unfinished).count }

    static func make(_ programme: Programme, today: Day, cache: MonitoringCache, on db: any Database) async throws -> FinalReport {
        let programmeID = try programme.requireID()
        let closed = programme.status == .closed
        let all = try await Measure.query(on: db).filter(\.$programme.$id == programmeID).with(\.$direction).all()
        let municipal = all.filter { $0.$school.id == nil }.sorted { a, b in
            let (ca, cb) = (MeasureList.codeKey(a.direction.code), MeasureList.codeKey(b.direction.code))
            return ca != cb ? ca.lexicographicallyPrecedes(cb) : a.ordinal < b.ordinal
        }
        let ids = municipal.compactMap(\.id)
        var files: [UUID: Int] = [:]
        for measureID in ids.isEmpty ? [] : try await Evidence.query(on: db).filter(\.$measure.$id ~~ ids).all(\.$measure.$id) {
            files[measureID, default: 0] += 1
        }
        let measures = municipal.map { m -> MeasureLine in
            let copies = all.filter { $0.$school.id != nil && $0.$task.id == m.$task.id && $0.ordinal == m.ordinal }
            let open = m.status.isOpen
            let evidence = [files[m.id!].map { RussianNoun.file.counted($0) }, m.evidenceLink].compactMap { $0 }.joined(separator: "; ")
            return MeasureLine(id: m.id!, code: m.direction.code, name: m.name, deadline: m.deadlineDay?.russian ?? m.deadlineText ?? "—",
                               outcome: closed && open ? "Не выполнено" : m.status.russian, completedOn: m.completedOn.flatMap(Day.init),
                               evidence: evidence.isEmpty ? "—" : evidence,
                               schoolsDone: copies.isEmpty ? nil : "\(copies.filter { $0.status == .done }.count) из \(copies.count)",
                               unfinished: open)
        }

        let data = try await IndicatorData.load(programme, cache: cache, on: db)
        let stored = try await Indicator.query(on: db).filter(\.$programme.$id == programmeID).sort(\.$number).all()
        let indicators = stored.map { i in
            IndicatorLine(number: i.number, title: i.title, unit: i.unit, baseline: i.baseline, baselineYear: i.baselineYear,
                          years: programme.years.map { y in
                              let value = data.value(i.number, y).value, target = data.targets[i.number]?[y]
                              return IndicatorYear(year: y, target: target, value: value, manual: data.manual[i.number]?[y]?.value,
                                                   achieved: IndicatorAssessment.achieved(value: value, target: target))
                          })
        }

        var categories: [String: [Int: SchoolCategory]] = [:]
        var categoryYears: [Int] = []
        for year in (programme.startYear - 1)...programme.endYear {
            guard let result = try await cache.identified(municipalityID: programme.$municipality.id, year: year, on: db)?.result else { continue }
            categoryYears.append(year)
            for a in result.schools { categories[a.schoolCode, default: [:]][year] = a.category }
        }
        let participating = Set(data.inputs.participating)
        let first = programme.startYear - 1
        let schools = data.inputs.schoolNames.keys.sorted().map { code -> SchoolLine in
            let own = categories[code] ?? [:]
            let lastYear = own.keys.filter { $0 >= programme.startYear && own[$0] != .insufficientData }.max()
            return SchoolLine(name: data.inputs.schoolNames[code] ?? code, participating: participating.contains(code), categories: own,
                              change: CategoryChange.of(first: own[first], last: lastYear.flatMap { own[$0] }))
        }
        let municipality = try await Municipality.find(programme.$municipality.id, on: db)?.name ?? ""
        return FinalReport(name: programme.name, municipality: municipality, years: programme.years, status: programme.status,
                           closedOn: programme.closedOn.flatMap(Day.init), closeReason: programme.closeReason, today: today,
                           measures: measures, indicators: indicators, categoryYears: categoryYears, schools: schools,
                           effect: try await EffectReport.make(programme, cache: cache, on: db).effect)
    }
}
