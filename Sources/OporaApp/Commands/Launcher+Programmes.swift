import Fluent
import Foundation
import OporaDomain
import Vapor

/// `opora programme list|create|activate|close`: a municipality's programmes from the command line,
/// through the same services as the «Программы» page; changes are audited as made on the command line.
extension Launcher {
    /// One line per programme, newest period first: id, period, state, measures done, name.
    public static func programmeList(_ app: Application, municipalityName: String?) async throws -> String {
        let municipality = try await municipality(named: municipalityName, on: app.db)
        let programmes = try await Programme.query(on: app.db).filter(\.$municipality.$id == municipality.requireID())
            .sort(\.$startYear, .descending).all()
        guard !programmes.isEmpty else { return "«\(municipality.name)» has no programme yet: opora programme create." }
        var lines: [String] = []
        for p in programmes {
            let measures = Measure.query(on: app.db).filter(\.$programme.$id == p.id!).filter(\.$school.$id == nil)
            let total = try await measures.count(), done = try await measures.filter(\.$status == .done).count()
            lines.append("\(p.id!.uuidString)  \(p.startYear)–\(p.endYear)  \(p.status.rawValue)  \(done)/\(total) done  \(p.name)")
        }
        return lines.joined(separator: "\n")
    }

    /// A new draft from the built-in template, the previous programme (`carryAll`: every measure of its
    /// municipal plan not done) or empty.
    public static func programmeCreate(_ app: Application, municipalityName: String?, start: String, firstYear: Int, lastYear: Int,
                                       name: String?, carryAll: Bool) async throws -> String {
        let municipality = try await municipality(named: municipalityName, on: app.db)
        var form = ["start": start, "first_year": String(firstYear), "last_year": String(lastYear), "name": name ?? ""]
        if carryAll, start == Programmes.Start.previous.rawValue, let previous = try await Programmes.latest(of: municipality.requireID(), on: app.db) {
            for m in try await Programmes.unfinished(previous, on: app.db) { form["carry_\(m.id!.uuidString)"] = "1" }
        }
        switch try await Programmes.create(form, municipality: municipality, user: nil, on: app.db) {
        case .success(let id):
            let p = try await Programme.find(id, on: app.db)!
            let measures = try await Measure.query(on: app.db).filter(\.$programme.$id == id).count()
            return "Draft «\(p.name)» \(p.startYear)–\(p.endYear) created (\(id.uuidString)), \(measures) measures. Check it on the «Программы» page, then: opora programme activate \(id.uuidString)"
        case .failure(let errors): throw CommandError.problem(errors.all.joined(separator: " "))
        }
    }

    /// A draft read from the municipality's own XLSX workbook or DOCX; `dryRun` only reads it.
    public static func programmeImport(_ app: Application, path: String, municipalityName: String?, firstYear: Int, lastYear: Int,
                                       name: String?, dryRun: Bool) async throws -> String {
        let municipality = try await municipality(named: municipalityName, on: app.db)
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandError.problem("cannot read \(path)") }
        let form = ["first_year": String(firstYear), "last_year": String(lastYear), "name": name ?? ""]
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        switch try await ProgrammeImport.run(form, fileName: fileName, bytes: Array(data), municipalityID: municipality.requireID(), user: nil,
                                             write: !dryRun, on: app.db) {
        case .failure(let errors): throw CommandError.problem("Программа не создана, ничего не изменено:\n" + errors.messages.sorted { $0.key < $1.key }.map(\.value).joined(separator: "\n"))
        case .success(let (reading, id)):
            let t = reading.template
            var lines = ["«\(t.passport.name)», \(t.passport.startYear)–\(t.passport.endYear): \(t.sections.count) sections, \(t.directions.count) directions, "
                         + "\(t.directions.reduce(0) { $0 + $1.tasks.count }) tasks, \(t.measureCount) measures, \(t.indicators.count) indicators."]
            lines += reading.recognised.map { "read: \($0)" } + reading.notLoaded.map { "not loaded: \($0)" }
            lines.append(id.map { "Draft created (\($0.uuidString)); then: opora programme activate \($0.uuidString)" } ?? "Dry run: nothing written.")
            return lines.joined(separator: "\n")
        }
    }

    public static func programmeActivate(_ app: Application, id: String) async throws -> String {
        let programme = try await programme(id, on: app.db)
        switch try await Programmes.activate(programme, user: nil, on: app.db) {
        case .success: return "«\(programme.name)» is now the active programme."
        case .failure(let errors): throw CommandError.problem(errors.all.joined(separator: " "))
        }
    }

    public static func programmeClose(_ app: Application, id: String, reason: String?) async throws -> String {
        let programme = try await programme(id, on: app.db)
        switch try await Programmes.close(programme, reason: reason ?? "", user: nil, today: app.opora.today(), on: app.db) {
        case .success: return "«\(programme.name)» is closed; its final report: /programmes/\(programme.id!.uuidString)/final-report"
        case .failure(let errors): throw CommandError.problem(errors.all.joined(separator: " "))
        }
    }

    static func programme(_ id: String, on db: any Database) async throws -> Programme {
        guard let uuid = UUID(uuidString: id), let programme = try await Programme.find(uuid, on: db) else {
            throw CommandError.problem("no programme \(id): see opora programme list")
        }
        return programme
    }
}
