import Fluent
import Foundation
import OporaDomain
import Vapor

/// Creating users and municipalities: the one way for `opora user add`, `opora setup` and a region
/// administrator's forms. Each change is one transaction with its audit entry.
enum UserAccounts {
    /// Where a new user stands: a school (its municipality follows), a municipality or a region.
    enum Place: Sendable {
        case school(School)
        case municipality(UUID)
        case region(UUID)
    }

    struct NewUser: Sendable {
        var login: String
        var fullName: String
        var role: Role
        var place: Place
        /// Generated (and shown once) when nil.
        var password: String?
        /// For reminders; optional.
        var email: String = ""
        /// A one-time password: the user sets a new one at the first sign-in (accounts made in the browser).
        var oneTime = false
    }

    /// The login as stored: trimmed, lower case.
    static func normalised(_ login: String) -> String { login.trimmingCharacters(in: .whitespaces).lowercased() }

    /// What is wrong with a new user, by field (`login`, `fullName`, `role`, `password`); nothing written.
    static func problems(_ u: NewUser, on db: any Database) async throws -> FieldErrors {
        var errors = FieldErrors()
        let login = normalised(u.login)
        if login.isEmpty || login.count > 64 || !login.allSatisfy({ ($0.isLetter || $0.isNumber || "._-".contains($0)) && $0.isASCII }) {
            errors.add("login", "Логин — латинские буквы, цифры, точка, дефис или подчёркивание, до 64 знаков.")
        } else if try await User.query(on: db).filter(\.$login == login).first() != nil {
            errors.add("login", "Логин «\(login)» уже занят.")
        }
        let name = u.fullName.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty || name.count > 200 { errors.add("fullName", "Укажите имя пользователя (до 200 знаков).") }
        switch u.place {
        case .school: if !u.role.worksForOneSchool { errors.add("role", "Пользователь школы — координатор школы.") }
        case .municipality: if u.role.worksForOneSchool { errors.add("role", "Координатору школы нужна его школа.") }
        case .region: if u.role.worksForOneSchool { errors.add("role", "В регионе — администратор, методист или наблюдатель.") }
        }
        if let p = u.password, p.count < 8 { errors.add("password", "Пароль — не короче 8 знаков.") }
        let email = u.email.trimmingCharacters(in: .whitespaces)
        if !email.isEmpty, !AccountChanges.isEmailAddress(email) { errors.add("email", "Адрес электронной почты — вида имя@домен.ru, без пробелов.") }
        return errors
    }

    /// Creates the user inside `db` (the caller's transaction) with its audit entry; answers the password.
    static func create(_ u: NewUser, by actor: CurrentUser?, hasher: AsyncPasswordHasher, on db: any Database) async throws -> Result<String, FieldErrors> {
        let errors = try await problems(u, on: db)
        guard errors.isEmpty else { return .failure(errors) }
        let password = u.password ?? generatedPassword()
        let login = normalised(u.login)
        var region: UUID?, municipality: UUID?, school: UUID?
        switch u.place {
        case .school(let s): school = try s.requireID(); municipality = s.$municipality.id
        case .municipality(let m): municipality = m
        case .region(let r): region = r
        }
        let user = User(login: login, passwordHash: try await hasher.hash(password), fullName: u.fullName.trimmingCharacters(in: .whitespacesAndNewlines),
                        role: u.role, regionID: region, municipalityID: municipality, schoolID: school)
        user.mustChangePassword = u.oneTime
        let email = u.email.trimmingCharacters(in: .whitespaces)
        user.email = email.isEmpty ? nil : email
        try await user.create(on: db)
        let title = Access(role: u.role, municipalityID: municipality?.uuidString, schoolID: school?.uuidString, regionID: region?.uuidString).russianTitle
        try await Audit.record(db, user: actor, action: "user.create", entityType: "user", entityID: user.id,
                               municipalityID: municipality, summary: "Добавлен пользователь \(login) (\(title))",
                               after: ["Логин": login, "Роль": title])
        return .success(password)
    }

    /// The region's own users (not those of its municipalities), by login.
    static func regionUsers(of regionID: UUID, on db: any Database) async throws -> [User] {
        try await User.query(on: db).filter(\.$region.$id == regionID).filter(\.$municipality.$id == nil).sort(\.$login).all()
    }

    static func generatedPassword() -> String {
        String((0..<16).map { _ in "abcdefghjkmnpqrstuvwxyz23456789".randomElement()! })
    }

    /// A region administrator adds a municipality of the region with its first administrator; answers
    /// that administrator's password, shown once. A name used in the region already is refused.
    static func createMunicipality(name rawName: String, adminLogin: String, adminName: String, in regionID: UUID,
                                   by actor: CurrentUser?, hasher: AsyncPasswordHasher, on db: any Database) async throws -> Result<String, FieldErrors> {
        var errors = FieldErrors()
        let name = rawName.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if name.isEmpty || name.count > 200 { errors.add("name", "Укажите название муниципалитета (до 200 знаков).") }
        let taken = try await Municipality.query(on: db).filter(\.$region.$id == regionID).all()
            .contains { RegionalSplit.key($0.name) == RegionalSplit.key(name) }
        if taken { errors.add("name", "Муниципалитет «\(name)» в регионе уже есть.") }
        let admin = NewUser(login: adminLogin, fullName: adminName, role: .admin, place: .municipality(UUID()), password: nil, oneTime: true)
        let adminErrors = try await problems(admin, on: db)
        for field in ["login", "fullName"] { if let m = adminErrors[field] { errors.add("admin" + field.prefix(1).uppercased() + field.dropFirst(), m) } }
        guard errors.isEmpty else { return .failure(errors) }
        return try await db.transaction { db in
            let m = Municipality(regionID: regionID, name: name, isDemo: false)
            try await m.create(on: db)
            try await Audit.record(db, user: actor, action: "municipality.create", entityType: "municipality", entityID: m.id,
                                   municipalityID: m.id, summary: "Добавлен муниципалитет «\(name)»", after: ["Название": name])
            var first = admin
            first.place = .municipality(try m.requireID())
            return try await create(first, by: actor, hasher: hasher, on: db)
        }
    }
}
