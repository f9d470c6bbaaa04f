import Fluent
import Foundation
import OporaDomain
import SQLKit
import Vapor

/// What a user may read, loaded in one place: functions of (id, user, database), never of a request.
/// Each answers the thing, or 404 when it is outside the user's municipalities (its existence is
/// not revealed), or 403 when it is inside but not the user's to read. The rules themselves are the
/// named predicates of `Access`.
enum Scope {
    // MARK: - Users an administrator manages

    /// Whether an administrator manages a user's account and API tokens: a municipality's administrator
    /// its own users, a region's administrator the region's own users (not its municipalities').
    static func managesUser(_ owner: User, admin: CurrentUser) -> Bool {
        if let m = admin.municipalityID { return admin.access.canAdminister && owner.$municipality.id == m }
        return admin.access.canAdministerRegion && owner.$municipality.id == nil && owner.$region.id?.uuidString == admin.access.regionID
    }

    /// Those users, by login.
    static func managedUsers(for admin: CurrentUser, on db: any Database) async throws -> [User] {
        let q = User.query(on: db).sort(\.$login)
        if let m = admin.municipalityID, admin.access.canAdminister { q.filter(\.$municipality.$id == m) }
        else if admin.access.canAdministerRegion, let r = admin.access.regionID.flatMap(UUID.init(uuidString:)) {
            q.filter(\.$municipality.$id == nil).filter(\.$region.$id == r)
        } else { return [] }
        return try await q.all()
    }

    /// One of them, or 404: a user elsewhere is not revealed.
    static func managedUser(_ id: UUID, for admin: CurrentUser, on db: any Database) async throws -> User {
        guard let user = try await User.find(id, on: db), managesUser(user, admin: admin) else {
            throw Abort(.notFound, reason: "Такого пользователя нет.")
        }
        return user
    }

    // MARK: - Municipalities and programmes

    /// The municipalities a user reads: the own one, or every one of a regional user's region (by name).
    static func municipalityIDs(for user: CurrentUser, on db: any Database) async throws -> [UUID] {
        if let id = user.municipalityID { return [id] }
        guard user.access.isRegional, let region = user.access.regionID.flatMap(UUID.init(uuidString:)) else { return [] }
        // Ids only, on every request of a regional user: no models built for the region's municipalities.
        return try await (db as! any SQLDatabase).select().column("id").from(Municipality.schema)
            .where("region_id", .equal, region).orderBy("name").all().map { try $0.decode(column: "id", as: UUID.self) }
    }

    /// The municipalities of a regional user's region, by name; none for everyone else.
    static func regionMunicipalities(for user: CurrentUser, on db: any Database) async throws -> [Municipality] {
        guard user.access.isRegional, let region = user.access.regionID.flatMap(UUID.init(uuidString:)) else { return [] }
        return try await Municipality.query(on: db).filter(\.$region.$id == region).sort(\.$name).all()
    }

    /// The region a regional user stands over, or 403.
    static func region(for user: CurrentUser, on db: any Database) async throws -> Region {
        guard user.access.isRegional, let id = user.access.regionID.flatMap(UUID.init(uuidString:)),
              let region = try await Region.find(id, on: db) else {
            throw Abort(.forbidden, reason: "Страницы региона доступны пользователям региона: министерству, институту развития образования, кураторам.")
        }
        return region
    }

    /// The municipality whose pages the user is shown: the own one; for a regional user the one chosen
    /// on «Муниципалитеты» if it is of the region, else the region's first by name. Nil when there is none.
    /// Through the API a regional user must name it: 422 without `?municipality=`, 404 for one of another region.
    static func shownMunicipalityID(for user: CurrentUser, on db: any Database) async throws -> UUID? {
        if let id = user.municipalityID { return id }
        let ids = try await municipalityIDs(for: user, on: db)
        if user.namesMunicipalityPerRequest {
            guard let chosen = user.chosenMunicipalityID else {
                throw Abort(.unprocessableEntity, reason: "Укажите муниципалитет: ?municipality=ID (список — GET /api/v1/region/municipalities).")
            }
            guard ids.contains(chosen) else { throw Abort(.notFound, reason: "Такого муниципалитета нет.") }
            return chosen
        }
        return ids.first { $0 == user.chosenMunicipalityID } ?? ids.first
    }

    /// The municipality whose pages the user reads as a whole (monitoring, methodology, the API's
    /// identification); school users read their own school's profile instead.
    static func wholeMunicipality(for user: CurrentUser, on db: any Database) async throws -> Municipality {
        guard user.access.readsWholeMunicipality else {
            throw Abort(.forbidden, reason: "Мониторинг всех школ доступен методистам, управлению образования и наблюдателям. Результаты своей школы — в её профиле.")
        }
        guard let id = try await shownMunicipalityID(for: user, on: db), let m = try await Municipality.find(id, on: db) else {
            throw Abort(.notFound, reason: "Муниципалитет не найден.")
        }
        return m
    }

    /// The municipality a municipal staff member writes to (imports, registry); regional users have none.
    static func ownMunicipalityID(for user: CurrentUser) throws -> UUID {
        guard let id = user.municipalityID else { throw Abort(.forbidden, reason: "Загрузка доступна сотрудникам муниципалитета.") }
        return id
    }

    /// The programmes of the shown municipality, newest period first.
    static func programmes(for user: CurrentUser, on db: any Database) async throws -> [Programme] {
        guard let id = try await shownMunicipalityID(for: user, on: db) else { return [] }
        return try await Programme.query(on: db).filter(\.$municipality.$id == id)
            .sort(\.$startYear, .descending).sort(\.$createdAt, .descending).all()
    }

    /// The programmes of every municipality the user reads (the API's list), newest period first.
    static func readableProgrammes(for user: CurrentUser, on db: any Database) async throws -> [Programme] {
        let ids = try await municipalityIDs(for: user, on: db)
        guard !ids.isEmpty else { return [] }
        return try await Programme.query(on: db).filter(\.$municipality.$id ~~ ids)
            .sort(\.$startYear, .descending).sort(\.$createdAt, .descending).all()
    }

    /// The programme a school's page is read in: the user's, or for a regional user the one of the school's
    /// own municipality (a regional program names the school, so it need not name the municipality too).
    static func currentProgramme(for user: CurrentUser, school: School, on db: any Database) async throws -> Programme {
        var user = user
        if user.access.isRegional { user.chosenMunicipalityID = school.$municipality.id }
        return try await currentProgramme(for: user, on: db)
    }

    /// The programme a user works in: the one chosen on the programmes page if it is still readable,
    /// else the active one, else the newest.
    static func currentProgramme(for user: CurrentUser, chosen: UUID? = nil, on db: any Database) async throws -> Programme {
        let all = try await programmes(for: user, on: db)
        guard let programme = all.first(where: { chosen != nil && $0.id == chosen }) ?? all.first(where: { $0.status == .active }) ?? all.first else {
            throw Abort(.notFound, reason: "В вашем муниципалитете ещё нет программы.")
        }
        return programme
    }

    /// A programme by id, if the user may read it.
    static func programme(_ id: UUID, for user: CurrentUser, on db: any Database) async throws -> Programme {
        let ids = try await municipalityIDs(for: user, on: db)
        guard let p = try await Programme.find(id, on: db), ids.contains(p.$municipality.id) else {
            throw Abort(.notFound, reason: "Такой программы нет.")
        }
        return p
    }

    // MARK: - Schools and what belongs to them

    /// A school whose profile, results and plans the user may read.
    static func school(_ id: UUID, for user: CurrentUser, on db: any Database) async throws -> School {
        let municipalities = try await municipalityIDs(for: user, on: db)
        guard let school = try await School.find(id, on: db), municipalities.contains(school.$municipality.id) else {
            throw Abort(.notFound, reason: "Такой школы нет.")
        }
        guard user.canReadSchool(id) else {
            throw Abort(.forbidden, reason: "Профиль другой школы видят только эта школа, методисты, управление образования и наблюдатели.")
        }
        return school
    }

    /// The school a school user works for; nil for everyone who reads the whole municipality.
    static func ownSchool(of user: CurrentUser, on db: any Database) async throws -> School? {
        guard user.ownSchoolID != nil else { return nil }
        guard let id = user.schoolID, let school = try await School.find(id, on: db) else {
            throw Abort(.forbidden, reason: "Учётная запись школы не привязана к школе.")
        }
        return school
    }

    /// A school whose named people (teachers, students' support) the user may read.
    static func peopleSchool(_ id: UUID, for user: CurrentUser, on db: any Database) async throws -> School {
        let school = try await school(id, for: user, on: db)
        guard user.access.canReadPeople(ofSchool: id.uuidString) else {
            throw Abort(.forbidden, reason: "Сведения о педагогах и обучающихся школы видят только сама школа, методисты и управление образования.")
        }
        return school
    }

    /// A measure of the municipal plan or of a readable school's plan, with its direction, task,
    /// school and programme loaded.
    static func measure(_ id: UUID, for user: CurrentUser, on db: any Database) async throws -> Measure {
        guard let m = try await Measure.query(on: db).filter(\.$id == id)
            .with(\.$direction).with(\.$task).with(\.$school).with(\.$programme).first(),
            try await municipalityIDs(for: user, on: db).contains(m.programme.$municipality.id)
        else { throw Abort(.notFound, reason: "Такого мероприятия нет.") }
        if let school = m.$school.id, !user.canReadSchool(school) {
            throw Abort(.forbidden, reason: "Это мероприятие плана другой школы: его видят только эта школа и методисты.")
        }
        return m
    }

    /// A teacher whose name, deficits and plan the user may read, with the teacher's school.
    static func teacher(_ id: UUID, for user: CurrentUser, on db: any Database) async throws -> (TeacherRecord, School) {
        guard let teacher = try await TeacherRecord.find(id, on: db), let school = try await School.find(teacher.$school.id, on: db),
              try await municipalityIDs(for: user, on: db).contains(school.$municipality.id) else {
            throw Abort(.notFound, reason: "Такого педагога нет.")
        }
        guard user.access.canReadPeople(ofSchool: try school.requireID().uuidString) else {
            throw Abort(.forbidden, reason: "Педагогов школы видят только сама школа, методисты и управление образования.")
        }
        return (teacher, school)
    }

    /// A step of a readable teacher's development plan.
    static func step(_ id: UUID, for user: CurrentUser, on db: any Database) async throws -> (DevelopmentStep, TeacherRecord, School) {
        guard let step = try await DevelopmentStep.query(on: db).filter(\.$id == id).with(\.$plan).first() else {
            throw Abort(.notFound, reason: "Такого шага нет.")
        }
        let (teacher, school) = try await teacher(step.plan.$teacher.id, for: user, on: db)
        return (step, teacher, school)
    }

    // MARK: - The school network

    /// A mentoring pair whose mentee the user may read, with the mentee's school.
    static func mentorship(_ id: UUID, for user: CurrentUser, on db: any Database) async throws -> (Mentorship, School) {
        guard let pair = try await Mentorship.find(id, on: db) else { throw Abort(.notFound, reason: "Такой наставнической пары нет.") }
        let (_, school) = try await teacher(pair.$mentee.id, for: user, on: db)
        return (pair, school)
    }

    /// A recommendation to a school of the user's municipalities.
    static func recommendation(_ id: UUID, for user: CurrentUser, on db: any Database) async throws -> Recommendation {
        guard let r = try await Recommendation.find(id, on: db),
              try await municipalityIDs(for: user, on: db).contains(r.$municipality.id) else {
            throw Abort(.notFound, reason: "Такой рекомендации нет.")
        }
        return r
    }

    /// The signed agreement of a partnership: for the municipality's staff and observers, and for the
    /// two schools of the partnership.
    static func partnershipAgreement(_ id: UUID, for user: CurrentUser, on db: any Database) async throws -> (Partnership, FileBlob) {
        guard let p = try await Partnership.find(id, on: db),
              try await municipalityIDs(for: user, on: db).contains(p.$municipality.id),
              let fileID = p.fileID, let blob = try await FileBlob.find(fileID, on: db) else {
            throw Abort(.notFound, reason: "Такого файла нет.")
        }
        if let own = user.ownSchoolID, p.$school.id != own, p.$partnerSchool.id != own {
            throw Abort(.forbidden, reason: "Соглашение видят школы-партнёры, методисты и управление образования.")
        }
        return (p, blob)
    }
}
