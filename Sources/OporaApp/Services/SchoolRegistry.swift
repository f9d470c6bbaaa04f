import Fluent
import Foundation
import OporaDomain

/// The school registry by form (admin, within the admin's municipality), and who takes part in the
/// shown programme (`Participation`). Each change is one audited transaction.
enum SchoolRegistry {
    /// A school as its form holds it, trimmed.
    typealias Form = SchoolEditView.Form

    static func create(_ f: Form, municipalityID: UUID, programme: Programme, user: CurrentUser, on db: any Database) async throws -> Result<School, FieldErrors> {
        let (errors, distance) = try await validate(f, isNew: true, municipalityID: municipalityID, on: db)
        guard errors.isEmpty else { return .failure(errors) }
        let school = School(municipalityID: municipalityID, code: f.code, name: f.name, shortName: f.shortName.isEmpty ? f.name : f.shortName,
                            settlement: f.settlement.isEmpty ? nil : f.settlement, type: f.type.isEmpty ? nil : f.type,
                            distanceKm: distance, isDemo: false)
        school.setRegistry(f)
        try await save(school, participating: f.participating, in: programme, user: user, before: nil, on: db)
        return .success(school)
    }

    static func update(_ school: School, _ f: Form, programme: Programme, user: CurrentUser, on db: any Database) async throws -> Result<School, FieldErrors> {
        let (errors, distance) = try await validate(f, isNew: false, municipalityID: school.$municipality.id, on: db)
        guard errors.isEmpty else { return .failure(errors) }
        let was = try await Participation.takesPart(try school.requireID(), in: try programme.requireID(), on: db)
        let before = ImportService.describe(school) + "; в программе: \(was ? "да" : "нет")"
        school.name = f.name
        school.shortName = f.shortName.isEmpty ? f.name : f.shortName
        school.settlement = f.settlement.isEmpty ? nil : f.settlement
        school.type = f.type.isEmpty ? nil : f.type
        school.distanceKm = distance
        school.setRegistry(f)
        try await save(school, participating: f.participating, in: programme, user: user, before: before, on: db)
        return .success(school)
    }

    static func validate(_ f: Form, isNew: Bool, municipalityID: UUID, on db: any Database) async throws -> (FieldErrors, Double?) {
        var errors = FieldErrors()
        if isNew {
            if !SchoolCode.isValid(f.code) {
                errors.add("code", "Код — \(SchoolCode.rule).")
            } else if try await School.query(on: db).filter(\.$code == f.code).count() > 0 {
                errors.add("code", "Школа с кодом \(f.code) уже есть.")
            }
        }
        if f.name.isEmpty { errors.add("name", "Укажите полное наименование.") }
        if !f.type.isEmpty && !SchoolType.all.contains(f.type) { errors.add("type", "Тип — \(SchoolType.russianList).") }
        var distance: Double?
        if !f.distanceKm.isEmpty {
            distance = PlainNumber.decimal(f.distanceKm)
            if distance == nil || distance! < 0 { errors.add("distanceKm", "Расстояние — неотрицательное число километров.") }
        }
        // The registry file's rules for the rest: ОКПО, ИНН, a branch's parent.
        let table = ImportTable(header: ["code", "name", "type", "okpo", "inn", "parent_code"],
                                rows: [ImportTable.Row(line: 2, cells: [SchoolCode.isValid(f.code) ? f.code : "x", f.name.isEmpty ? "x" : f.name, f.type, f.okpo, f.inn, f.parentCode])])
        if case .failure(let problems) = SchoolsFile.parse(table) {
            for p in problems.problems where ["okpo", "inn", "parent_code"].contains(p.column ?? "") {
                errors.add(p.column == "parent_code" ? "parentCode" : p.column!, p.reason.prefix(1).uppercased() + p.reason.dropFirst())
            }
        }
        let others = try await School.query(on: db).filter(\.$municipality.$id == municipalityID).filter(\.$code != f.code).all()
        if !f.login.isEmpty, let other = others.first(where: { $0.login.map(FileShape.loginKey) == FileShape.loginKey(f.login) }) {
            errors.add("login", "Этот логин уже у школы \(other.code) (\(other.shortName)): у каждой школы свой.")
        }
        if !f.parentCode.isEmpty, f.parentCode != f.code, !others.contains(where: { $0.code == f.parentCode }) {
            errors.add("parentCode", "Школы с кодом \(f.parentCode) нет в реестре муниципалитета.")
        }
        return (errors, distance)
    }

    /// Saves the school and, while the programme is open, whether it takes part in it (a closed
    /// programme's list stays as it was).
    static func save(_ school: School, participating: Bool, in programme: Programme, user: CurrentUser, before: String?, on db: any Database) async throws {
        try await db.transaction { db in
            try await school.save(on: db)
            try await MonitoringStamp.bump(municipalityID: school.$municipality.id, on: db)
            if programme.status.isOpen { try await Participation.set(try school.requireID(), in: programme, to: participating, on: db) }
            let now = try await Participation.takesPart(try school.requireID(), in: try programme.requireID(), on: db)
            try await Audit.record(db, user: user, action: before == nil ? "school.create" : "school.update", entityType: "school",
                                   entityID: school.id, municipalityID: school.$municipality.id, summary: "Школа \(school.code): \(school.shortName)",
                                   before: before.map { ["Школа": $0] },
                                   after: ["Школа": ImportService.describe(school) + "; в программе: \(now ? "да" : "нет")"])
        }
    }

    /// The programme's default list: the schools in category НРО or НСУ in the year before the
    /// programme starts. Schools already on the list stay; new ones get their plan. Answers the
    /// notice for the user.
    static func addParticipatingByMonitoring(programme: Programme, user: CurrentUser, cache: MonitoringCache, on db: any Database) async throws -> String {
        try Programmes.requireOpen(programme)
        let year = programme.startYear - 1
        let municipalityID = programme.$municipality.id
        guard let identified = try await cache.identified(municipalityID: municipalityID, year: year, on: db) else {
            return "Нет результатов мониторинга \(year) года: список не изменён."
        }
        let version = identified.version
        let chosen = Set(identified.result.schools
            .filter { [.lowResults, .lowResultsAndAdverse, .adverse, .resilient].contains($0.category) }.map(\.schoolCode))
        let schools = try await School.query(on: db).filter(\.$municipality.$id == municipalityID).all()
        let already = try await Participation.schoolIDs(of: try programme.requireID(), on: db)
        let added = schools.filter { chosen.contains($0.code) && !already.contains($0.id!) }
        try await db.transaction { db in
            for school in added { try await Participation.set(try school.requireID(), in: programme, to: true, on: db) }
            try await MonitoringStamp.bump(municipalityID: municipalityID, on: db)
            try await Audit.record(db, user: user, action: "school.participating", entityType: "school", entityID: nil, municipalityID: municipalityID,
                                   summary: "Список участвующих школ дополнен по мониторингу \(year) года (методика версии \(version.number))",
                                   after: ["Добавлены": added.map(\.shortName).joined(separator: ", ")])
        }
        let names = added.map(\.shortName).joined(separator: ", ")
        return added.isEmpty ? "Все школы категорий НРО и НСУ \(year) года уже участвуют."
                             : "Добавлены в программу по мониторингу \(year) года: \(names)."
    }
}
