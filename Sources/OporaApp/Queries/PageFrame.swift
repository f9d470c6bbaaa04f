import Fluent
import Foundation

/// What the frame of every page reads: the user's municipality's name and whether its data is a
/// demo; for a visitor who is not signed in, whether any demo is served.
enum PageFrame {
    static func municipality(of user: CurrentUser?, on db: any Database) async throws -> (name: String?, isDemo: Bool) {
        if let id = user?.municipalityID, let m = try await Municipality.find(id, on: db) { return (m.name, m.isDemo) }
        guard user == nil else { return (nil, false) }
        return (nil, try await Municipality.query(on: db).filter(\.$isDemo == true).count() > 0)
    }
}
