import Fluent
import Foundation
import OporaDomain
import Vapor

/// The one path of every import, whatever its kind and wherever it comes from (the web's preview and
/// confirmation, `opora import`, the API, a form's single row): read the table, let the kind parse
/// and compare it with what is stored (`stage`), and, on confirmation, write the kind's changes
/// together with the import record and its audit entry in one transaction, or nothing.
enum ImportService {
    /// What an import would do or did.
    struct Plan: Sendable {
        var kind: ImportKind
        var fileName: String
        var source: Source = .file
        var added: ChangeList
        var replaced: ChangeList
        var unchanged: Int
        /// How the file's columns were read (none for a form's row).
        var columns = ColumnReport()

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

    /// What a kind's rows would change, and how to write that inside the engine's transaction
    /// (given the import record's id, nil for a form's row).
    struct Staged: Sendable {
        var plan: Plan
        var write: @Sendable (_ db: any Database, _ importID: UUID?) async throws -> Void
    }

    /// Reads and validates a file; on success, compares it with the stored data and, when
    /// `write` is set, writes it in one transaction with its import record and audit entry.
    static func run(kind: ImportKind, fileName: String, bytes: [UInt8], options: FileOptions = FileOptions(), maxBytes: Int = TableReader.maxBytes,
                    municipalityID: UUID, user: CurrentUser?, write: Bool, today: Day, on db: any Database,
                    progress: (@Sendable (_ written: Int, _ total: Int) -> Void)? = nil) async throws -> Result<Plan, ImportProblems> {
        let started = Timing.now
        let read = TableReader.read(fileName: fileName, bytes: bytes, maxBytes: maxBytes)
        Timing.note("read the file", since: started)
        let sheets: [RawSheet]
        switch read {
        case .failure(let problems): return .failure(problems)
        case .success(let s): sheets = s
        }
        let logins = try await School.logins(municipalityID: municipalityID, on: db)
        let shaped: ShapedFile
        switch FileShape.shape(sheets, kind: kind, options: options, logins: logins) {
        case .failure(let problems): return .failure(problems)
        case .success(let s): shaped = s
        }
        let result = try await run(kind: kind, table: shaped.table, fileName: fileName, source: .file, columns: shaped.report,
                                   municipalityID: municipalityID, user: user, write: write, today: today, on: db, progress: progress)
        return result.mapError(shaped.named)
    }

    /// The same for a table already read: an uploaded file's, or a form's single row.
    static func run(kind: ImportKind, table: ImportTable, fileName: String, source: Source, columns: ColumnReport = ColumnReport(),
                    municipalityID: UUID, user: CurrentUser?, write: Bool, today: Day, on db: any Database,
                    progress: (@Sendable (_ written: Int, _ total: Int) -> Void)? = nil) async throws -> Result<Plan, ImportProblems> {
        let started = ContinuousClock.now
        let result = try await stageAndWrite(kind: kind, table: table, fileName: fileName, source: source, columns: columns,
                                             municipalityID: municipalityID, user: user, write: write, today: today, on: db, progress: progress)
        if write {
            let rows = (try? result.get()).map { $0.added.count + $0.replaced.count } ?? 0
            OporaMetrics.recordImport(kind: kind.rawValue, succeeded: (try? result.get()) != nil, rows: rows, since: started)
        }
        return result
    }

    private static func stageAndWrite(kind: ImportKind, table: ImportTable, fileName: String, source: Source, columns: ColumnReport,
                                      municipalityID: UUID, user: CurrentUser?, write: Bool, today: Day, on db: any Database,
                                      progress: (@Sendable (_ written: Int, _ total: Int) -> Void)?) async throws -> Result<Plan, ImportProblems> {
        let staged: Staged
        switch try await stage(kind: kind, table: table, fileName: fileName, source: source, municipalityID: municipalityID,
                               today: today, on: db, progress: progress) {
        case .failure(let problems): return .failure(problems)
        case .success(var s):
            s.plan.columns = columns
            staged = s
        }
        guard write else { return .success(staged.plan) }
        if staged.plan.changesNothing {
            // Every import of a file is logged, the one that changes nothing too.
            if source == .file { try await record(staged.plan, municipalityID: municipalityID, user: user, on: db) }
        } else {
            try await db.transaction { db in
                let importID = try await record(staged.plan, municipalityID: municipalityID, user: user, on: db)
                try await staged.write(db, importID)
            }
        }
        return .success(staged.plan)
    }

    /// The kind's own part: parse the table with its file's rules and compare the rows with what is
    /// stored by their natural key. Nothing is written here.
    static func stage(kind: ImportKind, table: ImportTable, fileName: String, source: Source, municipalityID: UUID,
                      today: Day, on db: any Database,
                      progress: (@Sendable (_ written: Int, _ total: Int) -> Void)?) async throws -> Result<Staged, ImportProblems> {
        let schools = try await School.refs(municipalityID: municipalityID, on: db)
        let codes = Set(schools.map(\.code))
        let plan = Plan(kind: kind, fileName: fileName, source: source, added: [], replaced: [], unchanged: 0)
        switch kind {
        case .schools:
            switch SchoolsFile.parse(table) {
            case .failure(let p): return .failure(p)
            case .success(let records): return try await stageSchools(records, plan: plan, municipalityID: municipalityID, on: db)
            }
        case .context:
            switch ContextFile.parse(table, knownSchoolCodes: codes) {
            case .failure(let p): return .failure(p)
            case .success(let contexts): return .success(try await stageContexts(contexts, schools: schools, plan: plan, municipalityID: municipalityID, on: db))
            }
        case .teachers, .staffPositions, .trainings, .checklist, .gia:
            return try await stageIndicatorData(table: table, schools: schools, plan: plan, municipalityID: municipalityID, today: today, on: db)
        case .diagnostics, .courses, .studentSupport:
            return try await stagePeopleData(table: table, schools: schools, plan: plan, municipalityID: municipalityID, today: today, on: db)
        case .results, .studentResults:
            let started = Timing.now
            let parsed = kind == .results ? ResultsFile.parse(table, knownSchoolCodes: codes)
                                          : StudentResultsFile.parse(table, knownSchoolCodes: codes)
            Timing.note("validated \(table.rows.count) rows", since: started)
            switch parsed {
            case .failure(let p): return .failure(p)
            case .success(let rows):
                return .success(try await stageResults(rows, schools: schools, plan: plan, municipalityID: municipalityID, on: db, progress: progress))
            }
        }
    }

    static func stageSchools(_ records: [SchoolRecord], plan: Plan, municipalityID: UUID, on db: any Database) async throws -> Result<Staged, ImportProblems> {
        let existing = try await School.query(on: db).filter(\.$code ~~ records.map(\.code)).all()
        let byCode = Dictionary(existing.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let foreign = existing.filter { $0.$municipality.id != municipalityID }
        if !foreign.isEmpty {
            return .failure(ImportProblems(foreign.map {
                ImportProblem(line: nil, column: "code", value: $0.code, reason: "Код \($0.code) уже принадлежит школе другого муниципалитета.")
            }))
        }
        // A branch's parent and a login are checked against the registry as it will be: the file over the stored schools.
        var logins = try await School.logins(municipalityID: municipalityID, on: db).mapValues { Set($0) }
        let inFile = Set(records.map(\.code))
        for (login, codes) in logins { logins[login] = codes.subtracting(inFile) }
        let stored = try await School.refs(municipalityID: municipalityID, on: db).map(\.code)
        var problems: [ImportProblem] = []
        for r in records {
            if let parent = r.parentCode, !inFile.contains(parent), !stored.contains(parent) {
                problems.append(ImportProblem(line: nil, column: "parent_code", value: parent, reason: "головной школы с кодом \(parent) нет ни в файле, ни в реестре (филиал \(r.code))."))
            }
            if let login = r.login, let other = logins[FileShape.loginKey(login)]?.first {
                problems.append(ImportProblem(line: nil, column: "login", value: login, reason: "этот логин уже у школы \(other) реестра (в файле — у \(r.code)): логин у каждой школы свой."))
            }
        }
        guard problems.isEmpty else { return .failure(ImportProblems(problems)) }
        var changes = KeyedChanges(plan: plan)
        for r in records {
            let stored = byCode[r.code]
            let school = School(municipalityID: municipalityID, code: r.code, name: r.name, shortName: r.shortName,
                                settlement: r.settlement, type: r.type, distanceKm: r.distanceKm, isDemo: false)
            school.set(registry: r)
            changes.compare(label: r.code, now: describe(school), stored: stored.map(describe)) {
                guard let stored else { return school }
                stored.name = r.name
                stored.shortName = r.shortName
                stored.settlement = r.settlement
                stored.type = r.type
                stored.distanceKm = r.distanceKm
                stored.set(registry: r)
                return stored
            }
        }
        return .success(changes.staged)
    }

    static func describe(_ s: School) -> String {
        var parts = [s.name, s.shortName, s.settlement ?? "—", s.type ?? "—", s.distanceKm.map { Format.number($0) + " км" } ?? "—"]
        if let login = s.login { parts.append("логин \(login)") }
        if let okpo = s.okpo { parts.append("ОКПО \(okpo)") }
        if let inn = s.inn { parts.append("ИНН \(inn)") }
        if let parent = s.parentCode { parts.append("филиал школы \(parent)") }
        return parts.joined(separator: "; ")
    }

    static func stageContexts(_ contexts: [SocialContext], schools: [School.Ref], plan: Plan, municipalityID: UUID,
                              on db: any Database) async throws -> Staged {
        let idByCode = Dictionary(uniqueKeysWithValues: schools.map { ($0.code, $0.id) })
        let nameByCode = Dictionary(uniqueKeysWithValues: schools.map { ($0.code, $0.shortName) })
        let codeByID = Dictionary(uniqueKeysWithValues: schools.map { ($0.id, $0.code) })
        let years = Array(Set(contexts.map(\.year)))
        let existing = try await SocialContextRecord.query(on: db).filter(\.$municipality.$id == municipalityID)
            .filter(\.$year ~~ years).all()
        var byKey: [String: SocialContextRecord] = [:]
        for e in existing { byKey["\(codeByID[e.$school.id] ?? "")|\(e.year)"] = e }
        var changes = KeyedChanges(plan: plan)
        for c in contexts {
            let stored = byKey["\(c.schoolCode)|\(c.year)"]
            let before = stored?.domain(schoolCode: c.schoolCode)
            changes.compare(label: "\(nameByCode[c.schoolCode] ?? c.schoolCode), \(c.year)", now: Format.context(c),
                            stored: before.map(Format.context), same: before == c) {
                let r = stored ?? SocialContextRecord()
                r.$municipality.id = municipalityID
                r.$school.id = idByCode[c.schoolCode]!
                r.year = c.year
                r.set(c)
                return r
            }
        }
        return changes.staged
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
