import Fluent
import Foundation
import OporaDomain
import Vapor

/// Writing programmes through `/api/v1`: starting, activating and closing one (admin), and editing
/// its passport, sections, directions, tasks, indicators and measures (methodist, admin) while it is
/// open. Every change goes through the same services as the web forms; bad input is a 422 problem
/// with the errors by field.
struct ProgrammeAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1").grouped(BearerUserAuthenticator(), LoginRequired())
        api.post("programmes", use: create)
        api.post(["programmes", "import"], limit: BodyLimit.importFile, use: importFile)
        api.delete("programmes", ":programmeID", use: deleteDraft)
        api.post("programmes", ":programmeID", "activate", use: activate)
        api.post("programmes", ":programmeID", "close", use: close)
        api.on(.PATCH, ["programmes", ":programmeID", "passport"], limit: BodyLimit.programmeText, use: passport)
        api.post("programmes", ":programmeID", "sections", use: { try await save(ProgrammeSection.self, $0) })
        api.patch("sections", ":sectionID", use: { try await save(ProgrammeSection.self, $0) })
        api.delete("sections", ":sectionID", use: { try await delete(ProgrammeSection.self, $0) })
        api.post("programmes", ":programmeID", "directions", use: { try await save(Direction.self, $0) })
        api.patch("directions", ":directionID", use: { try await save(Direction.self, $0) })
        api.delete("directions", ":directionID", use: { try await delete(Direction.self, $0) })
        api.post("programmes", ":programmeID", "tasks", use: { try await save(YearTask.self, $0) })
        api.patch("tasks", ":taskID", use: { try await save(YearTask.self, $0) })
        api.delete("tasks", ":taskID", use: { try await delete(YearTask.self, $0) })
        api.post("programmes", ":programmeID", "indicators", use: { try await save(Indicator.self, $0) })
        api.patch("indicators", ":indicatorID", use: { try await save(Indicator.self, $0) })
        api.delete("indicators", ":indicatorID", use: { try await delete(Indicator.self, $0) })
        api.post("programmes", ":programmeID", "measures", use: addMeasure)
        api.put("measures", ":measureID", "description", use: describeMeasure)
        api.delete("measures", ":measureID", use: { try await delete(Measure.self, $0) })
    }

    // MARK: - Scope

    static func refused(_ errors: FieldErrors) throws -> Response {
        try Problem(status: .unprocessableEntity, detail: errors.all.joined(separator: " "), errors: errors.messages).response()
    }

    func json<T: Encodable>(_ value: T, _ status: HTTPStatus = .ok) throws -> Response {
        let response = Response(status: status)
        try response.content.encode(value, as: .json)
        return response
    }

    /// A programme of the caller's municipality that the caller may edit now.
    func editable(_ programme: Programme, _ user: CurrentUser) throws -> Programme {
        guard user.access.isMunicipalStaff else { throw Abort(.forbidden, reason: "Программу меняют методисты и управление образования.") }
        try Programmes.requireOpen(programme)
        return programme
    }

    func programme(_ req: Request, administer: Bool = false) async throws -> Programme {
        let user = try req.currentUser()
        if administer, !user.access.canAdminister { throw Abort(.forbidden, reason: "Программы начинает, вводит в действие и закрывает администратор.") }
        return try await Scope.programme(try req.uuidParameter("programmeID"), for: user, on: req.db)
    }

    /// The part of a plan named in the path, with its programme; 404 outside the caller's municipality.
    func part<M: ProgrammePart>(_ type: M.Type, _ req: Request) async throws -> (M, Programme) {
        let user = try req.currentUser()
        guard let id = req.parameters.get(M.pathParameter).flatMap(UUID.init(uuidString:)),
              let item = try await M.find(id, on: req.db) else { throw Abort(.notFound, reason: "Такой части программы нет.") }
        let programme = try await Scope.programme(item.programmeID, for: user, on: req.db)
        return (item, try editable(programme, user))
    }

    // MARK: - Programmes

    func create(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        guard user.access.canAdminister else { throw Abort(.forbidden, reason: "Программы начинает администратор.") }
        let body = try req.content.decode(Components.Schemas.ProgrammeCreate.self)
        var form = ["start": body.start.rawValue, "first_year": String(body.firstYear), "last_year": String(body.lastYear), "name": body.name ?? ""]
        for id in body.carry ?? [] { form["carry_\(id)"] = "1" }
        let municipality = try await Scope.wholeMunicipality(for: user, on: req.db)
        switch try await Programmes.create(form, municipality: municipality, user: user, on: req.db) {
        case .success(let id):
            return try json(try Components.Schemas.Programme(try await Scope.programme(id, for: user, on: req.db)), .created)
        case .failure(let errors): return try Self.refused(errors)
        }
    }

    func importFile(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        guard user.access.canAdminister else { throw Abort(.forbidden, reason: "Программы начинает администратор.") }
        let form = ["first_year": req.queryText("firstYear") ?? "", "last_year": req.queryText("lastYear") ?? "", "name": req.queryText("name") ?? ""]
        let municipalityID = try Scope.ownMunicipalityID(for: user)
        switch try await ProgrammeImport.run(form, fileName: req.queryText("fileName") ?? "programme.xlsx", bytes: req.body.data.map { Array($0.readableBytesView) } ?? [],
                                             municipalityID: municipalityID, user: user, write: true, on: req.db) {
        case .success(let result):
            guard let id = result.id else { throw Abort(.internalServerError, reason: "Черновик не записан.") }
            return try json(try Components.Schemas.Programme(try await Scope.programme(id, for: user, on: req.db)), .created)
        case .failure(let errors): return try Self.refused(errors)
        }
    }

    func activate(_ req: Request) async throws -> Response {
        let programme = try await programme(req, administer: true)
        switch try await Programmes.activate(programme, user: try req.currentUser(), on: req.db) {
        case .success: return try json(try Components.Schemas.Programme(programme))
        case .failure(let errors): return try Self.refused(errors)
        }
    }

    func deleteDraft(_ req: Request) async throws -> Response {
        let programme = try await programme(req, administer: true)
        switch try await Programmes.deleteDraft(programme, user: try req.currentUser(), on: req.db) {
        case .success: return Response(status: .noContent)
        case .failure(let errors): return try Self.refused(errors)
        }
    }

    func close(_ req: Request) async throws -> Response {
        let programme = try await programme(req, administer: true)
        let body = try req.content.decode(Components.Schemas.ProgrammeClose.self)
        switch try await Programmes.close(programme, reason: body.reason ?? "", user: try req.currentUser(), today: req.today, on: req.db) {
        case .success: return try json(try Components.Schemas.Programme(programme))
        case .failure(let errors): return try Self.refused(errors)
        }
    }

    func passport(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let programme = try editable(try await programme(req), user)
        let body = try req.content.decode(Components.Schemas.PassportInput.self)
        var form = ProgrammeEditing.passportValues(try await ProgrammePlan.fetch(programme, on: req.db))
        let lines: [(String, [String]?)] = [("basis", body.basis), ("terms", body.terms), ("tasks", body.tasks), ("indicators", body.indicators),
                                            ("expected_results", body.expectedResults)]
        for (key, value) in [("name", body.name), ("goal", body.goal), ("developers", body.developers), ("executors", body.executors),
                             ("mechanism", body.mechanism), ("control", body.control), ("indicators_intro", body.indicatorsIntro),
                             ("analysis_title", body.analysisTitle)] {
            if let value { form[key] = value }
        }
        for (key, value) in lines { if let value { form[key] = value.joined(separator: "\n") } }
        if let paragraphs = body.analysis { form["analysis"] = paragraphs.joined(separator: "\n\n") }
        switch try await ProgrammeEditing.savePassport(programme, form, user: user, on: req.db) {
        case .success:
            let plan = try await ProgrammePlan.fetch(programme, on: req.db)
            return try json(Components.Schemas.ProgrammeDetail(id: plan.id.uuidString, name: plan.name, years: plan.years, passport: .init(plan.passport),
                                                               indicators: plan.indicators.map(Components.Schemas.Indicator.init)))
        case .failure(let errors): return try Self.refused(errors)
        }
    }
}
