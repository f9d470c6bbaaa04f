import Fluent
import OporaDomain
import Vapor

/// Partnerships, events and a school's resource inventory on the web.
enum NetworkController {
    // MARK: - Partnerships

    static func partnershipsModel(_ req: Request, user: CurrentUser) async throws -> PartnershipsView.Model {
        try await PartnershipsView.query(programme: try await req.shownProgramme(), user: user,
                                         cache: req.application.monitoringCache, on: req.db)
    }

    static func partnerships(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        return PartnershipsView.render(try await PageContext.make(req), try await partnershipsModel(req, user: user), failed: nil)
    }

    struct PartnershipForm: Content {
        var school: String?
        var partner_kind: String?
        var partner_school: String?
        var partner_name: String?
        var agreement_number: String?
        var agreement_date: String?
        var term: String?
        var subject: String?
        var file: File?
    }

    static func addPartnership(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let programme = try await req.shownProgramme()
        let f = try req.content.decode(PartnershipForm.self)
        let values = ["school": f.school ?? "", "partner_kind": f.partner_kind ?? "", "partner_school": f.partner_school ?? "", "partner_name": f.partner_name ?? "",
                      "agreement_number": f.agreement_number ?? "", "agreement_date": f.agreement_date ?? "", "term": f.term ?? "", "subject": f.subject ?? ""]
        var upload: MeasureUpdate.UploadedFile?
        if let file = f.file, file.data.readableBytes > 0 || !file.filename.isEmpty {
            upload = .init(fileName: file.filename, bytes: Array(file.data.readableBytesView))
        }
        switch try await NetworkWork.addPartnership(values, file: upload, municipalityID: programme.$municipality.id, user: user, on: req.db) {
        case .success: return Notice.saved(req, to: SiteURL.partnerships.path)
        case .failure(let errors):
            return PartnershipsView.render(try await PageContext.make(req), try await partnershipsModel(req, user: user), failed: FailedForm(form: "partnership", values: values, errors: errors))
        }
    }

    /// The signed agreement of a partnership, to users of its municipality.
    static func partnershipFile(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let (p, blob) = try await Scope.partnershipAgreement(try req.uuidParameter("partnershipID"), for: user, on: req.db)
        return Download.attachment(blob.data, contentType: p.fileType ?? "application/octet-stream", fileName: p.fileName ?? "agreement")
    }

    // MARK: - Events

    static func eventsModel(_ req: Request, user: CurrentUser) async throws -> EventsView.Model {
        try await EventsView.query(programme: try await req.shownProgramme(), user: user, today: req.today, on: req.db)
    }

    static func events(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        return EventsView.render(try await PageContext.make(req), try await eventsModel(req, user: user), failed: nil)
    }

    static func addEvent(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let programme = try await req.shownProgramme()
        let values = try req.content.decode([String: String].self)
        switch try await NetworkWork.addEvent(values, municipalityID: programme.$municipality.id, user: user, on: req.db) {
        case .success: return Notice.saved(req, to: SiteURL.events.path)
        case .failure(let errors):
            return EventsView.render(try await PageContext.make(req), try await eventsModel(req, user: user), failed: FailedForm(form: "event", values: values, errors: errors))
        }
    }

    // MARK: - Resources

    static func resourcesModel(_ req: Request, user: CurrentUser, school: School) async throws -> SchoolResourcesView.Model {
        let (year, years) = try req.schoolPageYear(of: try await req.shownProgramme())
        return try await SchoolResourcesView.query(school: school, year: year, years: years, user: user, on: req.db)
    }

    static func resources(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await Scope.school(try req.uuidParameter("schoolID"), for: user, on: req.db)
        return SchoolResourcesView.render(try await PageContext.make(req), try await resourcesModel(req, user: user, school: school), failed: nil)
    }

    static func saveResources(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await Scope.school(try req.uuidParameter("schoolID"), for: user, on: req.db)
        guard user.canEditSchoolData(school) else {
            throw Abort(.forbidden, reason: "Сведения о школе вносят сама школа, методисты и управление образования.")
        }
        let (year, _) = try req.schoolPageYear(of: try await req.shownProgramme())
        let values = try req.content.decode([String: String].self)
        switch try await NetworkWork.saveResources(values, school: school, year: year, user: user, on: req.db) {
        case .success: return Notice.saved(req, to: SiteURL.schoolResources(.value(school.id!)).with([("year", String(year))]))
        case .failure(let errors):
            return SchoolResourcesView.render(try await PageContext.make(req), try await resourcesModel(req, user: user, school: school), failed: FailedForm(form: "resources", values: values, errors: errors))
        }
    }
}
