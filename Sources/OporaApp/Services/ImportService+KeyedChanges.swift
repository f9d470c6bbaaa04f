import Fluent
import Foundation

/// A stored record that remembers the import that last wrote it.
protocol ImportStamped: AnyObject {
    var importID: UUID? { get set }
}

extension SocialContextRecord: ImportStamped {}

extension ImportService {
    /// The rows of a file compared with the stored ones by natural key, and the records to save:
    /// every kind but results stages its changes with it.
    struct KeyedChanges {
        var plan: Plan
        var saves: [any Model] = []

        /// Compares one row with what is stored under its key, by the text the user is shown.
        mutating func compare(label: String, now: String, stored: String?, save: () -> any Model) {
            compare(label: label, now: now, stored: stored, same: stored == now, save: save)
        }

        /// The same where the kind compares its values itself; the closure makes or updates the record.
        mutating func compare(label: String, now: String, stored: String?, same: Bool, save: () -> any Model) {
            if same { plan.unchanged += 1; return }
            if let stored { plan.replaced.append("\(label): \(stored) → \(now)") } else { plan.added.append("\(label): \(now)") }
            saves.append(save())
        }

        /// The changes, written by the engine: stored records updated one by one, new ones created a
        /// few hundred to a statement (a country's school registry has 40,000), within SQLite's limit
        /// on bound values.
        var staged: Staged {
            let records = saves
            return Staged(plan: plan) { db, importID in
                for r in records { (r as? any ImportStamped)?.importID = importID }
                for r in records where isStored(r) { try await r.save(on: db) }
                let new = records.filter { !isStored($0) }
                if let first = new.first { try await createInBatches(of: first, new, on: db) }
            }
        }
    }
}

private func isStored<M: Model>(_ model: M) -> Bool { model.id != nil }

/// New records of one kind, 200 to a statement.
private func createInBatches<M: Model>(of _: M, _ models: [any Model], on db: any Database) async throws {
    let typed = models.compactMap { $0 as? M }
    precondition(typed.count == models.count, "an import stages records of one kind")
    for start in stride(from: 0, to: typed.count, by: 200) {
        try await Array(typed[start..<min(start + 200, typed.count)]).create(on: db)
    }
}
