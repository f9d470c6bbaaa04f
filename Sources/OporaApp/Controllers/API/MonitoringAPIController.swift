import Fluent
import OporaDomain
import Vapor

/// Schools, social context, results, identification and imports under `/api/v1`.
struct MonitoringAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1").grouped(BearerUserAuthenticator(), LoginRequired())
        api.get("schools", use: schools)
        api.get("schools", ":schoolID", "context", use: contexts)
        api.put("schools", ":schoolID", "context", use: putContext)
        api.get("schools", ":schoolID", "results", use: results)
        api.get("identification", use: identification)
        api.get("programmes", ":programmeID", "effect", use: effect)
        api.grouped(AccessGuard.municipalStaff)
            .post(["imports", ":kind"], limit: BodyLimit.importFile, use: importFile)
    }

    /// The programme's effect, for the readers of the page «Эффект программы».
    func effect(_ req: Request) async throws -> Components.Schemas.ProgrammeEffect {
        let user = try req.currentUser()
        guard user.access.readsWholeMunicipality else {
            throw Abort(.forbidden, reason: "Эффект программы по муниципалитету доступен методистам, управлению образования и наблюдателям.")
        }
        let programme = try await Scope.programme(try req.uuidParameter("programmeID"), for: user, on: req.db)
        return .init(try await EffectReport.make(programme, cache: req.application.monitoringCache, on: req.db).effect)
    }

    func schools(_ req: Request) async throws -> [Components.Schemas.School] {
        let user = try req.currentUser()
        let municipalities = try await Scope.municipalityIDs(for: user, on: req.db)
        // Whether each takes part in the programme the caller works in (the active one, else the newest);
        // for a regional user, in the active programme of the school's own municipality.
        var participating = Set<UUID>()
        if user.access.isRegional {
            for p in try await Programme.query(on: req.db).filter(\.$municipality.$id ~~ municipalities).filter(\.$status == .active).all() {
                participating.formUnion(try await Participation.schoolIDs(of: p.requireID(), on: req.db))
            }
        } else if let programme = try? await Scope.currentProgramme(for: user, on: req.db) {
            participating = try await Participation.schoolIDs(of: programme.requireID(), on: req.db)
        }
        return try await SchoolRecords.schools(inMunicipalities: municipalities, on: req.db).map {
            Components.Schemas.School(id: try $0.requireID().uuidString, code: $0.code, name: $0.name, shortName: $0.shortName,
                                      settlement: $0.settlement, _type: $0.type,
                                      // A distance stored before forms refused «inf» must not break the whole list.
                                      distanceKm: $0.distanceKm.flatMap { $0.isFinite ? $0 : nil }, participating: participating.contains(try $0.requireID()))
        }
    }

    func contexts(_ req: Request) async throws -> [Components.Schemas.SocialContext] {
        let user = try req.currentUser()
        let school = try await Scope.school(try req.uuidParameter("schoolID"), for: user, on: req.db)
        return try await SchoolRecords.contexts(of: school, on: req.db).map(Components.Schemas.SocialContext.init)
    }

    func putContext(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await Scope.school(try req.uuidParameter("schoolID"), for: user, on: req.db)
        guard user.canEditSchoolData(school) else {
            throw Abort(.forbidden, reason: "Сведения о школе вносят сама школа, методисты и управление образования.")
        }
        let b = try req.content.decode(Components.Schemas.SocialContextInput.self)
        let text = { (v: Double?) in v.map { String($0) } ?? "" }
        let values = ["year": String(b.year), "students": b.students.map(String.init) ?? "", "low_income_share": text(b.lowIncomeShare),
                      "incomplete_family_share": text(b.incompleteFamilyShare), "no_higher_education_share": text(b.noHigherEducationShare),
                      "non_native_share": text(b.nonNativeShare), "preventive_register_share": text(b.preventiveRegisterShare)]
        switch try await ContextInput.save(values, school: school, user: user, today: req.today, on: req.db) {
        case .failure(let errors):
            return try Problem(status: .unprocessableEntity, detail: errors.all.joined(separator: " "), errors: errors.messages).response()
        case .success:
            let saved = try await SchoolRecords.context(of: school, year: b.year, on: req.db)
            return try await Components.Schemas.SocialContext(saved).encodeResponse(for: req)
        }
    }

    func results(_ req: Request) async throws -> [Components.Schemas.ResultRow] {
        let user = try req.currentUser()
        let school = try await Scope.school(try req.uuidParameter("schoolID"), for: user, on: req.db)
        // Row counts of students («2» of each class) are for the municipality's own staff.
        guard !user.access.seesCountsOnly else {
            throw Abort(.forbidden, reason: "Результаты школы по строкам (число участников и «2») видят сотрудники муниципалитета; наблюдателю доступны категории школ с объяснениями, индикаторы и отчёт.")
        }
        return try await SchoolRecords.results(of: school, on: req.db).map(Components.Schemas.ResultRow.init)
    }

    func identification(_ req: Request) async throws -> Components.Schemas.Identification {
        var user = try req.currentUser()
        // A regional user names the municipality; anyone else may name only the own one.
        if let chosen = try req.queryUUID("municipality") {
            guard try await Scope.municipalityIDs(for: user, on: req.db).contains(chosen) else { throw Abort(.notFound, reason: "Такого муниципалитета нет.") }
            user.chosenMunicipalityID = chosen
        }
        let municipality = try await Scope.wholeMunicipality(for: user, on: req.db)
        guard let year = try req.queryYear() else {
            throw Abort(.unprocessableEntity, reason: "Укажите год от 2000 до 2100: ?year=2025.")
        }
        return .init(try await IdentificationReport.make(municipalityID: try municipality.requireID(), year: year,
                                                         masked: user.access.seesCountsOnly, cache: req.application.monitoringCache, on: req.db))
    }

    /// The file is the raw body; `?fileName=` names it; `?dryRun=1` only checks and compares.
    func importFile(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        guard let kind = req.parameters.get("kind").flatMap(ImportKind.init(rawValue:)) else {
            throw Abort(.notFound, reason: "Неизвестный вид загрузки.")
        }
        guard user.access.canImport(schoolRegistry: kind == .schools) else {
            throw Abort(.forbidden, reason: "Реестр школ меняет управление образования.")
        }
        let municipalityID = try Scope.ownMunicipalityID(for: user)
        let fileName = (try? req.query.get(String.self, at: "fileName")) ?? "file.csv"
        let dryRun = (try? req.query.get(String.self, at: "dryRun")) == "1"
        let query = { (name: String) in try? req.query.get(String.self, at: name) }
        let options = FileOptions(sheet: query("sheet"), year: query("year"), kind: query("procedure"), grade: query("grade"), subject: query("subject"))
        let bytes = req.body.data.map { Array($0.readableBytesView) } ?? []
        switch try await ImportService.run(kind: kind, fileName: fileName, bytes: bytes, options: options, municipalityID: municipalityID,
                                           user: user, write: !dryRun, today: req.today, on: req.db) {
        case .failure(let problems):
            var errors: [String: String] = [:]
            for (i, p) in problems.problems.prefix(1000).enumerated() { errors[String(format: "%04d", i + 1)] = p.russian }
            return try Problem(status: .unprocessableEntity,
                               detail: "Файл не загружен, ничего не изменено. Ошибок: \(problems.problems.count).", errors: errors).response()
        case .success(let plan):
            let report = Components.Schemas.ImportReport(written: !dryRun && !plan.changesNothing, added: plan.added.count, replaced: plan.replaced.count,
                                                         unchanged: plan.unchanged, summary: dryRun ? plan.russianSummary : plan.russianDoneSummary,
                                                         columns: plan.columns.entries.map {
                                                             .init(letter: $0.letter, header: $0.header, loaded: $0.loaded || $0.fromForm != nil,
                                                                   loadsInto: $0.loadsInto, fromForm: $0.fromForm)
                                                         }, notes: plan.columns.notes)
            return try await report.encodeResponse(for: req)
        }
    }
}
