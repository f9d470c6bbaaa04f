import Fluent
import OporaDomain
import Vapor

/// Risk profiles, recommendations and the practices database under `/api/v1`, with the same
/// permissions as the pages.
struct NetworkAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1").grouped(BearerUserAuthenticator(), LoginRequired())
        api.get("schools", ":schoolID", "risk-profile", use: riskProfile)
        api.get("schools", ":schoolID", "recommendations", use: recommendations)
        api.get("practices", use: practices)
    }

    func riskProfile(_ req: Request) async throws -> Components.Schemas.RiskProfile {
        let user = try req.currentUser()
        let school = try await Scope.school(try req.uuidParameter("schoolID"), for: user, on: req.db)
        let (year, _) = try req.schoolPageYear(of: try await Scope.currentProgramme(for: user, school: school, on: req.db))
        let p = try await RiskProfile.load(school: school, year: year, peopleVisible: user.access.canReadPeople(ofSchool: school.id!.uuidString), on: req.db)
        return Components.Schemas.RiskProfile(year: year, factors: p.factors.map {
            Components.Schemas.RiskFactor(key: $0.factor.key, title: $0.factor.title, directions: $0.factor.directions,
                                          suggestedLevel: $0.suggestion.level.map(Components.Schemas.RiskLevel.init),
                                          reason: $0.suggestion.reason, rows: $0.suggestion.rows, level: $0.level.map(Components.Schemas.RiskLevel.init),
                                          confirmed: $0.assessment != nil, comment: $0.assessment?.comment)
        })
    }

    func recommendations(_ req: Request) async throws -> [Components.Schemas.Recommendation] {
        let user = try req.currentUser()
        let school = try await Scope.school(try req.uuidParameter("schoolID"), for: user, on: req.db)
        return try await SchoolRecords.recommendations(of: school, on: req.db).map { r in
            Components.Schemas.Recommendation(
                id: try r.requireID().uuidString, year: r.year, factor: r.factor, text: r.text,
                status: .init(RecommendationStatus(rawValue: r.status) ?? .proposed), createdOn: (Day(r.createdOn) ?? req.today).iso,
                measures: try r.measures.map { Components.Schemas.MeasureLink(id: try $0.requireID().uuidString, name: $0.name, status: .init($0.status)) })
        }
    }

    func practices(_ req: Request) async throws -> [Components.Schemas.Practice] {
        let user = try req.currentUser()
        let municipalities = try await Scope.municipalityIDs(for: user, on: req.db)
        let filter = Practices.Filter(text: try req.querySearch() ?? "", direction: (try? req.query.get(String.self, at: "direction")) ?? "",
                                      factor: (try? req.query.get(String.self, at: "factor")) ?? "",
                                      school: (try? req.query.get(String.self, at: "school")).flatMap(UUID.init(uuidString:)))
        return try await Practices.find(filter, municipalityIDs: municipalities, publicOnly: false, on: req.db).map {
            Components.Schemas.Practice(id: try $0.requireID().uuidString, title: $0.title, schoolID: $0.$school.id?.uuidString,
                                        authors: user.access.seesNames ? $0.authors : "", directions: $0.directionCodes, factors: $0.factorKeys,
                                        description: $0.description, results: $0.results, evidenceLevel: .init($0.level), isPublic: $0.isPublic)
        }
    }
}
