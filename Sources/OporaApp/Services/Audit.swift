import Fluent
import Foundation

/// Writes the audit log. Called inside the transaction of the change it records, so a change and
/// its record land together or not at all; the municipality's `ChangeStamp` changes with it.
enum Audit {
    static func record(_ db: any Database, user: CurrentUser?, action: String, entityType: String, entityID: UUID?,
                       municipalityID: UUID?, summary: String,
                       before: [String: String]? = nil, after: [String: String]? = nil) async throws {
        let entry = AuditEntry()
        entry.userID = user?.id
        entry.userName = user.map { "\($0.fullName) (\($0.login))" } ?? "система"
        entry.municipalityID = municipalityID ?? user?.municipalityID
        entry.action = action
        entry.entityType = entityType
        entry.entityID = entityID
        entry.summary = summary
        entry.beforeJSON = try before.map(encode)
        entry.afterJSON = try after.map(encode)
        try await entry.create(on: db)
        if let m = entry.municipalityID { try await ChangeStamp.bump(municipalityID: m, on: db) }
    }

    static func encode(_ fields: [String: String]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(fields), as: UTF8.self)
    }

    static func decode(_ json: String?) -> [String: String] {
        guard let json, let data = json.data(using: .utf8) else { return [:] }
        return (try? JSONDecoder().decode([String: String].self, from: data)) ?? [:]
    }
}
