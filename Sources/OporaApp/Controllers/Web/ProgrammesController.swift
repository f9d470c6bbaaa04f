import OporaDomain
import Vapor

/// The programmes page: everyone signed in chooses which programme the pages show; the admin
/// starts, activates and closes programmes.
enum ProgrammesController {
    static func index(_ req: Request) async throws -> Response {
        try await render(req, failed: nil)
    }

    static func render(_ req: Request, failed: FailedForm?) async throws -> Response {
        let user = try req.currentUser()
        let current = try? await req.shownProgramme()
        let model = try await ProgrammesView.query(user: user, current: current, today: req.today, on: req.db)
        return ProgrammesView.render(try await PageContext.make(req), model, failed: failed)
    }

    static func choose(_ req: Request) async throws -> Response {
        let programme = try await Scope.programme(try req.uuidParameter("programmeID"), for: try req.currentUser(), on: req.db)
        req.session.data[Request.chosenProgrammeKey] = try programme.requireID().uuidString
        Notice.set("Страницы показывают программу «\(programme.name)».", on: req)
        return req.redirect(to: SiteURL.home.path)
    }

    static func create(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let municipality = try await Scope.wholeMunicipality(for: user, on: req.db)
        let form = try req.content.decode([String: String].self)
        switch try await Programmes.create(form, municipality: municipality, user: user, on: req.db) {
        case .success(let id):
            req.session.data[Request.chosenProgrammeKey] = id.uuidString
            Notice.set("Черновик программы создан и показывается на страницах. Проверьте паспорт и план, затем сделайте программу действующей.", on: req)
            return req.redirect(to: SiteURL.programmes.path)
        case .failure(let errors):
            return try await render(req, failed: FailedForm(form: "create", values: form, errors: errors))
        }
    }

    static func activate(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let programme = try await Scope.programme(try req.uuidParameter("programmeID"), for: user, on: req.db)
        switch try await Programmes.activate(programme, user: user, on: req.db) {
        case .success:
            Notice.set("Программа «\(programme.name)» стала действующей.", on: req)
            return req.redirect(to: SiteURL.programmes.path)
        case .failure(let errors):
            return try await render(req, failed: FailedForm(form: "activate", values: [:], errors: errors))
        }
    }

    static func close(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let programme = try await Scope.programme(try req.uuidParameter("programmeID"), for: user, on: req.db)
        let reason = (try? req.content.get(String.self, at: "reason")) ?? ""
        switch try await Programmes.close(programme, reason: reason, user: user, today: req.today, on: req.db) {
        case .success:
            Notice.set("Программа «\(programme.name)» закрыта. Она остаётся доступной для чтения; её итоговый отчёт — ниже.", on: req)
            return req.redirect(to: SiteURL.programmeFinalReport(.value(try programme.requireID())).path)
        case .failure(let errors):
            return try await render(req, failed: FailedForm(form: "close-\(try programme.requireID().uuidString)", values: ["reason": reason], errors: errors))
        }
    }

    static func delete(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let programme = try await Scope.programme(try req.uuidParameter("programmeID"), for: user, on: req.db)
        switch try await Programmes.deleteDraft(programme, user: user, on: req.db) {
        case .success:
            Notice.set("Черновик «\(programme.name)» удалён.", on: req)
            return req.redirect(to: SiteURL.programmes.path)
        case .failure(let errors):
            return try await render(req, failed: FailedForm(form: "delete", values: [:], errors: errors))
        }
    }

    static func publicPage(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let municipality = try await Scope.wholeMunicipality(for: user, on: req.db)
        let on = (try? req.content.get(String.self, at: "on")) == "1"
        try await Programmes.setPublicPage(municipality, on: on, user: user, on: req.db)
        Notice.set(on ? "Открытая страница включена: её видят без входа." : "Открытая страница выключена.", on: req)
        return req.redirect(to: SiteURL.programmes.path + "#h-public")
    }

    /// The closing report of a programme of the user's municipality: methodists, admins and observers.
    static func finalReportData(_ req: Request) async throws -> (FinalReport, UUID) {
        let user = try req.currentUser()
        guard user.access.readsWholeMunicipality else {
            throw Abort(.forbidden, reason: "Итоговый отчёт по муниципалитету доступен методистам, управлению образования и наблюдателям.")
        }
        let programme = try await Scope.programme(try req.uuidParameter("programmeID"), for: user, on: req.db)
        return (try await FinalReport.make(programme, today: req.today, cache: req.application.monitoringCache, on: req.db), try programme.requireID())
    }

    /// «Эффект программы»: for the same readers as the final report.
    static func effect(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        guard user.access.readsWholeMunicipality else {
            throw Abort(.forbidden, reason: "Эффект программы по муниципалитету доступен методистам, управлению образования и наблюдателям.")
        }
        let programme = try await Scope.programme(try req.uuidParameter("programmeID"), for: user, on: req.db)
        let report = try await EffectReport.make(programme, cache: req.application.monitoringCache, on: req.db)
        return EffectView.render(try await PageContext.make(req), report, programmeID: try programme.requireID())
    }

    static func finalReport(_ req: Request) async throws -> Response {
        let (report, id) = try await finalReportData(req)
        return FinalReportView.render(try await PageContext.make(req), report, programmeID: id)
    }

    static func finalReportXLSX(_ req: Request) async throws -> Response {
        let (report, _) = try await finalReportData(req)
        return Download.attachment(Data(try report.workbook()), contentType: XLSXWriter.contentType,
                                   fileName: "opora-final-report-\(report.years.lowerBound)-\(report.years.upperBound).xlsx")
    }
}
