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
        var sheet: String?
        var year: String?
        var procedureKind: String?
        var grade: String?
        var subject: String?

        var options: FileOptions { FileOptions(sheet: sheet, year: year, kind: procedureKind, grade: grade, subject: subject) }
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
        let options = upload.options
        switch try await ImportService.run(kind: kind, fileName: fileName, bytes: bytes, options: options, municipalityID: municipalityID,
                                           user: user, write: false, today: req.today, on: req.db) {
        case .failure(let problems):
            return ImportsView.problems(try await PageContext.make(req), fileName: fileName, kind: kind, problems: problems.problems)
        case .success(let plan):
            let pendingID = try await PendingImports.park(kind: kind, fileName: fileName, bytes: bytes, options: options, municipalityID: municipalityID,
                                                          user: user, on: req.db)
            return ImportsView.preview(try await PageContext.make(req), pendingID: pendingID, plan: plan)
        }
    }

    static func confirm(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let id = try req.uuidParameter("importID")
        let pending = try await PendingImports.take(id, user: user, on: req.db)
        // The file is checked again: the data may have changed since the preview.
        switch try await ImportService.run(kind: pending.kind, fileName: pending.fileName, bytes: pending.bytes, options: pending.options,
                                           municipalityID: pending.municipalityID, user: user, write: true, today: req.today, on: req.db) {
        case .failure(let problems):
            return ImportsView.problems(try await PageContext.make(req), fileName: pending.fileName, kind: pending.kind, problems: problems.problems)
        case .success(let plan):
            Notice.set("Файл «\(plan.fileName)» загружен. \(plan.russianDoneSummary)", on: req)
            return req.redirect(to: SiteURL.imports.path)
        }
    }

    /// A kind's template: an XLSX workbook (`/imports/templates/results.xlsx`) or a CSV file for Russian Excel
    /// (`results.csv`: `;`, UTF-8 with BOM), each with the Russian header, what each column holds and an example.
    static func template(_ req: Request) async throws -> Response {
        let name = req.parameters.get("kind") ?? ""
        let (raw, format) = name.hasSuffix(".csv") ? (String(name.dropLast(4)), "csv") : name.hasSuffix(".xlsx") ? (String(name.dropLast(5)), "xlsx") : (name, "csv")
        guard let kind = ImportKind(rawValue: raw) else { throw Abort(.notFound, reason: "Такого образца нет.") }
        if format == "xlsx" {
            return Download.attachment(Data(try ImportTemplate.workbook(kind)), contentType: XLSXWriter.contentType, fileName: "obrazec-\(kind.rawValue).xlsx")
        }
        return Download.attachment(Data(ImportTemplate.csv(kind)), contentType: "text/csv; charset=utf-8", fileName: "obrazec-\(kind.rawValue).csv")
    }

    /// What the municipality has loaded of a kind, in the kind's template layout: it loads back unchanged.
    static func export(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        guard let kind = req.parameters.get("kind").flatMap(ImportKind.init(rawValue:)) else { throw Abort(.notFound, reason: "Такой выгрузки нет.") }
        let municipalityID = try Scope.ownMunicipalityID(for: user)
        let bytes = try await DataExport.workbook(kind, municipalityID: municipalityID, on: req.db)
        return Download.attachment(Data(bytes), contentType: XLSXWriter.contentType, fileName: "opora-\(kind.rawValue).xlsx")
    }
}
