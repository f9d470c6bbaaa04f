import Fluent
import OporaDomain
import Vapor

/// Management decisions of the municipality: methodists and admin record them; observers read.
enum DecisionsController {
    static func model(_ req: Request, user: CurrentUser) async throws -> DecisionsView.Model {
        let programme = try await Scope.currentProgramme(for: user, on: req.db)
        let municipalityID = programme.$municipality.id
        let schools = try await School.query(on: req.db).filter(\.$municipality.$id == municipalityID).sort(\.$code).all()
        let names = Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0.shortName) })
        let measures = try await Measure.query(on: req.db).filter(\.$programme.$id == programme.id!).sort(\.$sectionNumber).sort(\.$ordinal).all()
        let measureNames = Dictionary(uniqueKeysWithValues: measures.map { ($0.id!, $0.name) })
        let rows = try await Decision.query(on: req.db).filter(\.$municipality.$id == municipalityID).sort(\.$date, .descending).all().map { d in
            DecisionsView.Row(date: Day(d.date) ?? req.today, body: d.body, decision: d.decision, basis: d.basis, school: d.$school.id.flatMap { names[$0] },
                              measure: d.$measure.id.flatMap { id in measureNames[id].map { (id, $0) } })
        }
        return DecisionsView.Model(rows: rows, schools: schools.map { ($0.id!.uuidString, $0.shortName) },
                                   measures: measures.map { ($0.id!.uuidString, ($0.$school.id.flatMap { names[$0] }.map { "\($0): " } ?? "") + $0.name) },
                                   canEdit: user.access.canManagePeopleWork, today: req.today)
    }

    static func index(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        guard user.access.readsWholeMunicipality else { throw Abort(.forbidden, reason: "Решения муниципалитета видят методисты, управление образования и наблюдатели.") }
        return DecisionsView.render(try await PageContext.make(req), try await model(req, user: user), failed: nil)
    }

    static func create(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let programme = try await Scope.currentProgramme(for: user, on: req.db)
        let values = try req.content.decode([String: String].self)
        switch try await NetworkWork.addDecision(values, municipalityID: programme.$municipality.id, user: user, today: req.today, on: req.db) {
        case .success: return req.redirect(to: SiteURL.decisions.path)
        case .failure(let errors):
            return DecisionsView.render(try await PageContext.make(req), try await model(req, user: user), failed: FailedForm(form: "decision", values: values, errors: errors))
        }
    }
}
