import Fluent
import OporaDomain
import Vapor

/// Partnerships, events and a school's resource inventory on the web.
enum NetworkController {
    // MARK: - Partnerships

    static func partnershipsModel(_ req: Request, user: CurrentUser) async throws -> PartnershipsView.Model {
        let programme = try await Scope.currentProgramme(for: user, on: req.db)
        let municipalityID = programme.$municipality.id
        let schools = try await School.query(on: req.db).filter(\.$municipality.$id == municipalityID).sort(\.$code).all()
        let names = Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0.shortName) })
        var query = Partnership.query(on: req.db).filter(\.$municipality.$id == municipalityID)
        if let own = user.ownSchoolID {
            query = query.group(.or) { $0.filter(\.$school.$id == own).filter(\.$partnerSchool.$id == own) }
        }
        let events = try await NetworkEvent.query(on: req.db).filter(\.$municipality.$id == municipalityID).filter(\.$partnership.$id != nil).sort(\.$date).all()
        let rows = try await query.all().map { p in
            PartnershipsView.Row(id: p.id!, hasFile: p.fileID != nil,
                                 events: events.filter { $0.$partnership.id == p.id }.map { "\(Day($0.date)?.russian ?? $0.date): \($0.title)" },
                                 school: names[p.$school.id] ?? "", partner: p.$partnerSchool.id.flatMap { names[$0] } ?? p.partnerName ?? "",
                                 kind: PartnerKind(rawValue: p.partnerKind) ?? .other,
                                 agreement: [p.agreementNumber.map { "№ \($0)" }, p.agreementDate.flatMap(Day.init).map { "от \($0.russian)" }, p.term]
                                     .compactMap { $0 }.joined(separator: " "),
                                 subject: p.subject)
        }.sorted { ($0.school, $0.partner) < ($1.school, $1.partner) }
        let data = try await req.application.monitoringCache.data(municipalityID: municipalityID, on: req.db)
        var suggestions: [(String, [PartnerSuggestion])] = []
        // Which schools are НРО and their composites are monitoring results: not for school users.
        if user.access.readsWholeMunicipality,
           let all = try await req.application.monitoringCache.identifiedLatest(municipalityID: municipalityID, on: req.db)?.result.schools {
            for a in all where a.lowResults { suggestions.append((a.schoolName, PartnerSuggestions.suggest(for: a, among: all))) }
        }
        return PartnershipsView.Model(rows: rows, suggestions: suggestions, monitoringYear: data.years.last,
                                      schools: schools.map { ($0.id!.uuidString, $0.shortName) }, canEdit: user.access.canManagePeopleWork)
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
        let programme = try await Scope.currentProgramme(for: user, on: req.db)
        let f = try req.content.decode(PartnershipForm.self)
        let values = ["school": f.school ?? "", "partner_kind": f.partner_kind ?? "", "partner_school": f.partner_school ?? "", "partner_name": f.partner_name ?? "",
                      "agreement_number": f.agreement_number ?? "", "agreement_date": f.agreement_date ?? "", "term": f.term ?? "", "subject": f.subject ?? ""]
        var upload: MeasureUpdate.UploadedFile?
        if let file = f.file, file.data.readableBytes > 0 || !file.filename.isEmpty {
            upload = .init(fileName: file.filename, bytes: Array(file.data.readableBytesView))
        }
        switch try await NetworkWork.addPartnership(values, file: upload, municipalityID: programme.$municipality.id, user: user, on: req.db) {
        case .success: return req.redirect(to: SiteURL.partnerships.path)
        case .failure(let errors):
            return PartnershipsView.render(try await PageContext.make(req), try await partnershipsModel(req, user: user), failed: FailedForm(form: "partnership", values: values, errors: errors))
        }
    }

    /// The signed agreement of a partnership, to users of its municipality.
    static func partnershipFile(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        guard let p = try await Partnership.find(try req.uuidParameter("partnershipID"), on: req.db),
              try await Scope.municipalityIDs(for: user, on: req.db).contains(p.$municipality.id),
              let id = p.fileID, let blob = try await FileBlob.find(id, on: req.db) else {
            throw Abort(.notFound, reason: "Такого файла нет.")
        }
        if let own = user.ownSchoolID, p.$school.id != own, p.$partnerSchool.id != own {
            throw Abort(.forbidden, reason: "Соглашение видят школы-партнёры, методисты и управление образования.")
        }
        return Download.attachment(blob.data, contentType: p.fileType ?? "application/octet-stream", fileName: p.fileName ?? "agreement")
    }

    // MARK: - Events

    static func eventsModel(_ req: Request, user: CurrentUser) async throws -> EventsView.Model {
        let programme = try await Scope.currentProgramme(for: user, on: req.db)
        let schools = try await School.query(on: req.db).filter(\.$municipality.$id == programme.$municipality.id).sort(\.$code).all()
        let names = Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0.shortName) })
        let rows = try await NetworkEvent.query(on: req.db).filter(\.$municipality.$id == programme.$municipality.id).sort(\.$date, .descending).all().map {
            EventsView.Row(date: Day($0.date) ?? req.today, kind: EventKind(rawValue: $0.kind) ?? .other, title: $0.title,
                           school: $0.$school.id.flatMap { names[$0] }, organiser: $0.organiser, audience: $0.audience,
                           participants: $0.participants, materials: $0.materials, isPublic: $0.isPublic)
        }
        let partnerships = try await Partnership.query(on: req.db).filter(\.$municipality.$id == programme.$municipality.id).all().map { p in
            (p.id!.uuidString, "\(names[p.$school.id] ?? "") — \(p.$partnerSchool.id.flatMap { names[$0] } ?? p.partnerName ?? "")")
        }
        return EventsView.Model(rows: rows, schools: schools.map { ($0.id!.uuidString, $0.shortName) }, partnerships: partnerships,
                                canEdit: user.access.canManagePeopleWork)
    }

    static func events(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        return EventsView.render(try await PageContext.make(req), try await eventsModel(req, user: user), failed: nil)
    }

    static func addEvent(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let programme = try await Scope.currentProgramme(for: user, on: req.db)
        let values = try req.content.decode([String: String].self)
        switch try await NetworkWork.addEvent(values, municipalityID: programme.$municipality.id, user: user, on: req.db) {
        case .success: return req.redirect(to: SiteURL.events.path)
        case .failure(let errors):
            return EventsView.render(try await PageContext.make(req), try await eventsModel(req, user: user), failed: FailedForm(form: "event", values: values, errors: errors))
        }
    }

    // MARK: - Resources

    static func resourcesModel(_ req: Request, user: CurrentUser, school: School) async throws -> SchoolResourcesView.Model {
        let (year, years) = try req.schoolPageYear(of: try await Scope.currentProgramme(for: user, on: req.db))
        let checklist = try await ChecklistItems.titles(municipalityID: school.$municipality.id, on: req.db)
        let stored = try await ResourceItem.query(on: req.db).filter(\.$school.$id == school.id!).filter(\.$year == year).all()
        let entries = try await ChecklistEntryRecord.query(on: req.db).filter(\.$school.$id == school.id!).filter(\.$year == year).all()
        let items = (checklist + ResourceInventory.extraItems).map { title -> SchoolResourcesView.Item in
            let r = stored.first { $0.item == title }
            let available = r?.available ?? entries.first { $0.item == title }?.available
            return .init(title: title, available: available, note: r?.note ?? "", isPublic: r?.isPublic ?? false, feedsIndicator: checklist.contains(title))
        }
        return .init(school: school.facts, year: year, years: years, items: items, canEdit: user.canEditSchoolData(school))
    }

    static func resources(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await Scope.school(try req.uuidParameter("schoolID"), for: user, on: req.db)
        return SchoolResourcesView.render(try await PageContext.make(req), try await resourcesModel(req, user: user, school: school), errors: nil)
    }

    static func saveResources(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await Scope.school(try req.uuidParameter("schoolID"), for: user, on: req.db)
        guard user.canEditSchoolData(school) else {
            throw Abort(.forbidden, reason: "Сведения о школе вносят сама школа, методисты и управление образования.")
        }
        let (year, _) = try req.schoolPageYear(of: try await Scope.currentProgramme(for: user, on: req.db))
        let values = try req.content.decode([String: String].self)
        switch try await NetworkWork.saveResources(values, school: school, year: year, user: user, on: req.db) {
        case .success: return req.redirect(to: SiteURL.schoolResources(.value(school.id!)).with([("year", String(year))]))
        case .failure(let errors):
            return SchoolResourcesView.render(try await PageContext.make(req), try await resourcesModel(req, user: user, school: school), errors: errors)
        }
    }
}
