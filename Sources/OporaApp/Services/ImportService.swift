import Fluent
import Foundation
import OporaDomain
import Vapor

/// Imports of schools, social context and results: read, validate, compare with what is stored,
/// and (on confirmation) write everything in one transaction, or nothing.
enum ImportService {
    /// What an import would do or did.
    struct Plan: Sendable {
        var kind: ImportKind
        var fileName: String
        var source: Source = .file
        var added: ChangeList
        var replaced: ChangeList
        var unchanged: Int

        var changesNothing: Bool { added.isEmpty && replaced.isEmpty }

        var russianSummary: String {
            if changesNothing {
                return "Эти данные уже загружены: ничего не изменится (\(RussianNoun.row.counted(unchanged)) без изменений)."
            }
            return "Добавится: \(added.count), заменится: \(replaced.count), без изменений: \(unchanged)."
        }

        /// The same, once written.
        var russianDoneSummary: String {
            changesNothing ? russianSummary : "Добавлено: \(added.count), заменено: \(replaced.count), без изменений: \(unchanged)."
        }
    }

    /// Where rows come from: a file is logged as an import; a form's row gets its audit entry only.
    enum Source: Sendable { case file, form }

    /// Reads and validates a file; on success, compares it with the stored data and, when
    /// `write` is set, writes it in one transaction with its import record and audit entry.
    static func run(kind: ImportKind, fileName: String, bytes: [UInt8], maxBytes: Int = TableReader.maxBytes, municipalityID: UUID,
                    user: CurrentUser?, write: Bool, today: Day, on db: any Database,
                    progress: (@Sendable (_ written: Int, _ total: Int) -> Void)? = nil) async throws -> Result<Plan, ImportProblems> {
        let started = Timing.now
        let read = TableReader.read(fileName: fileName, bytes: bytes, maxBytes: maxBytes)
        Timing.note("read the file", since: started)
        switch read {
        case .failure(let problems): return .failure(problems)
        case .success(let table):
            return try await run(kind: kind, table: table, fileName: fileName, source: .file, municipalityID: municipalityID, user: user,
                                 write: write, today: today, on: db, progress: progress)
        }
    }

    /// The same for a table already read: an uploaded file's, or a form's single row.
    static func run(kind: ImportKind, table: ImportTable, fileName: String, source: Source, municipalityID: UUID, user: CurrentUser?,
                    write: Bool, today: Day, on db: any Database,
                    progress: (@Sendable (_ written: Int, _ total: Int) -> Void)? = nil) async throws -> Result<Plan, ImportProblems> {
        let result = try await dispatch(kind: kind, table: table, fileName: fileName, source: source, municipalityID: municipalityID,
                                        user: user, write: write, today: today, on: db, progress: progress)
        // Every import of a file is logged, the one that changes nothing too.
        if write, source == .file, case .success(let plan) = result, plan.changesNothing {
            try await record(plan, municipalityID: municipalityID, user: user, on: db)
        }
        return result
    }

    static func dispatch(kind: ImportKind, table: ImportTable, fileName: String, source: Source, municipalityID: UUID, user: CurrentUser?,
                         write: Bool, today: Day, on db: any Database,
                         progress: (@Sendable (_ written: Int, _ total: Int) -> Void)?) async throws -> Result<Plan, ImportProblems> {
        let schools = try await School.refs(municipalityID: municipalityID, on: db)
        let codes = Set(schools.map(\.code))
        switch kind {
        case .schools:
            switch SchoolsFile.parse(table) {
            case .failure(let p): return .failure(p)
            case .success(let records):
                return try await importSchools(records, fileName: fileName, source: source, municipalityID: municipalityID, user: user, write: write, on: db)
            }
        case .context:
            switch ContextFile.parse(table, knownSchoolCodes: codes) {
            case .failure(let p): return .failure(p)
            case .success(let contexts):
                return .success(try await importContexts(contexts, schools: schools, fileName: fileName, source: source, municipalityID: municipalityID,
                                                         user: user, write: write, on: db))
            }
        case .teachers, .staffPositions, .trainings, .checklist, .gia:
            return try await importIndicatorData(kind: kind, table: table, schools: schools, fileName: fileName, source: source,
                                                 municipalityID: municipalityID, user: user, write: write, today: today, on: db)
        case .diagnostics, .courses, .studentSupport:
            return try await importPeopleData(kind: kind, table: table, schools: schools, fileName: fileName, source: source,
                                              municipalityID: municipalityID, user: user, write: write, today: today, on: db)
        case .results, .studentResults:
            let started = Timing.now
            let parsed = kind == .results ? ResultsFile.parse(table, knownSchoolCodes: codes)
                                          : StudentResultsFile.parse(table, knownSchoolCodes: codes)
            Timing.note("validated \(table.rows.count) rows", since: started)
            switch parsed {
            case .failure(let p): return .failure(p)
            case .success(let rows):
                return .success(try await importResults(rows, kind: kind, schools: schools, fileName: fileName, source: source,
                                                        municipalityID: municipalityID, user: user, write: write, on: db,
                                                        progress: progress))
            }
        }
    }

    static func importSchools(_ records: [SchoolRecord], fileName: String, source: Source, municipalityID: UUID, user: CurrentUser?,
                              write: Bool, on db: any Database) async throws -> Result<Plan, ImportProblems> {
        let existing = try await School.query(on: db).filter(\.$code ~~ records.map(\.code)).all()
        let byCode = Dictionary(existing.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let foreign = existing.filter { $0.$municipality.id != municipalityID }
        if !foreign.isEmpty {
            return .failure(ImportProblems(foreign.map {
                ImportProblem(line: nil, column: "code", value: $0.code, reason: "Код \($0.code) уже принадлежит школе другого муниципалитета.")
            }))
        }
        var plan = Plan(kind: .schools, fileName: fileName, source: source, added: [], replaced: [], unchanged: 0)
        var toSave: [School] = []
        for r in records {
            if let s = byCode[r.code] {
                let before = describe(s)
                s.name = r.name
                s.shortName = r.shortName
                s.settlement = r.settlement
                s.type = r.type
                s.distanceKm = r.distanceKm
                let after = describe(s)
                if before == after { plan.unchanged += 1 } else {
                    plan.replaced.append("\(r.code): \(before) → \(after)")
                    toSave.append(s)
                }
            } else {
                plan.added.append("\(r.code): \(r.name)")
                toSave.append(School(municipalityID: municipalityID, code: r.code, name: r.name, shortName: r.shortName,
                                     settlement: r.settlement, type: r.type, distanceKm: r.distanceKm, participating: false, isDemo: false))
            }
        }
        if write && !plan.changesNothing {
            let saving = toSave
            let finished = plan
            try await db.transaction { db in
                try await saveAll(saving, on: db)
                try await record(finished, municipalityID: municipalityID, user: user, on: db)
            }
        }
        return .success(plan)
    }

    static func describe(_ s: School) -> String {
        [s.name, s.shortName, s.settlement ?? "—", s.type ?? "—", s.distanceKm.map { Format.number($0) + " км" } ?? "—"].joined(separator: "; ")
    }

    static func importContexts(_ contexts: [SocialContext], schools: [School.Ref], fileName: String, source: Source, municipalityID: UUID,
                               user: CurrentUser?, write: Bool, on db: any Database) async throws -> Plan {
        let idByCode = Dictionary(uniqueKeysWithValues: schools.map { ($0.code, $0.id) })
        let nameByCode = Dictionary(uniqueKeysWithValues: schools.map { ($0.code, $0.shortName) })
        let years = Array(Set(contexts.map(\.year)))
        let existing = try await SocialContextRecord.query(on: db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$year ~~ years).all()
        var byKey: [String: SocialContextRecord] = [:]
        let codeByID = Dictionary(uniqueKeysWithValues: schools.map { ($0.id, $0.code) })
        for e in existing { byKey["\(codeByID[e.$school.id] ?? "")|\(e.year)"] = e }
        var plan = Plan(kind: .context, fileName: fileName, source: source, added: [], replaced: [], unchanged: 0)
        var toSave: [SocialContextRecord] = []
        for c in contexts {
            let label = "\(nameByCode[c.schoolCode] ?? c.schoolCode), \(c.year)"
            if let e = byKey["\(c.schoolCode)|\(c.year)"] {
                let before = e.domain(schoolCode: c.schoolCode)
                if before == c { plan.unchanged += 1; continue }
                plan.replaced.append("\(label): \(Format.context(before)) → \(Format.context(c))")
                e.set(c)
                toSave.append(e)
            } else {
                plan.added.append("\(label): \(Format.context(c))")
                let r = SocialContextRecord()
                r.$municipality.id = municipalityID
                r.$school.id = idByCode[c.schoolCode]!
                r.year = c.year
                r.set(c)
                toSave.append(r)
            }
        }
        if write && !plan.changesNothing {
            let saving = toSave
            let finished = plan
            try await db.transaction { db in
                let importID = try await record(finished, municipalityID: municipalityID, user: user, on: db)
                for r in saving { r.importID = importID }
                try await saveAll(saving, on: db)
            }
        }
        return plan
    }

    static func importResults(_ rows: [ResultRow], kind: ImportKind, schools: [School.Ref], fileName: String, source: Source, municipalityID: UUID,
                              user: CurrentUser?, write: Bool, on db: any Database,
                              progress: (@Sendable (Int, Int) -> Void)?) async throws -> Plan {
        var phase = Timing.now
        let nameByCode = Dictionary(uniqueKeysWithValues: schools.map { ($0.code, $0.shortName) })
        let years = Set(rows.map(\.year))
        // Read as plain rows: a country's re-imported file meets 1.5 million stored rows.
        let existing = years.isEmpty ? [] : try await ResultRowReader.read(municipalityID: municipalityID, years: years.min()!...years.max()!, on: db)
            .filter { years.contains($0.year) }
        let byKey = Dictionary(existing.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var plan = Plan(kind: kind, fileName: fileName, source: source, added: [], replaced: [], unchanged: 0)
        var updates: [ResultRow] = []
        var inserts: [ResultRow] = []
        for r in rows {
            func label() -> String { "\(r.isRegionalReference ? "Регион" : nameByCode[r.schoolCode] ?? r.schoolCode), \(r.procedure.russian), \(r.year)" }
            if let before = byKey[r.key] {
                if before == r { plan.unchanged += 1; continue }
                plan.replaced.append("\(label()): \(Format.result(before)) → \(Format.result(r))")
                updates.append(r)
            } else {
                plan.added.append("\(label()): \(Format.result(r))")
                inserts.append(r)
            }
        }
        phase = Timing.note("compared with \(existing.count) stored rows", since: phase)
        if write && !plan.changesNothing {
            let saving = updates
            let adding = inserts
            let finished = plan
            try await db.transaction { db in
                let importID = try await record(finished, municipalityID: municipalityID, user: user, on: db)
                try await ResultRowWriter.update(saving, municipalityID: municipalityID, importID: importID, on: db)
                try await ResultRowWriter.insert(adding, municipalityID: municipalityID, importID: importID, on: db, progress: progress)
            }
            Timing.note("wrote \(adding.count) rows and replaced \(saving.count)", since: phase)
        }
        return plan
    }

    /// Stored models are updated one by one; new ones are created a few hundred to a statement
    /// (a country's school registry has 40,000), within SQLite's limit on bound values.
    static func saveAll<M: Model>(_ models: [M], on db: any Database) async throws {
        for m in models where m.id != nil { try await m.save(on: db) }
        let new = models.filter { $0.id == nil }
        for start in stride(from: 0, to: new.count, by: 200) {
            try await Array(new[start..<min(start + 200, new.count)]).create(on: db)
        }
    }

    /// One row typed into a form, checked and written by the same rules as a file's row.
    /// Problems come back keyed by column, which is the form's field name.
    static func saveFormRow(kind: ImportKind, header: [String], cells: [String], municipalityID: UUID, user: CurrentUser,
                            today: Day, on db: any Database) async throws -> Result<Void, FieldErrors> {
        let table = ImportTable(header: header, rows: [ImportTable.Row(line: 2, cells: cells)])
        switch try await run(kind: kind, table: table, fileName: "", source: .form, municipalityID: municipalityID,
                             user: user, write: true, today: today, on: db) {
        case .success: return .success(())
        case .failure(let problems):
            var errors: [String: String] = [:]
            for p in problems.problems { errors[p.column ?? "form", default: ""] += p.reason.prefix(1).uppercased() + p.reason.dropFirst() + " " }
            return .failure(FieldErrors(errors.mapValues { $0.trimmingCharacters(in: .whitespaces) }))
        }
    }

    /// The import log entry and the audit entry of a change. A form's row is not an import: it gets
    /// the audit entry only.
    @discardableResult
    static func record(_ plan: Plan, municipalityID: UUID, user: CurrentUser?, on db: any Database) async throws -> UUID? {
        if !plan.changesNothing { try await MonitoringStamp.bump(municipalityID: municipalityID, on: db) }
        guard plan.source == .file else {
            try await Audit.record(db, user: user, action: "form.\(plan.kind.rawValue)", entityType: plan.kind.rawValue, entityID: nil,
                                   municipalityID: municipalityID, summary: "\(plan.kind.russianTitle): изменено через форму",
                                   before: plan.replaced.isEmpty ? nil : ["Было → стало": plan.replaced.summary],
                                   after: plan.added.isEmpty ? nil : ["Добавлено": plan.added.summary])
            return nil
        }
        let r = ImportRecord()
        r.$municipality.id = municipalityID
        r.userID = user?.id
        r.userName = user.map { "\($0.fullName) (\($0.login))" } ?? "командная строка"
        r.kind = plan.kind.rawValue
        r.fileName = plan.fileName
        r.added = plan.added.count
        r.replaced = plan.replaced.count
        r.unchanged = plan.unchanged
        try await r.create(on: db)
        try await Audit.record(db, user: user, action: "import.\(plan.kind.rawValue)", entityType: "import", entityID: r.id,
                               municipalityID: municipalityID,
                               summary: "Загрузка «\(plan.fileName)» (\(plan.kind.russianTitle.lowercased())): \(plan.russianDoneSummary)",
                               before: plan.replaced.isEmpty ? nil : ["Заменённые строки (было → стало)": plan.replaced.summary],
                               after: ["Добавлено": String(plan.added.count), "Заменено": String(plan.replaced.count),
                                       "Без изменений": String(plan.unchanged), "Добавленные строки": plan.added.summary])
        return try r.requireID()
    }

}
