import Fluent
import OporaDomain
import Vapor

/// Home, passport and plan: pages that read the programme and change nothing.
enum PagesController {
    static func home(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        // A regional user starts at the region's municipalities until one is opened.
        if user.access.isRegional, user.chosenMunicipalityID == nil { return req.redirect(to: SiteURL.region.path) }
        let programme = try await req.shownProgramme()
        let summary = try await HomeSummary.fetch(programme, user: user, today: req.today, on: req.db)
        var indicators: IndicatorData?
        if user.access.readsWholeMunicipality {
            indicators = try await IndicatorData.load(programme, cache: req.application.monitoringCache, on: req.db)
        }
        return HomeView.render(try await PageContext.make(req), summary, indicators: indicators, today: req.today)
    }

    static func passport(_ req: Request) async throws -> Response {
        let plan = try await ProgrammePlan.fetch(try await req.shownProgramme(), on: req.db)
        return PassportView.render(try await PageContext.make(req), plan)
    }

    static func plan(_ req: Request) async throws -> Response {
        let plan = try await ProgrammePlan.fetch(try await req.shownProgramme(), on: req.db)
        return PlanView.render(try await PageContext.make(req), plan)
    }

    static func stylesheet(_ req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: Stylesheet.css))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        response.headers.cacheControl = .init(maxAge: 3600)
        return response
    }
}
