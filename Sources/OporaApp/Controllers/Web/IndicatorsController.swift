import OporaDomain
import Vapor

enum IndicatorsController {
    static func index(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let data = try await IndicatorData.load(try await req.shownProgramme(), cache: req.application.monitoringCache, on: req.db)
        return IndicatorsView.render(try await PageContext.make(req), data, schoolCode: try await Scope.ownSchool(of: user, on: req.db)?.code)
    }

    static func numberAndYear(_ req: Request, _ d: IndicatorData) throws -> (Int, Int) {
        guard let n = req.parameters.get("number", as: Int.self), let y = req.parameters.get("year", as: Int.self),
              d.numbers.contains(n), d.years.contains(y) else {
            throw Abort(.notFound, reason: "Такого индикатора или года в программе нет.")
        }
        return (n, y)
    }

    static func show(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let data = try await IndicatorData.load(try await req.shownProgramme(), cache: req.application.monitoringCache, on: req.db)
        let (n, y) = try numberAndYear(req, data)
        return IndicatorDetailView.render(try await PageContext.make(req), data, data.value(n, y), schoolCode: try await Scope.ownSchool(of: user, on: req.db)?.code,
                                          canEnter: user.access.isMunicipalStaff, failed: nil)
    }

    struct ManualBody: Content {
        var value: String
        var source: String
        var reason: String
    }

    static func saveManual(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let programme = try await req.openProgramme()
        let data = try await IndicatorData.load(programme, cache: req.application.monitoringCache, on: req.db)
        let (n, y) = try numberAndYear(req, data)
        let b = try req.content.decode(ManualBody.self)
        switch try await IndicatorManualValues.save(number: n, year: y, value: b.value, source: b.source, reason: b.reason, data: data, user: user, on: req.db) {
        case .success:
            return Notice.saved(req, to: SiteURL.indicator(n, y).path)
        case .failure(let errors):
            return IndicatorDetailView.render(try await PageContext.make(req), data, data.value(n, y), schoolCode: nil, canEnter: true,
                                              failed: FailedForm(form: "manual", values: ["value": b.value, "source": b.source, "reason": b.reason], errors: errors))
        }
    }
}
