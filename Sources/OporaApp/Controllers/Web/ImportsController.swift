import OporaDomain
import Vapor

/// Imports through the web: upload and preview, then confirm. Admin and methodist only.
enum ImportsController {
    static func index(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let history = try await PendingImports.history(municipalityID: try Scope.ownMunicipalityID(for: user), on: req.db)
        return ImportsView.index(try await PageContext.make(req), history: history)
    }

    struct Upload: Content {
        var kind: String
        var file: File
    }

    static func upload(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let municipalityID = try Scope.ownMunicipalityID(for: user)
        let upload = try req.content.decode(Upload.self)
        guard let kind = ImportKind(rawValue: upload.kind) else { throw Abort(.unprocessableEntity, reason: "Неизвестный вид загрузки.") }
        guard user.access.canImport(schoolRegistry: kind == .schools) else {
            throw Abort(.forbidden, reason: "Реестр школ меняет управление образования.")
        }
        let bytes = Array(upload.file.data.readableBytesView)
        let fileName = MeasureUpdate.sanitisedFileName(upload.file.filename)
        switch try await ImportService.run(kind: kind, fileName: fileName, bytes: bytes, municipalityID: municipalityID,
                                           user: user, write: false, today: req.today, on: req.db) {
        case .failure(let problems):
            return ImportsView.problems(try await PageContext.make(req), fileName: fileName, kind: kind, problems: problems.problems)
        case .success(let plan):
            let pendingID = try await PendingImports.park(kind: kind, fileName: fileName, bytes: bytes, municipalityID: municipalityID, user: user, on: req.db)
            return ImportsView.preview(try await PageContext.make(req), pendingID: pendingID, plan: plan)
        }
    }

    static func confirm(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let id = try req.uuidParameter("importID")
        let pending = try await PendingImports.take(id, user: user, on: req.db)
        // The file is checked again: the data may have changed since the preview.
        switch try await ImportService.run(kind: pending.kind, fileName: pending.fileName, bytes: pending.bytes,
                                           municipalityID: pending.municipalityID, user: user, write: true, today: req.today, on: req.db) {
        case .failure(let problems):
            return ImportsView.problems(try await PageContext.make(req), fileName: pending.fileName, kind: pending.kind, problems: problems.problems)
        case .success(let plan):
            Notice.set("Файл «\(plan.fileName)» загружен. \(plan.russianDoneSummary)", on: req)
            return req.redirect(to: SiteURL.imports.path)
        }
    }

    static func template(_ req: Request) async throws -> Response {
        guard let kind = req.parameters.get("kind").flatMap(ImportKind.init(rawValue:)) else {
            throw Abort(.notFound, reason: "Такого образца нет.")
        }
        return Download.attachment(Data((kind.canonicalHeader + "\n").utf8), contentType: "text/csv; charset=utf-8",
                                   fileName: "\(kind.rawValue).csv")
    }
}
