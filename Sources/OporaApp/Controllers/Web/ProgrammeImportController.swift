import OporaDomain
import Vapor

/// A programme started from files (admin): upload and preview, then confirm; and the workbook template.
enum ProgrammeImportController {
    struct Upload: Content {
        var first_year: String?
        var last_year: String?
        var name: String?
        var file: File?
    }

    static func upload(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let municipalityID = try await Scope.wholeMunicipality(for: user, on: req.db).requireID()
        let upload = try req.content.decode(Upload.self)
        let form = ["first_year": upload.first_year ?? "", "last_year": upload.last_year ?? "", "name": upload.name ?? ""]
        let bytes = upload.file.map { Array($0.data.readableBytesView) } ?? []
        let fileName = MeasureUpdate.sanitisedFileName(upload.file?.filename ?? "")
        switch try await ProgrammeImport.read(form, fileName: fileName, bytes: bytes, municipalityID: municipalityID, on: req.db) {
        case .failure(let errors):
            return try await ProgrammesController.render(req, failed: FailedForm(form: "import", values: form, errors: errors))
        case .success(let reading) where !reading.problems.isEmpty:
            return ProgrammeImportView.problems(try await PageContext.make(req), fileName: fileName, reading: reading)
        case .success(let reading):
            let pendingID = try await PendingImports.park(kind: ProgrammeImport.pendingKind, fileName: fileName, bytes: bytes,
                                                          municipalityID: municipalityID, user: user, on: req.db)
            return ProgrammeImportView.preview(try await PageContext.make(req), pendingID: pendingID, form: form, fileName: fileName, reading: reading)
        }
    }

    static func confirm(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let municipalityID = try await Scope.wholeMunicipality(for: user, on: req.db).requireID()
        let sent = try req.content.decode([String: String].self)
        let form = ["first_year": sent["first_year"] ?? "", "last_year": sent["last_year"] ?? "", "name": sent["name"] ?? ""]
        let pending = try await PendingImports.take(try req.uuidParameter("importID"), user: user,
                                                    where: { $0 == ProgrammeImport.pendingKind }, on: req.db)
        guard pending.municipalityID == municipalityID else { throw Abort(.notFound, reason: "Этот файл уже загружен или отменён. Загрузите его снова.") }
        // The file is read again: another programme may have taken the period since the preview.
        switch try await ProgrammeImport.read(form, fileName: pending.fileName, bytes: pending.bytes, municipalityID: municipalityID, on: req.db) {
        case .failure(let errors):
            return try await ProgrammesController.render(req, failed: FailedForm(form: "import", values: form, errors: errors))
        case .success(let reading) where !reading.problems.isEmpty:
            return ProgrammeImportView.problems(try await PageContext.make(req), fileName: pending.fileName, reading: reading)
        case .success(let reading):
            let id = try await ProgrammeImport.create(reading, municipalityID: municipalityID, user: user, on: req.db)
            req.session.data[Request.chosenProgrammeKey] = id.uuidString
            Notice.set("Черновик программы создан из файла «\(pending.fileName)» и показывается на страницах. Проверьте паспорт и план, затем сделайте программу действующей.", on: req)
            return req.redirect(to: SiteURL.programmes.path)
        }
    }

    /// The workbook to fill in, for the years asked (by default the three after this one).
    static func template(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let municipality = try await Scope.wholeMunicipality(for: user, on: req.db)
        let first = try req.queryInt("first_year", in: ProgrammePeriod.allowedYears, what: "Первый год") ?? req.today.year + 1
        let last = try req.queryInt("last_year", in: first...min(first + ProgrammePeriod.maxYears - 1, ProgrammePeriod.allowedYears.upperBound),
                                    what: "Последний год") ?? min(first + 2, ProgrammePeriod.allowedYears.upperBound)
        let bytes = try ProgrammeImport.templateWorkbook(municipality: municipality.name, years: first...last)
        return Download.attachment(Data(bytes), contentType: XLSXWriter.contentType, fileName: "opora-programme-\(first)-\(last).xlsx")
    }
}
