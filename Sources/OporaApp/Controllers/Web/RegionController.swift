import Fluent
import OporaDomain
import Vapor

/// A regional user's pages: the municipalities side by side (and one of them opened for reading),
/// every school of the region, the region's report; a region administrator's forms.
enum RegionController {
    static func index(_ req: Request) async throws -> Response {
        try await render(req, newPassword: nil, failed: nil)
    }

    static func render(_ req: Request, newPassword: (login: String, password: String)?, failed: FailedForm?) async throws -> Response {
        let user = try req.currentUser()
        let region = try await Scope.region(for: user, on: req.db)
        let municipalities = try await Scope.regionMunicipalities(for: user, on: req.db)
        let overview = try await RegionOverview.fetch(region: region, municipalities: municipalities, year: try req.queryYear(), user: user,
                                                      today: req.today, cache: req.application.monitoringCache, kept: req.application.regionOverview, on: req.db)
        let sort = req.queryText("sort").flatMap(RegionOverview.Sort.init(rawValue:)) ?? .name
        var users: [RegionView.UserLine]?
        if user.access.canAdministerRegion {
            users = try await UserAccounts.regionUsers(of: region.requireID(), on: req.db)
                .map { u in
                    RegionView.UserLine(login: u.login, name: u.fullName,
                                        title: Access(role: u.role, municipalityID: nil, regionID: u.$region.id?.uuidString).russianTitle, active: u.isActive)
                }
        }
        return RegionView.render(try await PageContext.make(req), .init(overview: overview, sort: sort, users: users, newPassword: newPassword), failed: failed)
    }

    /// Opens a municipality of the region: its pages (read-only) are shown until another is opened.
    static func open(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let id = try req.uuidParameter("municipalityID")
        guard try await Scope.municipalityIDs(for: user, on: req.db).contains(id) else { throw Abort(.notFound, reason: "Такого муниципалитета нет.") }
        req.session.data[SessionUserAuthenticator.municipalityKey] = id.uuidString
        req.session.data[Request.chosenProgrammeKey] = nil
        // A municipality that has no programme yet opens on its monitoring: the home page is the programme's.
        guard try await Programme.query(on: req.db).filter(\.$municipality.$id == id).count() > 0 else {
            Notice.set("В этом муниципалитете ещё нет программы: показан мониторинг его школ.", on: req)
            return req.redirect(to: SiteURL.monitoring.path)
        }
        return req.redirect(to: SiteURL.home.path)
    }

    struct MunicipalityForm: Content { var name: String; var adminLogin: String; var adminFullName: String }

    static func createMunicipality(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let region = try await Scope.region(for: user, on: req.db)
        let form = try req.content.decode(MunicipalityForm.self)
        switch try await UserAccounts.createMunicipality(name: form.name, adminLogin: form.adminLogin, adminName: form.adminFullName,
                                                         in: try region.requireID(), by: user, hasher: req.password.async, on: req.db) {
        case .success(let password):
            return try await render(req, newPassword: (UserAccounts.normalised(form.adminLogin), password), failed: nil)
        case .failure(let errors):
            return try await render(req, newPassword: nil, failed: FailedForm(form: "new-municipality",
                values: ["name": form.name, "adminLogin": form.adminLogin, "adminFullName": form.adminFullName], errors: errors))
        }
    }

    struct UserForm: Content { var login: String; var fullName: String; var role: String }

    static func createUser(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let region = try await Scope.region(for: user, on: req.db)
        let form = try req.content.decode(UserForm.self)
        let values = ["login": form.login, "fullName": form.fullName, "role": form.role]
        guard let role = Role(rawValue: form.role), !role.worksForOneSchool else {
            var errors = FieldErrors()
            errors.add("role", "Выберите роль: администратор, методист или наблюдатель региона.")
            return try await render(req, newPassword: nil, failed: FailedForm(form: "new-user", values: values, errors: errors))
        }
        let new = UserAccounts.NewUser(login: form.login, fullName: form.fullName, role: role, place: .region(try region.requireID()), password: nil, oneTime: true)
        switch try await req.db.transaction({ db in try await UserAccounts.create(new, by: user, hasher: req.password.async, on: db) }) {
        case .success(let password): return try await render(req, newPassword: (UserAccounts.normalised(form.login), password), failed: nil)
        case .failure(let errors): return try await render(req, newPassword: nil, failed: FailedForm(form: "new-user", values: values, errors: errors))
        }
    }

    static func monitoring(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let municipalities = try await Scope.regionMunicipalities(for: user, on: req.db)
        let asked = try req.queryUUID("municipality")
        let schools = try await RegionSchools.fetch(municipalities: municipalities, year: try req.queryYear(), cache: req.application.monitoringCache, kept: req.application.regionOverview, on: req.db)
        let model = RegionMonitoringView.Model(schools: schools, municipalities: try municipalities.map { (try $0.requireID(), $0.name) },
                                               municipality: municipalities.contains { $0.id == asked } ? asked : nil,
                                               category: req.queryText("category").flatMap(SchoolCategory.init(rawValue:)),
                                               page: try req.queryPage() - 1)
        return RegionMonitoringView.render(try await PageContext.make(req), model)
    }

    static func reportModel(_ req: Request) async throws -> RegionReportView.Model {
        try await .fetch(for: try req.currentUser(), year: try req.queryYear(), today: req.today, cache: req.application.monitoringCache, kept: req.application.regionOverview, on: req.db)
    }

    static func report(_ req: Request) async throws -> Response {
        RegionReportView.render(try await PageContext.make(req), try await reportModel(req))
    }

    static func reportXLSX(_ req: Request) async throws -> Response {
        let model = try await reportModel(req)
        return Download.attachment(Data(try model.workbook()), contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                   fileName: "Отчёт региона" + (model.overview.year.map { " \($0)" } ?? "") + ".xlsx")
    }
}

/// «Загрузка по региону»: the region's administrators and methodists load one file for every municipality.
enum RegionImportController {
    /// A regional file waits for confirmation under this kind prefix (`region.results`), parked with
    /// a municipality of the region for its key; its rows go wherever the registry says.
    static let pendingPrefix = "region."

    static func index(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let region = try await Scope.region(for: user, on: req.db)
        let kinds = RegionalSplit.kinds.filter { user.access.canImportForRegion(schoolRegistry: $0 == .schools) }
        return RegionImportView.index(try await PageContext.make(req), regionName: region.name, kinds: kinds)
    }

    struct Upload: Content { var kind: String; var file: File }

    static func upload(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let region = try await Scope.region(for: user, on: req.db)
        let upload = try req.content.decode(Upload.self)
        guard let kind = RegionalSplit.kinds.first(where: { $0.rawValue == upload.kind }) else {
            throw Abort(.unprocessableEntity, reason: "По региону загружаются реестр школ, социальные условия и результаты.")
        }
        guard user.access.canImportForRegion(schoolRegistry: kind == .schools) else {
            throw Abort(.forbidden, reason: "Реестр школ региона загружает администратор региона.")
        }
        let bytes = Array(upload.file.data.readableBytesView)
        let fileName = MeasureUpdate.sanitisedFileName(upload.file.filename)
        switch try await RegionalImport.run(kind: kind, fileName: fileName, bytes: bytes, regionID: try region.requireID(), user: user,
                                            write: false, today: req.today, on: req.db) {
        case .failure(let problems):
            return ImportsView.problems(try await PageContext.make(req), fileName: fileName, kind: kind, problems: problems.problems, back: .regionImport)
        case .success(let parts):
            guard let key = try await Scope.regionMunicipalities(for: user, on: req.db).first?.requireID() else { throw Abort(.notFound) }
            let id = try await PendingImports.park(kind: pendingPrefix + kind.rawValue, fileName: fileName, bytes: bytes, municipalityID: key, user: user, on: req.db)
            return RegionImportView.preview(try await PageContext.make(req), pendingID: id, fileName: fileName, kind: kind, parts: parts)
        }
    }

    static func confirm(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let region = try await Scope.region(for: user, on: req.db)
        let pending = try await PendingImports.take(try req.uuidParameter("importID"), user: user, where: { $0.hasPrefix(pendingPrefix) }, on: req.db)
        guard let kind = ImportKind(rawValue: String(pending.kind.dropFirst(pendingPrefix.count))) else { throw Abort(.notFound) }
        // Checked again: the registry may have changed since the preview.
        switch try await RegionalImport.run(kind: kind, fileName: pending.fileName, bytes: pending.bytes, regionID: try region.requireID(), user: user,
                                            write: true, today: req.today, on: req.db) {
        case .failure(let problems):
            return ImportsView.problems(try await PageContext.make(req), fileName: pending.fileName, kind: kind, problems: problems.problems, back: .regionImport)
        case .success(let parts):
            Notice.set("Файл «\(pending.fileName)» загружен. " + RegionalImport.russianSummary(parts, done: true).joined(separator: "; "), on: req)
            return req.redirect(to: SiteURL.region.path)
        }
    }
}
