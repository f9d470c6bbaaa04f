import Fluent
import OporaDomain
import Vapor

/// A region's municipalities, schools and indicators under `/api/v1/region`, for regional users:
/// what a regional dashboard or another system reads.
struct RegionAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "region").grouped(BearerUserAuthenticator(), LoginRequired(), AccessGuard { $0.isRegional })
        api.get("municipalities", use: municipalities)
        api.get("identification", use: identification)
        api.get("indicators", use: indicators)
    }

    func overview(_ req: Request, year: Int?) async throws -> RegionOverview {
        let user = try req.currentUser()
        return try await RegionOverview.fetch(region: try await Scope.region(for: user, on: req.db),
                                              municipalities: try await Scope.regionMunicipalities(for: user, on: req.db), year: year, user: user,
                                              today: req.today, cache: req.application.monitoringCache, kept: req.application.regionOverview, on: req.db)
    }

    func municipalities(_ req: Request) async throws -> Components.Schemas.RegionOverview {
        .init(try await overview(req, year: try req.queryYear()), countsOnly: try req.currentUser().access.seesCountsOnly)
    }

    func identification(_ req: Request) async throws -> Components.Schemas.RegionIdentification {
        let user = try req.currentUser()
        let all = try await Scope.regionMunicipalities(for: user, on: req.db)
        let chosen = try req.queryUUID("municipality")
        if let chosen, !all.contains(where: { $0.id == chosen }) { throw Abort(.notFound, reason: "Такого муниципалитета в регионе нет.") }
        let category = try req.queryText("category").map { text in
            guard let c = SchoolCategory(rawValue: text) else { throw Abort(.unprocessableEntity, reason: "Неизвестная категория: \(text).") }
            return c
        }
        let found = try await RegionSchools.fetch(municipalities: all, year: try req.queryYear(), cache: req.application.monitoringCache, kept: req.application.regionOverview, on: req.db)
        let listed = found.listed(municipality: chosen, category: category)
        let page = try req.queryPage()
        let size = MonitoringView.pageSize
        return .init(year: found.year, years: found.years, total: listed.count, page: page, pageSize: size,
                     schools: listed.dropFirst((page - 1) * size).prefix(size).map(Components.Schemas.RegionSchool.init),
                     withoutResults: found.withoutResults)
    }

    func indicators(_ req: Request) async throws -> Components.Schemas.RegionIndicators {
        let o = try await overview(req, year: nil)
        let masked = try req.currentUser().access.seesCountsOnly
        return .init(region: o.regionName, municipalities: o.rows.compactMap { r in
            r.programme.map { p in
                .init(municipalityID: r.municipalityID.uuidString, municipality: r.name, programmeID: p.id.uuidString, programme: p.name,
                      values: p.allIndicators.map { .init($0, masked: masked) })
            }
        })
    }
}
