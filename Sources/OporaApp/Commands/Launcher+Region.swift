import Fluent
import Foundation
import OporaDomain
import Vapor

/// `opora import KIND FILE --region NAME`: a file of the whole region, each row in its municipality.
extension Launcher {
    public static func importRegionFile(_ app: Application, kind: String, path: String, options: FileOptions = FileOptions(),
                                        regionName: String) async throws -> String {
        guard let importKind = RegionalSplit.kinds.first(where: { $0.rawValue == kind }) else {
            throw CommandError.problem("a region loads one of: \(RegionalSplit.kinds.map(\.rawValue).joined(separator: ", "))")
        }
        guard let region = try await Region.query(on: app.db).filter(\.$name == regionName).first() else {
            throw CommandError.problem("no region named \(regionName)")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandError.problem("cannot read \(path)") }
        switch try await RegionalImport.run(kind: importKind, fileName: URL(fileURLWithPath: path).lastPathComponent, bytes: Array(data), options: options,
                                            maxBytes: TableReader.commandLineMaxBytes, regionID: try region.requireID(), user: nil,
                                            write: true, today: app.opora.today(), on: app.db) {
        case .failure(let problems):
            throw CommandError.problem("Файл не загружен, ничего не изменено. Ошибок: \(problems.problems.count).\n"
                                       + problems.problems.map(\.russian).joined(separator: "\n"))
        case .success(let parts):
            return ((parts.first?.plan.columns.lines ?? []) + ["Загружено по муниципалитетам (\(parts.count)):"]
                    + RegionalImport.russianSummary(parts, done: true)).joined(separator: "\n")
        }
    }
}
