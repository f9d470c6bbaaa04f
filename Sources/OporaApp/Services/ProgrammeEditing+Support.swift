import Fluent
import Foundation
import OporaDomain

/// What every edit of a programme shares: finding an item of that programme, refusing, auditing,
/// and keeping numbers, codes and search text in step with the plan's order.
extension ProgrammeEditing {
    /// A section, direction, task, indicator or measure of `programme` by the id a form sent; nil
    /// for no id, a malformed one or one of another programme.
    static func item<M: ProgrammePart>(_ type: M.Type, _ id: String?, in programme: Programme, on db: any Database) async throws -> M? {
        guard let text = id, let uuid = UUID(uuidString: text), let found = try await M.find(uuid, on: db),
              found.programmeID == programme.id else { return nil }
        return found
    }

    static func refusal<T>(_ field: String, _ message: String) -> Result<T, FieldErrors> {
        var errors = FieldErrors()
        errors.add(field, message)
        return .failure(errors)
    }

    static func record(_ db: any Database, _ programme: Programme, _ user: CurrentUser, _ action: String, _ summary: String,
                       before: [String: String]? = nil, after: [String: String]? = nil) async throws {
        try await Audit.record(db, user: user, action: action, entityType: "programme", entityID: programme.id,
                               municipalityID: programme.$municipality.id, summary: summary, before: before, after: after)
    }

    /// Sections numbered 1…n in their order, each direction coded «section.place» in its order, and
    /// every measure's section number following its direction. Answers the code of every direction.
    @discardableResult
    static func renumber(_ programme: Programme, on db: any Database) async throws -> [UUID: String] {
        let programmeID = try programme.requireID()
        let sections = try await ProgrammeSection.query(on: db).filter(\.$programme.$id == programmeID).sort(\.$number).all()
        let directions = try await Direction.query(on: db).filter(\.$programme.$id == programmeID).sort(\.$ordinal).all()
        // Numbers and codes are unique within a programme: step aside first, then take the new ones.
        for s in sections where s.number > 0 { s.number = -s.number; try await s.save(on: db) }
        for d in directions where !d.code.hasPrefix("~") { d.code = "~" + d.code; try await d.save(on: db) }
        var codes: [UUID: String] = [:]
        for (n, s) in sections.enumerated() {
            s.number = n + 1
            try await s.save(on: db)
            for (place, d) in directions.filter({ $0.$section.id == s.id }).enumerated() {
                d.code = "\(n + 1).\(place + 1)"
                try await d.save(on: db)
                codes[try d.requireID()] = d.code
                try await Measure.query(on: db).filter(\.$direction.$id == d.requireID()).set(\.$sectionNumber, to: n + 1).update()
            }
        }
        return codes
    }

    /// The search text of every measure of these directions, after a name, task or code changed.
    static func refreshSearch(directionIDs: [UUID], on db: any Database) async throws {
        guard !directionIDs.isEmpty else { return }
        let directions = try await Direction.query(on: db).filter(\.$id ~~ directionIDs).all()
        let tasks = try await YearTask.query(on: db).filter(\.$direction.$id ~~ directionIDs).all()
        let taskText = Dictionary(uniqueKeysWithValues: tasks.map { ($0.id!, $0.text) })
        for d in directions {
            for m in try await Measure.query(on: db).filter(\.$direction.$id == d.requireID()).all() {
                let text = SearchText.normalise([m.name, taskText[m.$task.id], d.code, d.title, m.product, m.responsible])
                if text != m.searchText { m.searchText = text; try await m.save(on: db) }
            }
        }
    }
}
