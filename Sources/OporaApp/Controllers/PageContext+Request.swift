import OporaDomain
import Vapor

extension PageContext {
    /// The frame of a page for this request: who is signed in, the form token, the municipality's
    /// name and whether its data is a demo.
    static func make(_ req: Request) async throws -> PageContext {
        let user = req.auth.get(CurrentUser.self)
        let (name, demo) = try await PageFrame.municipality(of: user, on: req.db)
        let programme = user == nil ? nil : try? await req.shownProgramme()
        return PageContext(user: user, csrf: CSRF.token(for: req), municipalityName: name, isDemo: demo, path: req.url.path,
                           demoToday: demo ? req.application.opora.pinnedToday : nil,
                           programme: programme.map { .init(name: $0.name, years: $0.years, status: $0.status) },
                           notice: Notice.take(req))
    }
}
