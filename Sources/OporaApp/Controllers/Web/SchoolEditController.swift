import Fluent
import OporaDomain
import Vapor

/// The school registry by form: admin only, within the admin's municipality. Marking a school as
/// participating gives it its own plan.
enum SchoolEditController {
    struct Body: Content {
        var code: String?
        var name: String
        var shortName: String?
        var settlement: String?
        var type: String?
        var distanceKm: String?
        var participating: String?

        var form: SchoolEditView.Form {
            var f = SchoolEditView.Form()
            f.code = (code ?? "").trimmingCharacters(in: .whitespaces)
            f.name = name.trimmingCharacters(in: .whitespaces)
            f.shortName = (shortName ?? "").trimmingCharacters(in: .whitespaces)
            f.settlement = (settlement ?? "").trimmingCharacters(in: .whitespaces)
            f.type = type ?? ""
            f.distanceKm = (distanceKm ?? "").trimmingCharacters(in: .whitespaces)
            f.participating = participating == "1"
            return f
        }
    }

    static func new(_ req: Request) async throws -> Response {
        SchoolEditView.render(try await PageContext.make(req), schoolID: nil, form: .init(), errors: nil)
    }

    static func edit(_ req: Request) async throws -> Response {
        let school = try await Scope.school(try req.uuidParameter("schoolID"), for: try req.currentUser(), on: req.db)
        return SchoolEditView.render(try await PageContext.make(req), schoolID: school.id, form: .init(school), errors: nil)
    }

    static func validate(_ f: SchoolEditView.Form, isNew: Bool, on db: any Database) async throws -> (FieldErrors, Double?) {
        var errors = FieldErrors()
        if isNew {
            if !SchoolCode.isValid(f.code) {
                errors.add("code", "Код — \(SchoolCode.rule).")
            } else if try await School.query(on: db).filter(\.$code == f.code).count() > 0 {
                errors.add("code", "Школа с кодом \(f.code) уже есть.")
            }
        }
        if f.name.isEmpty { errors.add("name", "Укажите полное наименование.") }
        if !f.type.isEmpty && !["СОШ", "ООШ", "НОШ"].contains(f.type) { errors.add("type", "Тип — СОШ, ООШ или НОШ.") }
        var distance: Double?
        if !f.distanceKm.isEmpty {
            distance = PlainNumber.decimal(f.distanceKm)
            if distance == nil || distance! < 0 { errors.add("distanceKm", "Расстояние — неотрицательное число километров.") }
        }
        return (errors, distance)
    }

    static func create(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let f = try req.content.decode(Body.self).form
        let (errors, distance) = try await validate(f, isNew: true, on: req.db)
        guard errors.isEmpty, let municipalityID = user.municipalityID else {
            return SchoolEditView.render(try await PageContext.make(req), schoolID: nil, form: f, errors: errors.messages)
        }
        let school = School(municipalityID: municipalityID, code: f.code, name: f.name, shortName: f.shortName.isEmpty ? f.name : f.shortName,
                            settlement: f.settlement.isEmpty ? nil : f.settlement, type: f.type.isEmpty ? nil : f.type,
                            distanceKm: distance, participating: false, isDemo: false)
        try await save(school, participating: f.participating, user: user, before: nil, on: req.db)
        return req.redirect(to: SiteURL.school(.value(school.id!)).path)
    }

    static func update(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await Scope.school(try req.uuidParameter("schoolID"), for: user, on: req.db)
        var f = try req.content.decode(Body.self).form
        f.code = school.code
        let (errors, distance) = try await validate(f, isNew: false, on: req.db)
        guard errors.isEmpty else {
            return SchoolEditView.render(try await PageContext.make(req), schoolID: school.id, form: f, errors: errors.messages)
        }
        let before = ImportService.describe(school) + "; в программе: \(school.participating ? "да" : "нет")"
        school.name = f.name
        school.shortName = f.shortName.isEmpty ? f.name : f.shortName
        school.settlement = f.settlement.isEmpty ? nil : f.settlement
        school.type = f.type.isEmpty ? nil : f.type
        school.distanceKm = distance
        try await save(school, participating: f.participating, user: user, before: before, on: req.db)
        return req.redirect(to: SiteURL.school(.value(school.id!)).path)
    }

    static func save(_ school: School, participating: Bool, user: CurrentUser, before: String?, on db: any Database) async throws {
        school.participating = participating
        try await db.transaction { db in
            try await school.save(on: db)
            try await MonitoringStamp.bump(municipalityID: school.$municipality.id, on: db)
            if participating, let programme = try await Programme.query(on: db).filter(\.$municipality.$id == school.$municipality.id)
                .sort(\.$createdAt, .descending).first() {
                try await ProgrammeInstaller.createSchoolPlan(programmeID: try programme.requireID(), schoolID: try school.requireID(), on: db)
            }
            try await Audit.record(db, user: user, action: before == nil ? "school.create" : "school.update", entityType: "school",
                                   entityID: school.id, municipalityID: school.$municipality.id, summary: "Школа \(school.code): \(school.shortName)",
                                   before: before.map { ["Школа": $0] },
                                   after: ["Школа": ImportService.describe(school) + "; в программе: \(participating ? "да" : "нет")"])
        }
    }

    /// The programme's default list: the schools in category НРО or НСУ in the year before the
    /// programme starts. Schools already on the list stay; new ones get their plan.
    static func participatingByMonitoring(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let programme = try await Scope.currentProgramme(for: user, on: req.db)
        let year = programme.startYear - 1
        let municipalityID = programme.$municipality.id
        guard let identified = try await req.application.monitoringCache.identified(municipalityID: municipalityID, year: year, on: req.db) else {
            Notice.set("Нет результатов мониторинга \(year) года: список не изменён.", on: req)
            return req.redirect(to: SiteURL.schools.path)
        }
        let version = identified.version
        let chosen = Set(identified.result.schools
            .filter { [.lowResults, .lowResultsAndAdverse, .adverse, .resilient].contains($0.category) }.map(\.schoolCode))
        let schools = try await School.query(on: req.db).filter(\.$municipality.$id == municipalityID).all()
        let added = schools.filter { chosen.contains($0.code) && !$0.participating }
        try await req.db.transaction { db in
            for school in added {
                school.participating = true
                try await school.save(on: db)
                try await ProgrammeInstaller.createSchoolPlan(programmeID: try programme.requireID(), schoolID: try school.requireID(), on: db)
            }
            try await MonitoringStamp.bump(municipalityID: municipalityID, on: db)
            try await Audit.record(db, user: user, action: "school.participating", entityType: "school", entityID: nil, municipalityID: municipalityID,
                                   summary: "Список участвующих школ дополнен по мониторингу \(year) года (методика версии \(version.number))",
                                   after: ["Добавлены": added.map(\.shortName).joined(separator: ", ")])
        }
        let names = added.map(\.shortName).joined(separator: ", ")
        Notice.set(added.isEmpty ? "Все школы категорий НРО и НСУ \(year) года уже участвуют."
                                 : "Добавлены в программу по мониторингу \(year) года: \(names).", on: req)
        return req.redirect(to: SiteURL.schools.path)
    }
}
