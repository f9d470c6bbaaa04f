import Fluent
import OporaDomain
import Vapor

enum MeasuresController {
    static func index(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let filter = try req.measureFilter()
        let programme = try await req.shownProgramme()
        let model = try await MeasuresView.query(programme: programme, filter: filter, page: try req.queryPage(), user: user,
                                                 today: req.today, on: req.db)
        return MeasuresView.render(try await PageContext.make(req), model)
    }

    static func show(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let id = try req.uuidParameter("measureID")
        let model = try await MeasureShowModel.fetch(id, user: user, today: req.today, on: req.db)
        return MeasureShowView.render(try await PageContext.make(req), model, failed: nil)
    }

    struct UpdateForm: Content {
        var status: String
        var responsible: String?
        var deadline: String?
        var completedOn: String?
        var completedBy: String?
        var comment: String?
        var cancelReason: String?
        var evidenceLink: String?
        var evidenceFile: File?
    }

    static func update(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let id = try req.uuidParameter("measureID")
        let form = try req.content.decode(UpdateForm.self)
        guard let status = MeasureStatus(rawValue: form.status) else {
            throw Abort(.unprocessableEntity, reason: "Неизвестное состояние мероприятия.")
        }
        let change = MeasureChange(status: status, responsible: form.responsible ?? "", deadline: form.deadline ?? "",
                                   completedOn: form.completedOn ?? "", completedBy: form.completedBy ?? "",
                                   comment: form.comment ?? "", cancelReason: form.cancelReason ?? "",
                                   evidenceLink: form.evidenceLink ?? "")
        var upload: MeasureUpdate.UploadedFile?
        if let file = form.evidenceFile, file.data.readableBytes > 0 || !file.filename.isEmpty {
            upload = .init(fileName: file.filename, bytes: Array(file.data.readableBytesView))
        }
        switch try await MeasureUpdate.apply(measureID: id, change: change, file: upload, user: user, today: req.today, on: req.db) {
        case .success:
            return Notice.saved(req, to: SiteURL.measure(.value(id)).path)
        case .failure(let errors):
            let model = try await MeasureShowModel.fetch(id, user: user, today: req.today, on: req.db)
            return MeasureShowView.render(try await PageContext.make(req), model, failed: .init(form: "measure", values: change, errors: errors))
        }
    }

    /// Sends an evidence file to a user who may read its measure, as a download, never inline.
    static func evidenceFile(_ req: Request) async throws -> Response {
        let (evidence, blob) = try await MeasureEvidence.file(try req.uuidParameter("evidenceID"), user: try req.currentUser(), on: req.db)
        return Download.attachment(blob.data, contentType: evidence.contentType, fileName: evidence.fileName)
    }

    /// Removes a wrongly uploaded file. A done measure keeps at least one proof.
    static func deleteEvidence(_ req: Request) async throws -> Response {
        let measureID = try await MeasureEvidence.delete(try req.uuidParameter("evidenceID"), user: try req.currentUser(), on: req.db)
        return Notice.saved(req, to: SiteURL.measure(.value(measureID)).path)
    }
}
