import Fluent
import Foundation
import OporaDomain
import Vapor

/// A file of a whole region (its registry, context or results) loaded at once: split into its
/// municipalities' parts by the domain's `RegionalSplit`, each part staged by the same engine as a
/// municipality's own import, and all of them written in one transaction, or nothing. Each
/// municipality gets its import record and audit entry, so its own history shows the file.
enum RegionalImport {
    struct Part: Sendable {
        var municipality: String
        var plan: ImportService.Plan
    }

    static func run(kind: ImportKind, fileName: String, bytes: [UInt8], options: FileOptions = FileOptions(), maxBytes: Int = TableReader.maxBytes, regionID: UUID,
                    user: CurrentUser?, write: Bool, today: Day, on db: any Database) async throws -> Result<[Part], ImportProblems> {
        guard RegionalSplit.kinds.contains(kind) else {
            return .failure(ImportProblems([ImportProblem(line: nil, column: nil, value: nil,
                reason: "По региону загружаются реестр школ, социальные условия и результаты; этот вид загружает муниципалитет.")]))
        }
        let municipalities = try await Municipality.query(on: db).filter(\.$region.$id == regionID).sort(\.$name).all()
        guard !municipalities.isEmpty else {
            return .failure(ImportProblems([ImportProblem(line: nil, column: nil, value: nil, reason: "В регионе ещё нет муниципалитетов: сначала добавьте их.")]))
        }
        // A school's login is unique in its municipality; across the region one that two schools share is refused by line.
        let logins = try await School.logins(municipalityIDs: municipalities.map { try $0.requireID() }, on: db)
        let shaped: ShapedFile
        switch TableReader.read(fileName: fileName, bytes: bytes, maxBytes: maxBytes).flatMap({ FileShape.shape($0, kind: kind, options: options, logins: logins) }) {
        case .failure(let problems): return .failure(problems)
        case .success(let s): shaped = s
        }
        let table = shaped.table
        var columns = shaped.report
        for i in columns.entries.indices where RegionalSplit.namesMunicipality(columns.entries[i].header) { columns.entries[i].loadsInto = "Муниципалитет" }
        let ids = Dictionary(uniqueKeysWithValues: try municipalities.map { ($0.name, try $0.requireID()) })
        let names = Dictionary(uniqueKeysWithValues: try municipalities.map { (try $0.requireID(), $0.name) })
        var registry: [String: [String]] = [:]
        for s in try await School.query(on: db).filter(\.$municipality.$id ~~ Array(ids.values)).all() {
            registry[s.code, default: []].append(names[s.$municipality.id] ?? "")
        }
        let parts: [String: ImportTable]
        switch RegionalSplit.split(table, kind: kind, municipalities: municipalities.map(\.name), registry: registry) {
        case .failure(let problems): return .failure(problems)
        case .success(let p): parts = p
        }
        var staged: [(String, UUID, ImportService.Staged)] = []
        var problems: [ImportProblem] = []
        for name in parts.keys.sorted() {
            let id = ids[name]!
            switch try await ImportService.stage(kind: kind, table: parts[name]!, fileName: fileName, source: .file, municipalityID: id,
                                                 today: today, on: db, progress: nil) {
            case .failure(let p):
                // A reference row goes to every municipality: its problem is said once.
                problems += p.problems.filter { q in !problems.contains(q) }
            case .success(var s):
                s.plan.columns = columns
                staged.append((name, id, s))
            }
        }
        guard problems.isEmpty else { return .failure(shaped.named(ImportProblems(problems))) }
        if write {
            let writes = staged
            try await db.transaction { db in
                for (_, id, s) in writes {
                    let importID = try await ImportService.record(s.plan, municipalityID: id, user: user, on: db)
                    if !s.plan.changesNothing { try await s.write(db, importID) }
                }
            }
        }
        return .success(staged.map { Part(municipality: $0.0, plan: $0.2.plan) })
    }

    /// «<municipality> — Добавится: 12, …» for each municipality of the file.
    static func russianSummary(_ parts: [Part], done: Bool) -> [String] {
        parts.map { "\($0.municipality) — " + (done ? $0.plan.russianDoneSummary : $0.plan.russianSummary) }
    }
}
