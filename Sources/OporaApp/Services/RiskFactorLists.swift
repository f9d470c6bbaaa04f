import Fluent
import Foundation
import OporaDomain

/// The municipality's list of risk factors (admin), saved whole and audited. A blank title removes
/// a factor; its assessments stay stored.
enum RiskFactorLists {
    static func save(_ values: [String: String], programme: Programme, user: CurrentUser, on db: any Database) async throws -> Result<Void, FieldErrors> {
        let municipalityID = programme.$municipality.id
        let current = try await RiskFactorList.load(municipalityID: municipalityID, on: db)
        let codes = Set(try await Direction.query(on: db).filter(\.$programme.$id == programme.requireID()).all().map(\.code))
        var errors = FieldErrors()
        func directions(_ field: String) -> [String] {
            let list = (values[field] ?? "").split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }).map(String.init)
            let unknown = list.filter { !codes.contains($0) }
            if !unknown.isEmpty { errors.add(field, "Нет таких направлений плана: \(unknown.joined(separator: ", ")).") }
            return list
        }
        var list: [RiskFactor] = []
        for i in current.indices {
            guard let key = values["key_\(i)"], current.contains(where: { $0.key == key }) else { continue }
            let title = (values["title_\(i)"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if title.isEmpty { continue }
            list.append(RiskFactor(key: key, title: title, directions: directions("directions_\(i)")))
        }
        let newTitle = (values["new_title"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !newTitle.isEmpty {
            // A new key every time: assessments of a removed factor must never show under another title.
            let key = "factor-" + UUID().uuidString.prefix(8).lowercased()
            list.append(RiskFactor(key: key, title: newTitle, directions: directions("new_directions")))
        }
        if list.isEmpty { errors.add("title_0", "В списке должен остаться хотя бы один фактор.") }
        guard errors.isEmpty else { return .failure(errors) }
        let describe = { (a: [RiskFactor]) in a.map { "\($0.title) (\($0.directions.joined(separator: ", ")))" }.joined(separator: "\n") }
        let before = describe(current), after = describe(list), saving = list
        try await db.transaction { db in
            try await RiskFactorRecord.query(on: db).filter(\.$municipality.$id == municipalityID).delete()
            for (i, f) in saving.enumerated() {
                let r = RiskFactorRecord()
                r.$municipality.id = municipalityID
                r.ordinal = i + 1
                r.key = f.key
                r.title = f.title
                r.directions = f.directions.joined(separator: ",")
                try await r.create(on: db)
            }
            try await Audit.record(db, user: user, action: "riskFactors.save", entityType: "riskFactors", entityID: nil, municipalityID: municipalityID,
                                   summary: "Список факторов риска изменён", before: ["Факторы": before], after: ["Факторы": after])
        }
        return .success(())
    }
}
