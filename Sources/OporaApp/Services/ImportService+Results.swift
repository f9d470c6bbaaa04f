import Fluent
import Foundation
import OporaDomain

/// Results of assessments, the largest kind: compared with the stored rows read as plain values,
/// written by the bulk `ResultRowWriter`.
extension ImportService {
    static func stageResults(_ rows: [ResultRow], schools: [School.Ref], plan: Plan, municipalityID: UUID, on db: any Database,
                             progress: (@Sendable (Int, Int) -> Void)?) async throws -> Staged {
        let phase = Timing.now
        let nameByCode = Dictionary(uniqueKeysWithValues: schools.map { ($0.code, $0.shortName) })
        let years = Set(rows.map(\.year))
        // Read as plain rows: a country's re-imported file meets 1.5 million stored rows.
        let existing = years.isEmpty ? [] : try await ResultRowReader.read(municipalityID: municipalityID, years: years.min()!...years.max()!, on: db)
            .filter { years.contains($0.year) }
        let byKey = Dictionary(existing.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var plan = plan
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
        Timing.note("compared with \(existing.count) stored rows", since: phase)
        let saving = updates, adding = inserts
        return Staged(plan: plan) { db, importID in
            let started = Timing.now
            try await ResultRowWriter.update(saving, municipalityID: municipalityID, importID: importID, on: db)
            try await ResultRowWriter.insert(adding, municipalityID: municipalityID, importID: importID, on: db, progress: progress)
            Timing.note("wrote \(adding.count) rows and replaced \(saving.count)", since: started)
        }
    }
}
