import Fluent
import OporaDomain
import Vapor

/// The practices database on the web. Everyone signed in searches and reads the municipality's
/// practices; admin, methodists and a school (its own) describe them.
enum PracticesController {
    static func index(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let filter = Practices.Filter(text: try req.querySearch() ?? "", direction: (try? req.query.get(String.self, at: "direction")) ?? "",
                                      factor: (try? req.query.get(String.self, at: "factor")) ?? "",
                                      school: (try? req.query.get(String.self, at: "school")).flatMap(UUID.init(uuidString:)))
        let (model, _) = try await PracticesView.query(filter, user: user, cache: req.application.monitoringCache, on: req.db)
        return PracticesView.index(try await PageContext.make(req), model)
    }

    static func readable(_ req: Request, user: CurrentUser) async throws -> Practice {
        try await PracticesView.readable(try req.uuidParameter("practiceID"), user: user, on: req.db)
    }

    static func show(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let p = try await readable(req, user: user)
        let l = try await PracticesView.lists(user: user, on: req.db)
        return PracticesView.form(try await PageContext.make(req), try await PracticesView.detail(p, user: user, schools: l.schools, on: req.db),
                                  directions: l.directions, factors: l.factors, schools: l.schools, failed: nil)
    }

    static func new(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        guard user.access.canWrite else { throw Abort(.forbidden, reason: "Наблюдатель не описывает практики.") }
        let l = try await PracticesView.lists(user: user, on: req.db)
        return PracticesView.form(try await PageContext.make(req), .init(id: nil, values: [:], directions: [], factors: [], files: [], canEdit: true),
                                  directions: l.directions, factors: l.factors, schools: l.schools, failed: nil)
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
        let l = try await PracticesView.lists(user: user, on: req.db)
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
            return Notice.saved(req, to: SiteURL.practice(.value(p.id!)).path)
        case .failure(let errors):
            let stored = existing == nil ? PracticesView.Detail(id: nil, values: [:], directions: [], factors: [], files: [], canEdit: true)
                                         : try await PracticesView.detail(existing!, user: user, schools: l.schools, on: req.db)
            var typed = stored
            typed.values.merge(values) { _, new in new }
            if f.is_public == nil { typed.values["is_public"] = "" }
            typed.directions = validDirections
            typed.factors = f.factors ?? []
            return PracticesView.form(try await PageContext.make(req), stored, directions: l.directions, factors: l.factors, schools: l.schools,
                                      failed: .init(form: "practice", values: typed, errors: errors))
        }
    }

    /// A practice's file: inside the municipality always; on the public pages only for a public practice.
    static func file(_ req: Request) async throws -> Response {
        let (f, blob) = try await PracticesView.file(try req.uuidParameter("fileID"), user: req.auth.get(CurrentUser.self), on: req.db)
        return Download.attachment(blob.data, contentType: f.contentType, fileName: f.fileName)
    }
}
