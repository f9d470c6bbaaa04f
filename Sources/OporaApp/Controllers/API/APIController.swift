import Fluent
import OporaDomain
import Vapor

/// JSON under `/api/v1`, with bearer tokens. Every route and its schema is in `OpenAPIDocument`.
struct APIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("openapi.json", use: openAPI)
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

    func openAPI(_ req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: OpenAPIDocument.json))
        response.headers.contentType = .json
        return response
    }

    struct ProgrammeDTO: Content {
        var id: UUID
        var name: String
        var startYear: Int
        var endYear: Int
        var municipalityID: UUID
    }

    struct ProgrammeDetailDTO: Content {
        var id: UUID
        var name: String
        var years: [Int]
        var passport: ProgrammePassport
        var indicators: [IndicatorDTO]
    }

    struct IndicatorDTO: Content {
        var id: UUID
        var number: Int
        var title: String
        var unit: String
        var baselineYear: Int
        var baseline: Double?
        var targets: [TargetDTO]
    }

    struct TargetDTO: Content {
        var year: Int
        var value: Double
    }

    struct SectionDTO: Content {
        var id: UUID
        var number: Int
        var title: String
        var expectedResult: String
    }

    struct DirectionDTO: Content {
        var id: UUID
        var sectionNumber: Int
        var code: String
        var title: String
    }

    struct MeasureListDTO: Content {
        var total: Int
        var overdue: Int
        var counts: [String: Int]
        var items: [MeasureRow]
    }

    struct MeasureDTO: Content {
        var measure: MeasureRow
        var evidence: [MeasureShowModel.EvidenceItem]
        var canEdit: Bool
    }

    func programmes(_ req: Request) async throws -> [ProgrammeDTO] {
        let user = try req.currentUser()
        return try await Scope.programmes(for: user, on: req.db).map {
            ProgrammeDTO(id: try $0.requireID(), name: $0.name, startYear: $0.startYear, endYear: $0.endYear, municipalityID: $0.$municipality.id)
        }
    }

    func plan(_ req: Request) async throws -> ProgrammePlan {
        let user = try req.currentUser()
        let programme = try await Scope.programme(try req.uuidParameter("programmeID"), for: user, on: req.db)
        return try await ProgrammePlan.fetch(programme, on: req.db)
    }

    func programme(_ req: Request) async throws -> ProgrammeDetailDTO {
        let p = try await plan(req)
        return ProgrammeDetailDTO(id: p.id, name: p.name, years: p.years, passport: p.passport, indicators: p.indicators.map { i in
            IndicatorDTO(id: i.id, number: i.number, title: i.title, unit: i.unit, baselineYear: i.baselineYear, baseline: i.baseline,
                         targets: i.targets.keys.sorted().map { TargetDTO(year: $0, value: i.targets[$0]!) })
        })
    }

    func sections(_ req: Request) async throws -> [SectionDTO] {
        try await plan(req).sections.map { SectionDTO(id: $0.id, number: $0.number, title: $0.title, expectedResult: $0.expectedResult) }
    }

    func directions(_ req: Request) async throws -> [DirectionDTO] {
        try await plan(req).sections.flatMap { s in
            s.directions.map { DirectionDTO(id: $0.id, sectionNumber: s.number, code: $0.code, title: $0.title) }
        }
    }

    func tasks(_ req: Request) async throws -> [ProgrammePlan.TaskItem] {
        try await plan(req).sections.flatMap { $0.directions.flatMap(\.tasks) }
    }

    func measures(_ req: Request) async throws -> MeasureListDTO {
        let user = try req.currentUser()
        let programme = try await Scope.programme(try req.uuidParameter("programmeID"), for: user, on: req.db)
        let filter = try req.measureFilter()
        let result = try await MeasureList.fetch(programmeID: try programme.requireID(), filter: filter, user: user,
                                                 today: req.today, on: req.db)
        return MeasureListDTO(total: result.total, overdue: result.overdue,
                              counts: Dictionary(uniqueKeysWithValues: MeasureStatus.allCases.map { ($0.rawValue, result.counts[$0] ?? 0) }),
                              items: result.rows)
    }

    func measure(_ req: Request) async throws -> MeasureDTO {
        let user = try req.currentUser()
        let model = try await MeasureShowModel.fetch(try req.uuidParameter("measureID"), user: user, today: req.today, on: req.db)
        return MeasureDTO(measure: model.row, evidence: model.evidence, canEdit: model.canEdit)
    }

    struct MeasurePatch: Content {
        var status: MeasureStatus?
        var responsible: String?
        var deadline: String?
        var completedOn: String?
        var completedBy: String?
        var comment: String?
        var cancelReason: String?
        var evidenceLink: String?
    }

    /// Fields left out keep their values; an empty string clears a field.
    func updateMeasure(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let id = try req.uuidParameter("measureID")
        let patch = try req.content.decode(MeasurePatch.self)
        let current = MeasureChange(try await MeasureShowModel.fetch(id, user: user, today: req.today, on: req.db).row)
        let isoOrKeep = { (given: String?, kept: String) in given ?? kept }
        let change = MeasureChange(
            status: patch.status ?? current.status,
            responsible: patch.responsible ?? current.responsible,
            deadline: isoOrKeep(patch.deadline, current.deadline),
            completedOn: isoOrKeep(patch.completedOn, current.completedOn),
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

    func evidence(_ req: Request) async throws -> [MeasureShowModel.EvidenceItem] {
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
        try await req.db.transaction { db in
            let before = try await Evidence.query(on: db).filter(\.$measure.$id == id).sort(\.$createdAt).all().map(\.fileName)
            try await MeasureUpdate.storeEvidence(.init(fileName: fileName, bytes: bytes), type: type, measureID: id, user: user, on: db)
            try await Audit.record(db, user: user, action: "evidence.create", entityType: "measure", entityID: id,
                                   municipalityID: m.programme.$municipality.id,
                                   summary: "Мероприятие «\(m.name)»: приложен файл «\(MeasureUpdate.sanitisedFileName(fileName))»",
                                   before: ["Файлы-подтверждения": before.joined(separator: ", ")],
                                   after: ["Файлы-подтверждения": (before + [MeasureUpdate.sanitisedFileName(fileName)]).joined(separator: ", ")])
        }
        let response = try await evidence(req).encodeResponse(for: req)
        response.status = .created
        return response
    }
}

extension ProgrammePlan.TaskItem: Content {}
extension MeasureShowModel.EvidenceItem: Content {}
