import Fluent
import OporaDomain
import Vapor

/// A school's risk profile and targeted recommendations. Everyone who may read the school sees
/// them; methodists and admin assess and recommend.
enum RisksController {
    static func model(_ req: Request, user: CurrentUser, school: School) async throws -> SchoolRisksView.Model {
        let programme = try await req.shownProgramme()
        let (year, years) = try req.schoolPageYear(of: programme)
        return try await SchoolRisksView.query(user: user, school: school, programme: programme, year: year, years: years, today: req.today, on: req.db)
    }

    static func show(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await Scope.school(try req.uuidParameter("schoolID"), for: user, on: req.db)
        return SchoolRisksView.render(try await PageContext.make(req), try await model(req, user: user, school: school), failed: nil)
    }

    static func assess(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await Scope.school(try req.uuidParameter("schoolID"), for: user, on: req.db)
        let (year, _) = try req.schoolPageYear(of: try await req.shownProgramme())
        let values = try req.content.decode([String: String].self)
        switch try await NetworkWork.assessRisk(values, school: school, year: year, user: user, today: req.today, on: req.db) {
        case .success:
            let key = (values["factor"] ?? "").filter { $0.isLetter || $0.isNumber || $0 == "-" }
            return Notice.saved(req, to: SiteURL.schoolRisks(.value(school.id!)).with([("year", String(year))]) + "#factor-\(key)")
        case .failure(let errors):
            return SchoolRisksView.render(try await PageContext.make(req), try await model(req, user: user, school: school),
                                          failed: .init(form: "risk-\(values["factor"] ?? "")", values: values, errors: errors))
        }
    }

    struct RecommendationForm: Content {
        var year: Int?
        var factor: String?
        var text: String?
        var measures: [String]?
    }

    static func recommend(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await Scope.school(try req.uuidParameter("schoolID"), for: user, on: req.db)
        let (year, _) = try req.schoolPageYear(of: try await req.shownProgramme())
        let form = try req.content.decode(RecommendationForm.self)
        let values = ["factor": form.factor ?? "", "text": form.text ?? "", "measures": (form.measures ?? []).joined(separator: ",")]
        switch try await NetworkWork.addRecommendation(values, measureIDs: form.measures ?? [], school: school, year: year, user: user,
                                                       today: req.today, on: req.db) {
        case .success:
            return Notice.saved(req, to: SiteURL.schoolRisks(.value(school.id!)).with([("year", String(year))]) + "#h-recs")
        case .failure(let errors):
            return SchoolRisksView.render(try await PageContext.make(req), try await model(req, user: user, school: school),
                                          failed: .init(form: "recommendation", values: values, errors: errors))
        }
    }

    static func status(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let r = try await Scope.recommendation(try req.uuidParameter("recommendationID"), for: user, on: req.db)
        if case .failure(let errors) = try await NetworkWork.setRecommendationStatus(r, status: (try? req.content.get(String.self, at: "status")) ?? "", user: user, on: req.db) {
            throw Abort(.unprocessableEntity, reason: errors.all.joined(separator: " "))
        }
        return Notice.saved(req, to: SiteURL.schoolRisks(.value(r.$school.id)).with([("year", String(r.year))]) + "#rec-\(r.id!.uuidString)")
    }
}
