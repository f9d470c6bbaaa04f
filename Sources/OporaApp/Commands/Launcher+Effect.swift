import Foundation
import OporaDomain
import Vapor

/// `opora effect --programme ID`: the programme's effect as the page «Эффект программы» and
/// `GET /api/v1/programmes/{id}/effect` give it.
extension Launcher {
    public enum EffectFormat: String, CaseIterable, Sendable { case table, csv, json }

    public static func effect(_ app: Application, programmeID: String, format: EffectFormat) async throws -> String {
        let report = try await EffectReport.make(try await programme(programmeID, on: app.db), cache: app.monitoringCache, on: app.db)
        let e = report.effect
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            return String(decoding: try encoder.encode(Components.Schemas.ProgrammeEffect(e)), as: UTF8.self)
        case .csv:
            func figure(_ x: Double?) -> String { x.map { String(format: "%.4f", $0) } ?? "" }
            return (["year,schools,change_participating,change_matched,effect,effect_low,effect_high,supported"] + e.years.map {
                [String($0.year), String($0.schools), figure($0.changeParticipating), figure($0.changeMatched), figure($0.effect),
                 figure($0.interval?.low), figure($0.interval?.high), String(e.supported)].joined(separator: ",")
            }).joined(separator: "\n")
        case .table:
            var lines = ["Эффект программы «\(report.programmeName)», базовый год \(e.baseline): школ программы в сравнении \(e.participating.count),"
                         + " школ для подбора \(e.pool.count)"]
            lines += e.notSupported.map { "Вывода сделать нельзя: \($0)" }
            lines += e.leftOut.map { "Не вошла: \(report.name($0.code)) — \($0.reason)" }
            for y in e.years {
                lines.append("\(y.year)  школ \(y.schools)  программа \(Format.points(y.changeParticipating))  похожие \(Format.points(y.changeMatched))"
                             + "  эффект \(Format.points(y.effect))  интервал \(y.interval.map(RussianNumberFormat.pointsInterval) ?? "—")")
            }
            return lines.joined(separator: "\n")
        }
    }
}
