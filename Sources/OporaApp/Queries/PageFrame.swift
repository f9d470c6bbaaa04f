import Fluent
import Foundation

/// What the frame of every page reads: the shown municipality's name, whether its data is a demo and,
/// for a regional user, the region's name; for a visitor who is not signed in, whether any demo is served.
enum PageFrame {
    struct Frame: Sendable {
        var municipalityName: String?
        var isDemo: Bool
        var regionName: String?
    }

    static func frame(of user: CurrentUser?, on db: any Database) async throws -> Frame {
        guard let user else {
            return Frame(municipalityName: nil, isDemo: try await Municipality.query(on: db).filter(\.$isDemo == true).count() > 0)
        }
        let shown = try await Scope.shownMunicipalityID(for: user, on: db).asyncFlatMap { try await Municipality.find($0, on: db) }
        let region = user.access.isRegional ? try await Scope.region(for: user, on: db).name : nil
        return Frame(municipalityName: shown?.name, isDemo: shown?.isDemo ?? false, regionName: region)
    }
}
