import Fluent
import Foundation
import OporaDomain

/// The municipality's list of competence areas for teachers' diagnostics, saved whole and audited.
enum CompetenceAreaLists {
    /// The whole list at once: titles and thresholds of the existing areas, a blank title removes one,
    /// and a new one may be added. Diagnostics of a removed area stay stored and count again if it returns.
    static func save(_ values: [String: String], municipalityID: UUID, user: CurrentUser, on db: any Database) async throws -> Result<Void, FieldErrors> {
        let current = try await CompetenceAreaList.load(municipalityID: municipalityID, on: db)
        var errors = FieldErrors()
        var list: [CompetenceArea] = []
        func threshold(_ field: String) -> Double? {
            guard let v = PlainNumber.decimal((values[field] ?? "").trimmingCharacters(in: .whitespaces)), (0...100).contains(v) else { errors.add(field, "Порог — число от 0 до 100."); return nil }
            return v
        }
        for i in current.indices {
            guard let key = values["key_\(i)"], current.contains(where: { $0.key == key }) else { continue }
            let title = (values["title_\(i)"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if title.isEmpty { continue }
            if let t = threshold("threshold_\(i)") { list.append(CompetenceArea(key: key, title: title, threshold: t)) }
        }
        let newTitle = (values["new_title"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !newTitle.isEmpty, let t = threshold("new_threshold") {
            // A new key every time: diagnostics of a removed area must never count toward another.
            let key = "area-" + UUID().uuidString.prefix(8).lowercased()
            list.append(CompetenceArea(key: key, title: newTitle, threshold: t))
        }
        if list.isEmpty { errors.add("title_0", "В списке должна остаться хотя бы одна компетенция.") }
        let titles = list.map { $0.title.lowercased() }
        if Set(titles).count != titles.count { errors.add("new_title", "Названия компетенций не должны повторяться.") }
        guard errors.isEmpty else { return .failure(errors) }
        let describe = { (a: [CompetenceArea]) in a.map { "\($0.title) (\(Format.number($0.threshold)) %)" }.joined(separator: "\n") }
        let before = describe(current), after = describe(list), saving = list
        try await db.transaction { db in
            try await CompetenceAreaRecord.query(on: db).filter(\.$municipality.$id == municipalityID).delete()
            for (i, a) in saving.enumerated() {
                let r = CompetenceAreaRecord()
                r.$municipality.id = municipalityID
                r.ordinal = i + 1
                r.key = a.key
                r.title = a.title
                r.threshold = a.threshold
                try await r.create(on: db)
            }
            try await Audit.record(db, user: user, action: "competenceAreas.save", entityType: "competenceAreas", entityID: nil,
                                   municipalityID: municipalityID, summary: "Список компетенций диагностики изменён",
                                   before: ["Компетенции": before], after: ["Компетенции": after])
        }
        return .success(())
    }
}
