import OporaDomain
import Vapor

extension PageContext {
    /// The frame of a page for this request: who is signed in, the form token, the municipality's
    /// name and whether its data is a demo.
    static func make(_ req: Request) async throws -> PageContext {
        let user = req.auth.get(CurrentUser.self)
        var frame = try await PageFrame.frame(of: user, on: req.db)
        // The region's own pages are about every municipality: no one municipality or programme is named above them.
        let regionPage = req.url.path == SiteURL.region.path || req.url.path.hasPrefix(SiteURL.region.path + "/")
        if regionPage { frame.municipalityName = nil }
        let programme = user == nil || regionPage ? nil : try? await req.shownProgramme()
        let csrf = try await CSRF.token(for: req)
        return PageContext(user: user, csrf: csrf, municipalityName: frame.municipalityName, isDemo: frame.isDemo,
                           path: req.url.path, demoToday: frame.isDemo ? req.application.opora.pinnedToday : nil, regionName: frame.regionName,
                           programme: programme.map { .init(name: $0.name, years: $0.years, status: $0.status) },
                           notice: Notice.take(req))
    }
}
