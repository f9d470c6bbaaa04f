import Fluent
import OporaDomain
import Vapor

/// The practices database on the web. Everyone signed in searches and reads the municipality's
/// practices; admin, methodists and a school (its own) describe them.
enum PracticesController {
    struct Lists {
        var directions: [(code: String, title: String)]
        var factors: [RiskFactor]
        var schools: [(value: String, title: String)]
        var municipalityID: UUID
    }

    static func lists(_ req: Request, user: CurrentUser) async throws -> Lists {
        let programme = try await Scope.currentProgramme(for: user, on: req.db)
        let directions = try await Direction.query(on: req.db).filter(\.$programme.$id == programme.id!).sort(\.$ordinal).all()
        let schools = try await School.query(on: req.db).filter(\.$municipality.$id == programme.$municipality.id).sort(\.$code).all()
        return Lists(directions: directions.map { ($0.code, $0.title) }, factors: try await RiskFactorList.load(municipalityID: programme.$municipality.id, on: req.db),
                     schools: schools.map { ($0.id!.uuidString, $0.shortName) }, municipalityID: programme.$municipality.id)
    }

    static func index(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let l = try await lists(req, user: user)
        let filter = Practices.Filter(text: try req.querySearch() ?? "", direction: (try? req.query.get(String.self, at: "direction")) ?? "",
                                      factor: (try? req.query.get(String.self, at: "factor")) ?? "",
                                      school: (try? req.query.get(String.self, at: "school")).flatMap(UUID.init(uuidString:)))
        let found = try await Practices.find(filter, municipalityIDs: [l.municipalityID], publicOnly: false, on: req.db)
        let names = Dictionary(uniqueKeysWithValues: l.schools.map { ($0.value, $0.title) })
        let model = PracticesView.Model(
            filter: filter, items: found.map { .init(id: $0.id!, title: $0.title, school: $0.$school.id.flatMap { names[$0.uuidString] },
                                                     authors: user.access.seesNames ? $0.authors : "авторы не показываются",
                                                     directions: $0.directionCodes, factors: $0.factorKeys, level: $0.level, isPublic: $0.isPublic) },
            directions: l.directions, factors: l.factors, schools: l.schools,
            toDescribe: user.access.canManagePeopleWork ? try await Practices.schoolsToDescribe(municipalityID: l.municipalityID, cache: req.application.monitoringCache, on: req.db) : [],
            canCreate: user.access.canWrite)
        return PracticesView.index(try await PageContext.make(req), model)
    }

    static func readable(_ req: Request, user: CurrentUser) async throws -> Practice {
        guard let p = try await Practice.find(try req.uuidParameter("practiceID"), on: req.db),
              try await Scope.municipalityIDs(for: user, on: req.db).contains(p.$municipality.id) else {
            throw Abort(.notFound, reason: "Такой практики нет.")
        }
        return p
    }

    static func detail(_ p: Practice, user: CurrentUser, schools: [(value: String, title: String)], on db: any Database) async throws -> PracticesView.Detail {
        let files = try await PracticeFile.query(on: db).filter(\.$practice.$id == p.id!).all()
        var values = ["title": p.title, "authors": p.authors, "description": p.description, "results": p.results, "evidence": p.evidence,
                      "evidence_level": p.evidenceLevel, "school": p.$school.id?.uuidString ?? "", "is_public": p.isPublic ? "да" : ""]
        if !user.access.seesNames { values["authors"] = "не показываются наблюдателю" }
        values["school_name"] = p.$school.id.flatMap { id in schools.first { $0.value == id.uuidString }?.title } ?? "муниципальная практика"
        return .init(id: p.id, values: values, directions: p.directionCodes, factors: p.factorKeys,
                     files: files.map { ($0.id!, $0.fileName, $0.size) }, canEdit: Practices.canEdit(user, schoolID: p.$school.id))
    }

    static func show(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let p = try await readable(req, user: user)
        let l = try await lists(req, user: user)
        return PracticesView.form(try await PageContext.make(req), try await detail(p, user: user, schools: l.schools, on: req.db),
                                  directions: l.directions, factors: l.factors, schools: l.schools, errors: nil)
    }

    static func new(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        guard user.access.canWrite else { throw Abort(.forbidden, reason: "Наблюдатель не описывает практики.") }
        let l = try await lists(req, user: user)
        return PracticesView.form(try await PageContext.make(req), .init(id: nil, values: [:], directions: [], factors: [], files: [], canEdit: true),
                                  directions: l.directions, factors: l.factors, schools: l.schools, errors: nil)
    }

    struct Form: Content {
        var title: String?
        var school: String?
        var authors: String?
        var description: String?
        var results: String?
        var evidence: String?
        var evidence_level: String?
        var is_public: String?
        var directions: [String]?
        var factors: [String]?
        var file: File?
    }

    /// Creates (no id in the path) or changes a practice.
    static func save(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        guard user.access.canWrite else { throw Abort(.forbidden, reason: "Наблюдатель не описывает практики.") }
        let existing = req.parameters.get("practiceID") == nil ? nil : try await readable(req, user: user)
        if let existing, !Practices.canEdit(user, schoolID: existing.$school.id) {
            throw Abort(.forbidden, reason: "Практику школы меняют сама школа, методисты и управление образования.")
        }
        let l = try await lists(req, user: user)
        let f = try req.content.decode(Form.self)
        var values = ["title": f.title ?? "", "school": f.school ?? "", "authors": f.authors ?? "", "description": f.description ?? "",
                      "results": f.results ?? "", "evidence": f.evidence ?? "", "evidence_level": f.evidence_level ?? ""]
        if f.is_public != nil { values["is_public"] = "да" }
        let validDirections = (f.directions ?? []).filter { d in l.directions.contains { $0.code == d } }
        var upload: MeasureUpdate.UploadedFile?
        if let file = f.file, file.data.readableBytes > 0 || !file.filename.isEmpty {
            upload = .init(fileName: file.filename, bytes: Array(file.data.readableBytesView))
        }
        switch try await Practices.save(values, directions: validDirections, factors: f.factors ?? [], file: upload, practice: existing,
                                        municipalityID: l.municipalityID, user: user, today: req.today, on: req.db) {
        case .success(let p):
            return req.redirect(to: SiteURL.practice(.value(p.id!)).path)
        case .failure(let errors):
            var detail = existing == nil ? PracticesView.Detail(id: nil, values: [:], directions: [], factors: [], files: [], canEdit: true)
                                         : try await detail(existing!, user: user, schools: l.schools, on: req.db)
            detail.values.merge(values) { _, new in new }
            if f.is_public == nil { detail.values["is_public"] = "" }
            detail.directions = validDirections
            detail.factors = f.factors ?? []
            return PracticesView.form(try await PageContext.make(req), detail, directions: l.directions, factors: l.factors, schools: l.schools, errors: errors)
        }
    }

    /// A practice's file: inside the municipality always; on the public pages only for a public practice.
    static func file(_ req: Request) async throws -> Response {
        let user = req.auth.get(CurrentUser.self)
        guard let f = try await PracticeFile.query(on: req.db).filter(\.$id == (try req.uuidParameter("fileID"))).with(\.$practice).first() else {
            throw Abort(.notFound, reason: "Такого файла нет.")
        }
        let inside = try await user.asyncFlatMap { try await Scope.municipalityIDs(for: $0, on: req.db) }?.contains(f.practice.$municipality.id) ?? false
        guard inside || f.practice.isPublic else { throw Abort(.notFound, reason: "Такого файла нет.") }
        guard let blob = try await FileBlob.find(f.id, on: req.db) else { throw Abort(.notFound, reason: "Такого файла нет.") }
        return Download.attachment(blob.data, contentType: f.contentType, fileName: f.fileName)
    }
}
