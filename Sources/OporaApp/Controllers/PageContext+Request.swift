import OporaDomain
import Vapor

extension PageContext {
    /// The frame of a page for this request: who is signed in, the form token, the municipality's
    /// name and whether its data is a demo.
    static func make(_ req: Request) async throws -> PageContext {
        let user = req.auth.get(CurrentUser.self)
        let frame = try await PageFrame.frame(of: user, on: req.db)
        let programme = user == nil ? nil : try? await req.shownProgramme()
        return PageContext(user: user, csrf: CSRF.token(for: req), municipalityName: frame.municipalityName, isDemo: frame.isDemo,
                           path: req.url.path, demoToday: frame.isDemo ? req.application.opora.pinnedToday : nil, regionName: frame.regionName,
                           programme: programme.map { .init(name: $0.name, years: $0.years, status: $0.status) },
                           notice: Notice.take(req))
    }
}
