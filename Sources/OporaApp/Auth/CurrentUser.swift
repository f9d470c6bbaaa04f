import Fluent
import OporaDomain
import Vapor

/// The signed-in user as every handler sees it: a value, safe to pass across tasks.
struct CurrentUser: Authenticatable, Sendable {
    var id: UUID
    var login: String
    var fullName: String
    var access: Access
    var municipalityID: UUID?
    var schoolID: UUID?
    /// The municipality a regional user chose to read (on «Муниципалитеты»); `Scope.shownMunicipality`
    /// checks it is of the user's region. Nil for everyone else.
    var chosenMunicipalityID: UUID?
    /// A regional user of the API names the municipality (`?municipality=`) on every municipal request:
    /// a program must never be answered about «the first municipality» it did not ask for.
    var namesMunicipalityPerRequest = false
    /// Signed in with a one-time password in the browser: only «Смена пароля» is open until it is replaced.
    var mustChangePassword = false
    /// The own municipality's time zone, when it has one (`Request.today`).
    var timeZone: TimeZone?

    /// The same user with the time zone of the municipality, read once per request.
    func withTimeZone(on db: any Database) async throws -> CurrentUser {
        guard let m = municipalityID, let zone = try await Municipality.find(m, on: db)?.timeZone else { return self }
        var user = self
        user.timeZone = TimeZone(identifier: zone)
        return user
    }

    var role: Role { access.role }

    init(_ user: User, chosenMunicipalityID: UUID? = nil) throws {
        self.id = try user.requireID()
        self.login = user.login
        self.fullName = user.fullName
        self.municipalityID = user.$municipality.id
        self.schoolID = user.$school.id
        self.chosenMunicipalityID = user.$municipality.id == nil ? chosenMunicipalityID : nil
        self.access = Access(role: user.role, municipalityID: user.$municipality.id?.uuidString,
                             schoolID: user.$school.id?.uuidString, regionID: user.$region.id?.uuidString)
    }

    func canEditMeasure(schoolID: UUID?) -> Bool { access.canEditMeasure(ofSchool: schoolID?.uuidString) }
    /// Whether the user may change a school's own data: its social context, staff, resources.
    func canEditSchoolData(_ school: School) -> Bool { school.id.map { access.canEditSchoolData($0.uuidString) } ?? false }
    /// The school a school user is confined to; nil for everyone else. A school user without a school
    /// is confined to the nil UUID, which no school has, so a missing school never widens what is read.
    var ownSchoolID: UUID? { access.isConfinedToSchool ? (schoolID ?? Self.noSchool) : nil }
    static let noSchool = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
    func canReadSchool(_ schoolID: UUID) -> Bool { access.canReadSchool(schoolID.uuidString) }
}

extension Request {
    /// The signed-in user, or 401.
    func currentUser() throws -> CurrentUser {
        guard let user = auth.get(CurrentUser.self) else {
            throw Abort(.unauthorized, reason: "Войдите в систему.")
        }
        return user
    }
}

/// Reads the user id (and a regional user's chosen municipality) from the session cookie.
struct SessionUserAuthenticator: AsyncMiddleware {
    static let key = "userID"
    static let municipalityKey = "municipality"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // No cookie, no session: reading one would make an empty session for a visitor.
        if req.hasSession, let text = req.session.data[Self.key], let id = UUID(uuidString: text),
           let user = try await User.find(id, on: req.db), user.isActive {
            var current = try CurrentUser(user, chosenMunicipalityID: req.session.data[Self.municipalityKey].flatMap(UUID.init(uuidString:)))
            current.mustChangePassword = user.mustChangePassword
            req.auth.login(try await current.withTimeZone(on: req.db))
        }
        return try await next.respond(to: req)
    }
}

/// Reads `Authorization: Bearer …` and finds the token by its hash.
struct BearerUserAuthenticator: AsyncBearerAuthenticator {
    func authenticate(bearer: BearerAuthorization, for req: Request) async throws {
        let hash = APITokenHash.of(bearer.token)
        guard let token = try await APIToken.query(on: req.db)
            .filter(\.$tokenHash == hash).filter(\.$revokedAt == nil).with(\.$user).first(),
            token.user.isActive
        else { return }
        var user = try CurrentUser(token.user, chosenMunicipalityID: try? req.query.get(UUID.self, at: "municipality"))
        user.namesMunicipalityPerRequest = user.access.isRegional
        req.auth.login(try await user.withTimeZone(on: req.db))
    }
}

enum APITokenHash {
    static func of(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func newToken() -> String {
        "opora_" + [UInt8].random(count: 32).base64String()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// Refuses what the signed-in user may not do, by one of the named rules of `Access`; 401 when no
/// one is signed in.
struct AccessGuard: AsyncMiddleware {
    let allows: @Sendable (Access) -> Bool

    init(_ allows: @escaping @Sendable (Access) -> Bool) { self.allows = allows }

    static let municipalStaff = AccessGuard { $0.isMunicipalStaff }
    static let administrator = AccessGuard { $0.canAdminister }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let user = try req.currentUser()
        guard allows(user.access) else {
            throw Abort(.forbidden, reason: "Недостаточно прав для этого действия.")
        }
        return try await next.respond(to: req)
    }
}

/// Requires a signed-in user (401 otherwise). A regional user reads the municipalities and changes
/// nothing in them: every request of theirs that is not a read is refused here, before a handler
/// reads its body, unless its route is marked `allowingRegionalUsers()` (the region's own forms, its
/// API tokens, the choice of a programme to read).
struct LoginRequired: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let user = try req.currentUser()
        if user.mustChangePassword, req.url.path != SiteURL.account.path, !req.url.path.hasPrefix(SiteURL.account.path + "/") {
            guard [.GET, .HEAD].contains(req.method) else {
                throw Abort(.forbidden, reason: "Сначала замените временный пароль на странице «Мой профиль».")
            }
            return req.redirect(to: SiteURL.account.path)
        }
        if user.access.isRegional, ![.GET, .HEAD].contains(req.method), req.route?.allowsRegionalUsers != true {
            throw Abort(.forbidden, reason: "Пользователи региона читают страницы муниципалитетов и ничего в них не меняют.")
        }
        return try await next.respond(to: req)
    }
}

extension Route {
    private static let regionalKey = "opora.regionalUsers"

    /// Marks a change a regional user may make: one of the region's own, never a municipality's data.
    @discardableResult
    func allowingRegionalUsers() -> Route {
        userInfo[Self.regionalKey] = true
        return self
    }

    var allowsRegionalUsers: Bool { userInfo[Self.regionalKey] as? Bool == true }
}
