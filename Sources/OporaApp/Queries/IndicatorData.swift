import Fluent
import Foundation
import OporaDomain

/// Everything the five indicators of a programme are computed from, read once.
struct IndicatorData: Sendable {
    var programmeID: UUID
    var municipalityID: UUID
    var years: [Int]
    var inputs: IndicatorInputs
    var targets: [Int: [Int: Double]]
    var baselines: [Int: Double]
    var baselineYear: Int
    var titles: [Int: String]
    var manual: [Int: [Int: IndicatorManualValue]]
    /// Every value of every year, computed once: pages ask for the same value several times.
    var values: [Int: [Int: IndicatorValue]]
    /// The monitoring the composites came from, for pages that show categories too.
    var monitoring: MonitoringData
    var methodology: Methodology.Version

    /// The monitoring and its identifications come from `cache`.
    /// Kept per programme while the municipality's change and monitoring stamps stay the same (and, when
    /// its references are pooled over the region, every municipality's monitoring stamp): every change is
    /// audited, and the audit moves the change stamp in the same transaction.
    static func load(_ programme: Programme, cache: MonitoringCache, on db: any Database) async throws -> IndicatorData {
        let programmeID = try programme.requireID()
        let municipalityID = programme.$municipality.id
        var key = [try await ChangeStamp.current(municipalityIDs: [municipalityID], on: db)[municipalityID],
                   try await MonitoringStamp.current(municipalityID: municipalityID, on: db)].map { $0?.uuidString ?? "-" }.joined(separator: "|")
        if try await Methodology.current(municipalityID: municipalityID, on: db).parameters.referenceScope == .region {
            key += "|" + (try await RegionReferencePool.stamps(municipalityID: municipalityID, on: db).text)
        }
        if let kept = cache.indicatorData.withLockedValue({ $0[programmeID] }), kept.key == key { return kept.value }
        let data = try await compute(programme, cache: cache, on: db)
        cache.indicatorData.withLockedValue { $0[programmeID] = (key, data) }
        return data
    }

    private static func compute(_ programme: Programme, cache: MonitoringCache, on db: any Database) async throws -> IndicatorData {
        let programmeID = try programme.requireID()
        let municipalityID = programme.$municipality.id
        let schools = try await School.facts(municipalityID: municipalityID, on: db)
        let codeByID = Dictionary(uniqueKeysWithValues: schools.map { ($0.id, $0.code) })
        let items = try await ChecklistItems.titles(municipalityID: municipalityID, on: db)
        let teachers = try await TeacherRecord.query(on: db).filter(\.$municipality.$id == municipalityID).all()
        let teacherKey = Dictionary(uniqueKeysWithValues: teachers.map { ($0.id!, "\(codeByID[$0.$school.id] ?? "")|\($0.teacherCode)") })
        let trainings = try await TrainingRecord.query(on: db).filter(\.$municipality.$id == municipalityID).all()
        let positions = try await StaffPositionRecord.query(on: db).filter(\.$municipality.$id == municipalityID).all()
        let checklists = try await ChecklistEntryRecord.query(on: db).filter(\.$municipality.$id == municipalityID).all()
        let gia = try await GIAOutcomeRecord.query(on: db).filter(\.$municipality.$id == municipalityID).all()
        let years = Array(programme.startYear...programme.endYear)

        // Indicator 4 compares each year's composite with the year before, by the methodology in use.
        let monitoring = try await cache.data(municipalityID: municipalityID, on: db)
        let version = try await Methodology.current(municipalityID: municipalityID, on: db)
        var composites: [Int: [String: Double]] = [:]
        for year in ((programme.startYear - 1)...programme.endYear) {
            guard let result = try await cache.identified(municipalityID: municipalityID, year: year, on: db)?.result else { continue }
            for a in result.schools {
                if let c = a.composite { composites[year, default: [:]][a.schoolCode] = c }
            }
        }
        let takingPart = try await Participation.schoolIDs(of: programmeID, on: db)
        let participating: [String] = schools.filter { takingPart.contains($0.id) }.map(\.code).sorted()
        let names: [String: String] = Dictionary(uniqueKeysWithValues: schools.map { ($0.code, $0.shortName) })
        let checklistFacts: [ChecklistFact] = checklists.compactMap { e in codeByID[e.$school.id].map { e.fact(schoolCode: $0) } }
        let teacherFacts: [TeacherFact] = teachers.compactMap { t in codeByID[t.$school.id].map { t.fact(schoolCode: $0) } }
        let trainingFacts: [TrainingFact] = trainings.compactMap { t in teacherKey[t.$teacher.id].map { t.fact(teacherKey: $0) } }
        let positionFacts: [StaffPositionFact] = positions.compactMap { p in codeByID[p.$school.id].map { p.fact(schoolCode: $0) } }
        let giaFacts: [GIAOutcomeFact] = gia.compactMap { g in codeByID[g.$school.id].map { g.fact(schoolCode: $0) } }
        let inputs = IndicatorInputs(participating: participating, schoolNames: names, checklistItems: items, checklists: checklistFacts,
                                     teachers: teacherFacts, trainings: trainingFacts, positions: positionFacts, gia: giaFacts,
                                     composites: composites)

        let indicators = try await Indicator.query(on: db).filter(\.$programme.$id == programmeID).all()
        let ids = indicators.compactMap(\.id)
        let targetRows = ids.isEmpty ? [] : try await IndicatorTarget.query(on: db).filter(\.$indicator.$id ~~ ids).all()
        let numberByID = Dictionary(uniqueKeysWithValues: indicators.map { ($0.id!, $0.number) })
        var targets: [Int: [Int: Double]] = [:]
        for t in targetRows { targets[numberByID[t.$indicator.id]!, default: [:]][t.year] = t.value }
        var manual: [Int: [Int: IndicatorManualValue]] = [:]
        for m in try await IndicatorManualValue.query(on: db).filter(\.$programme.$id == programmeID).sort(\.$createdAt).all() {
            manual[m.number, default: [:]][m.year] = m
        }
        var values: [Int: [Int: IndicatorValue]] = [:]
        for year in years {
            for i in indicators {
                values[i.number, default: [:]][year] = i.formula.map { IndicatorFormulas.compute($0, number: i.number, year: year, inputs: inputs) }
                    ?? IndicatorFormulas.entered(number: i.number, year: year, source: i.source)
            }
        }
        return IndicatorData(
            programmeID: programmeID, municipalityID: municipalityID, years: years, inputs: inputs, targets: targets,
            baselines: Dictionary(uniqueKeysWithValues: indicators.compactMap { i in i.baseline.map { (i.number, $0) } }),
            baselineYear: indicators.first?.baselineYear ?? programme.startYear - 1,
            titles: Dictionary(uniqueKeysWithValues: indicators.map { ($0.number, $0.title) }), manual: manual,
            values: values, monitoring: monitoring, methodology: version)
    }

    func value(_ number: Int, _ year: Int) -> IndicatorValue {
        values[number]?[year] ?? IndicatorFormulas.entered(number: number, year: year, source: nil)
    }

    var numbers: [Int] { titles.keys.sorted() }
}

/// The equal-access checklist of a municipality: its own stored list, else the default one. Reading
/// it stores nothing (pages read it, regional users among them, and reads never write).
enum ChecklistItems {
    static func titles(municipalityID: UUID, on db: any Database) async throws -> [String] {
        let items = try await ChecklistItemRecord.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$ordinal).all()
        return items.isEmpty ? EqualAccessChecklist.defaultItems : items.map(\.title)
    }
}
