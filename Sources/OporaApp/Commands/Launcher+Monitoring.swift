import Fluent
import Foundation
import OporaDomain
import Vapor

extension Launcher {
    public enum CommandError: Error, CustomStringConvertible {
        case problem(String)
        public var description: String {
            switch self { case .problem(let s): return s }
        }
    }

    /// The municipality a command works in: the named one, or the only one.
    static func municipality(named name: String?, on db: any Database) async throws -> Municipality {
        let all = try await Municipality.query(on: db).all()
        if let name {
            guard let m = all.first(where: { $0.name == name }) else { throw CommandError.problem("no municipality named \(name)") }
            return m
        }
        guard all.count == 1 else {
            throw CommandError.problem(all.isEmpty ? "the database holds no municipality yet" : "name the municipality with --municipality (there are \(all.count))")
        }
        return all[0]
    }

    /// `opora import KIND FILE`: the same checks and the same single transaction as the web import.
    /// Returns the report to print; throws with every problem when the file is refused.
    public static func importFile(_ app: Application, kind: String, path: String, options: FileOptions = FileOptions(), municipalityName: String?,
                                  progress: (@Sendable (_ written: Int, _ total: Int) -> Void)? = nil) async throws -> String {
        let kinds = ["schools": ImportKind.schools, "context": .context, "results": .results, "student-results": .studentResults,
                     "teachers": .teachers, "staff-positions": .staffPositions, "trainings": .trainings, "checklist": .checklist, "gia": .gia,
                     "diagnostics": .diagnostics, "courses": .courses, "student-support": .studentSupport]
        guard let importKind = kinds[kind] else {
            throw CommandError.problem("kind must be one of: \(kinds.keys.sorted().joined(separator: ", "))")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandError.problem("cannot read \(path)") }
        let municipality = try await municipality(named: municipalityName, on: app.db)
        let result = try await ImportService.run(kind: importKind, fileName: URL(fileURLWithPath: path).lastPathComponent,
                                                 bytes: Array(data), options: options, maxBytes: TableReader.commandLineMaxBytes,
                                                 municipalityID: try municipality.requireID(), user: nil,
                                                 write: true, today: app.opora.today(), on: app.db, progress: progress)
        switch result {
        case .failure(let problems):
            throw CommandError.problem("Файл не загружен, ничего не изменено. Ошибок: \(problems.problems.count).\n"
                                       + problems.problems.map(\.russian).joined(separator: "\n"))
        case .success(let plan):
            return (plan.columns.lines + ["Загружено. \(plan.russianDoneSummary)"]).joined(separator: "\n")
        }
    }

    public enum IdentifyFormat: String, CaseIterable, Sendable { case table, csv, json }

    /// `opora identify --year Y`: the categories of every school, as the API gives them.
    public static func identify(_ app: Application, year: Int, format: IdentifyFormat, municipalityName: String?) async throws -> String {
        guard (2000...2100).contains(year) else { throw CommandError.problem("--year must be between 2000 and 2100") }
        let municipality = try await municipality(named: municipalityName, on: app.db)
        // A connection on each of two event loops besides the first: the two years the rules read are read at once.
        let databases = [app.db] + app.eventLoopGroup.makeIterator().prefix(2).compactMap { app.databases.database(logger: app.logger, on: $0) }
        let report = try await IdentificationReport.oneShot(municipalityID: try municipality.requireID(), year: year, explained: format == .json,
                                                            on: databases)
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            return String(decoding: try encoder.encode(report), as: UTF8.self)
        case .csv:
            var lines = ["code,name,category,low_results,adverse_conditions,composite,social_index,criteria_met,bias_flags,composite_low,composite_high,unstable"]
            func figure(_ x: Double?) -> String { x.map { String(format: "%.4f", $0) } ?? "" }
            for s in report.schools {
                lines.append([s.code, csvQuoted(s.name), s.category.rawValue, String(s.lowResults), String(s.adverseConditions),
                              figure(s.composite), figure(s.socialIndex), String(s.criteriaMet), String(s.biasFlags.count),
                              figure(s.compositeLow), figure(s.compositeHigh), String(s.unstable)].joined(separator: ","))
            }
            return lines.joined(separator: "\n")
        case .table:
            var lines = ["Мониторинг \(year), методика версии \(report.methodologyVersion)"]
            for s in report.schools {
                // For a person: the category as the pages name it, the composite in п. п. (CSV and JSON stay machine-readable).
                let interval = s.compositeInterval.map(RussianNumberFormat.pointsInterval) ?? "—"
                lines.append("\(s.code.padding(toLength: 10, withPad: " ", startingAt: 0)) \(s.category.russian.padding(toLength: 21, withPad: " ", startingAt: 0)) "
                             + "\(Format.points(s.composite).padding(toLength: 12, withPad: " ", startingAt: 0)) "
                             + "\(interval.padding(toLength: 26, withPad: " ", startingAt: 0)) \(s.name)")
            }
            return lines.joined(separator: "\n")
        }
    }

    static func csvQuoted(_ s: String) -> String {
        // Most names hold none of the three bytes: then no character is one of them, and the characters
        // (slow to find in Cyrillic, and 40,000 names for a country) need not be walked.
        guard s.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") }) else { return s }
        return s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}

extension Launcher {
    /// `opora report --year Y --out FILE`: the workbook the web page offers.
    public static func report(_ app: Application, year: Int, municipalityName: String?) async throws -> [UInt8] {
        let municipality = try await municipality(named: municipalityName, on: app.db)
        guard let programme = try await Programme.query(on: app.db).filter(\.$municipality.$id == municipality.requireID())
            .sort(\.$createdAt, .descending).first() else {
            throw CommandError.problem("the municipality has no programme")
        }
        guard (programme.startYear...programme.endYear).contains(year) else {
            throw CommandError.problem("the programme runs \(programme.startYear)–\(programme.endYear)")
        }
        return try await ReportData.make(programme: programme, year: year, today: app.opora.today(), cache: app.monitoringCache, on: app.db).workbook()
    }
}
