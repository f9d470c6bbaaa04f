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

    struct FactorDTO: Content {
        var key: String
        var title: String
        var directions: [String]
        var suggestedLevel: RiskLevel?
        var reason: String
        var rows: [String]
        var level: RiskLevel?
        var confirmed: Bool
        var comment: String?
    }

    struct ProfileDTO: Content {
        var year: Int
        var factors: [FactorDTO]
    }

    func riskProfile(_ req: Request) async throws -> ProfileDTO {
        let user = try req.currentUser()
        let school = try await Scope.school(try req.uuidParameter("schoolID"), for: user, on: req.db)
        let (year, _) = try req.schoolPageYear(of: try await Scope.currentProgramme(for: user, on: req.db))
        let p = try await RiskProfile.load(school: school, year: year, peopleVisible: user.access.canReadPeople(ofSchool: school.id!.uuidString), on: req.db)
        return ProfileDTO(year: year, factors: p.factors.map {
            FactorDTO(key: $0.factor.key, title: $0.factor.title, directions: $0.factor.directions, suggestedLevel: $0.suggestion.level,
                      reason: $0.suggestion.reason, rows: $0.suggestion.rows, level: $0.level, confirmed: $0.assessment != nil,
                      comment: $0.assessment?.comment)
        })
    }

    struct RecommendationDTO: Content {
        var id: UUID
        var year: Int
        var factor: String?
        var text: String
        var status: RecommendationStatus
        var createdOn: Day
        var measures: [MeasureLink]
    }

    struct MeasureLink: Content {
        var id: UUID
        var name: String
        var status: MeasureStatus
    }

    func recommendations(_ req: Request) async throws -> [RecommendationDTO] {
        let user = try req.currentUser()
        let school = try await Scope.school(try req.uuidParameter("schoolID"), for: user, on: req.db)
        return try await Recommendation.query(on: req.db).filter(\.$school.$id == school.id!).with(\.$measures).sort(\.$createdOn).all().map { r in
            RecommendationDTO(id: r.id!, year: r.year, factor: r.factor, text: r.text, status: RecommendationStatus(rawValue: r.status) ?? .proposed,
                              createdOn: Day(r.createdOn) ?? req.today, measures: r.measures.map { MeasureLink(id: $0.id!, name: $0.name, status: $0.status) })
        }
    }

    struct PracticeDTO: Content {
        var id: UUID
        var title: String
        var schoolID: UUID?
        var authors: String
        var directions: [String]
        var factors: [String]
        var description: String
        var results: String
        var evidenceLevel: EvidenceLevel
        var isPublic: Bool
    }

    func practices(_ req: Request) async throws -> [PracticeDTO] {
        let user = try req.currentUser()
        let municipalities = try await Scope.municipalityIDs(for: user, on: req.db)
        let filter = Practices.Filter(text: try req.querySearch() ?? "", direction: (try? req.query.get(String.self, at: "direction")) ?? "",
                                      factor: (try? req.query.get(String.self, at: "factor")) ?? "",
                                      school: (try? req.query.get(String.self, at: "school")).flatMap(UUID.init(uuidString:)))
        return try await Practices.find(filter, municipalityIDs: municipalities, publicOnly: false, on: req.db).map {
            PracticeDTO(id: $0.id!, title: $0.title, schoolID: $0.$school.id, authors: user.access.seesNames ? $0.authors : "", directions: $0.directionCodes, factors: $0.factorKeys,
                        description: $0.description, results: $0.results, evidenceLevel: $0.level, isPublic: $0.isPublic)
        }
    }
}
