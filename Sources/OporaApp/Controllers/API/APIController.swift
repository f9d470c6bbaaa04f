import Fluent
import OporaDomain
import Vapor

/// JSON under `/api/v1`, with bearer tokens: programmes, their plan, measures and evidence. Every
/// route is an operation of `openapi.json`, and every answer is one of its schemas, generated into
/// `Components.Schemas` (see `OpenAPIDocument`).
struct APIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        // Read once, when the routes are registered: a missing resources bundle stops the start.
        let document = try OpenAPIDocument.load()
        api.get("openapi.json") { _ -> Response in
            let response = Response(status: .ok, body: .init(data: document))
            response.headers.contentType = .json
            return response
        }
        let authed = api.grouped(BearerUserAuthenticator(), LoginRequired())
        authed.get("programmes", use: programmes)
        authed.get("programmes", ":programmeID", use: programme)
        authed.get("programmes", ":programmeID", "sections", use: sections)
        authed.get("programmes", ":programmeID", "directions", use: directions)
        authed.get("programmes", ":programmeID", "tasks", use: tasks)
        authed.get("programmes", ":programmeID", "measures", use: measures)
        authed.get("measures", ":measureID", use: measure)
        authed.patch("measures", ":measureID", use: updateMeasure)
        authed.get("measures", ":measureID", "evidence", use: evidence)
        authed.post(["measures", ":measureID", "evidence"], limit: BodyLimit.upload, use: uploadEvidence)
    }

    func programmes(_ req: Request) async throws -> [Components.Schemas.Programme] {
        let user = try req.currentUser()
        return try await Scope.readableProgrammes(for: user, on: req.db).map(Components.Schemas.Programme.init)
    }

    func plan(_ req: Request) async throws -> ProgrammePlan {
        let user = try req.currentUser()
        let programme = try await Scope.programme(try req.uuidParameter("programmeID"), for: user, on: req.db)
        return try await ProgrammePlan.fetch(programme, on: req.db)
    }

    func programme(_ req: Request) async throws -> Components.Schemas.ProgrammeDetail {
        let p = try await plan(req)
        return Components.Schemas.ProgrammeDetail(id: p.id.uuidString, name: p.name, years: p.years, passport: .init(p.passport),
                                                  indicators: p.indicators.map(Components.Schemas.Indicator.init))
    }

    func sections(_ req: Request) async throws -> [Components.Schemas.Section] {
        try await plan(req).sections.map {
            Components.Schemas.Section(id: $0.id.uuidString, number: $0.number, title: $0.title, expectedResult: $0.expectedResult)
        }
    }

    func directions(_ req: Request) async throws -> [Components.Schemas.Direction] {
        try await plan(req).sections.flatMap { s in
            s.directions.map { Components.Schemas.Direction(id: $0.id.uuidString, sectionNumber: s.number, code: $0.code, title: $0.title) }
        }
    }

    func tasks(_ req: Request) async throws -> [Components.Schemas.Task] {
        try await plan(req).sections.flatMap { $0.directions.flatMap(\.tasks) }.map {
            Components.Schemas.Task(id: $0.id.uuidString, directionCode: $0.directionCode, text: $0.text, years: $0.years)
        }
    }

    func measures(_ req: Request) async throws -> Components.Schemas.MeasureList {
        let user = try req.currentUser()
        let programme = try await Scope.programme(try req.uuidParameter("programmeID"), for: user, on: req.db)
        let filter = try req.measureFilter()
        let result = try await MeasureList.fetch(programmeID: try programme.requireID(), filter: filter, user: user,
                                                 today: req.today, on: req.db)
        let counts = Dictionary(uniqueKeysWithValues: MeasureStatus.allCases.map { ($0.rawValue, result.counts[$0] ?? 0) })
        return Components.Schemas.MeasureList(total: result.total, overdue: result.overdue, counts: .init(additionalProperties: counts),
                                              items: result.rows.map(Components.Schemas.MeasureRow.init))
    }

    func measure(_ req: Request) async throws -> Components.Schemas.Measure {
        let user = try req.currentUser()
        let model = try await MeasureShowModel.fetch(try req.uuidParameter("measureID"), user: user, today: req.today, on: req.db)
        return Components.Schemas.Measure(measure: .init(model.row), evidence: model.evidence.map(Components.Schemas.Evidence.init),
                                          canEdit: model.canEdit)
    }

    /// Fields left out keep their values; an empty string clears a field.
    func updateMeasure(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let id = try req.uuidParameter("measureID")
        let patch = try req.content.decode(Components.Schemas.MeasurePatch.self)
        let current = MeasureChange(try await MeasureShowModel.fetch(id, user: user, today: req.today, on: req.db).row)
        let change = MeasureChange(
            status: patch.status.map(MeasureStatus.init) ?? current.status,
            responsible: patch.responsible ?? current.responsible,
            deadline: patch.deadline ?? current.deadline,
            completedOn: patch.completedOn ?? current.completedOn,
            completedBy: patch.completedBy ?? current.completedBy,
            comment: patch.comment ?? current.comment,
            cancelReason: patch.cancelReason ?? current.cancelReason,
            evidenceLink: patch.evidenceLink ?? current.evidenceLink)
        switch try await MeasureUpdate.apply(measureID: id, change: change, file: nil, user: user, today: req.today, on: req.db) {
        case .failure(let errors):
            return try Problem(status: .unprocessableEntity, detail: errors.all.joined(separator: " "), errors: errors.messages).response()
        case .success:
            return try await measure(req).encodeResponse(for: req)
        }
    }

    func evidence(_ req: Request) async throws -> [Components.Schemas.Evidence] {
        try await measure(req).evidence
    }

    /// The file is the raw request body; its name comes in `?fileName=`.
    func uploadEvidence(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let id = try req.uuidParameter("measureID")
        guard let fileName = try? req.query.get(String.self, at: "fileName"), !fileName.isEmpty else {
            return try Problem(status: .unprocessableEntity, detail: "Укажите имя файла в параметре fileName.", errors: ["fileName": "Укажите имя файла."]).response()
        }
        let bytes = req.body.data.map { Array($0.readableBytesView) } ?? []
        let m = try await Scope.measure(id, for: user, on: req.db)
        guard user.canEditMeasure(schoolID: m.$school.id) else {
            throw Abort(.forbidden, reason: "Прикладывать подтверждения к этому мероприятию вы не можете.")
        }
        let type: EvidenceFileType
        switch EvidenceFileType.detect(fileName: fileName, bytes: bytes) {
        case .failure(let problem):
            return try Problem(status: .unprocessableEntity, detail: problem.russian, errors: ["file": problem.russian]).response()
        case .success(let t): type = t
        }
        try await MeasureUpdate.attach(.init(fileName: fileName, bytes: bytes), type: type, to: m, user: user, on: req.db)
        let response = try await evidence(req).encodeResponse(for: req)
        response.status = .created
        return response
    }
}
