import Fluent
import OporaDomain
import Vapor

/// What the layout needs around every page: who is signed in, the form token, whether the data is demo.
struct PageContext: Sendable {
    var user: CurrentUser?
    var csrf: String
    var municipalityName: String?
    var isDemo: Bool
    var path: String
    /// The pinned date of a demo, said in its banner.
    var demoToday: Day? = nil

    /// Whether the page masks counts of people (observers and visitors who are not signed in).
    var countsOnly: Bool { user?.access.seesCountsOnly ?? true }

    static func make(_ req: Request) async throws -> PageContext {
        let user = req.auth.get(CurrentUser.self)
        var name: String?
        var demo = false
        if let id = user?.municipalityID, let m = try await Municipality.find(id, on: req.db) {
            name = m.name
            demo = m.isDemo
        } else if user == nil {
            demo = try await Municipality.query(on: req.db).filter(\.$isDemo == true).count() > 0
        }
        return PageContext(user: user, csrf: CSRF.token(for: req), municipalityName: name, isDemo: demo, path: req.url.path,
                           demoToday: demo ? req.application.opora.pinnedToday : nil)
    }
}
