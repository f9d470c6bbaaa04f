import Fluent
import OporaDomain
import Vapor

extension PageContext {
    /// The frame of a page for this request: who is signed in, the form token, the municipality's
    /// name and whether its data is a demo.
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
        let programme = await user.asyncFlatMap { try? await Scope.currentProgramme(for: $0, chosen: req.chosenProgrammeID, on: req.db) }
        return PageContext(user: user, csrf: CSRF.token(for: req), municipalityName: name, isDemo: demo, path: req.url.path,
                           demoToday: demo ? req.application.opora.pinnedToday : nil,
                           programme: programme.map { .init(name: $0.name, years: $0.years, status: $0.status) })
    }
}
