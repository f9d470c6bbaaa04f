import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import OporaDomain
import Vapor

/// Builds the whole app from one configuration value.
public func configure(_ app: Application, _ config: AppConfig) async throws {
    app.storage[AppConfigKey.self] = config
    OporaMetrics.bootstrap()
    app.storage[ServerKey.CacheKey.self] = .init(nil)
    app.storage[MonitoringCacheKey.self] = MonitoringCache()
    app.storage[RegionOverviewKey.self] = RegionOverview.Kept()
    switch config.database {
    case .sqliteFile(let path):
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
    case .postgres(let url, let schema):
        var pg = try SQLPostgresConfiguration(url: url)
        if let schema { pg.searchPath = [schema] }
        app.databases.use(.postgres(configuration: pg, maxConnectionsPerEventLoop: config.databaseConnectionsPerLoop), as: .psql)
    }
    app.migrations.add(Migrations.all)
    app.sessions.use { _ in SessionStore(now: config.now) }
    app.sessions.configuration.cookieName = "opora_session"
    app.sessions.configuration.cookieFactory = { session in
        // A visitor who is not signed in has no stored session: an old cookie of theirs is expired.
        if session.string == SessionStore.notStored { return .expired }
        return .init(string: session.string, expires: nil, maxAge: nil,
                     path: "/", isSecure: config.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }
    app.passwords.use(.bcrypt(cost: config.bcryptCost))
    app.routes.defaultMaxBodySize = BodyLimit.form

    app.middleware = .init()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    // Outside the error handler, so error pages carry the headers too.
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(ErrorPageMiddleware())
    app.middleware.use(BodyLimitMiddleware())
    app.middleware.use(app.sessions.middleware)
    try routes(app)
}

struct AppConfigKey: StorageKey {
    typealias Value = AppConfig
}

extension Application {
    var opora: AppConfig { storage[AppConfigKey.self]! }
}

extension Request {
    var opora: AppConfig { application.opora }
    /// Today as the signed-in user's municipality sees it.
    var today: Day { application.opora.today(in: auth.get(CurrentUser.self)?.timeZone) }
}
