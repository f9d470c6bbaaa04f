import Foundation
import OporaDomain

/// Everything the app needs to know about its surroundings, read once from the environment.
public struct AppConfig: Sendable {
    public enum DatabaseLocation: Sendable, Equatable {
        case sqliteFile(String)
        case sqliteMemory
        /// A PostgreSQL URL and, for tests, the schema every connection works in.
        case postgres(url: String, schema: String?)
    }

    public var database: DatabaseLocation
    /// Today as the municipality sees it; tests pin it.
    public var today: @Sendable () -> Day
    public var bcryptCost: Int
    /// Session cookies marked `Secure`: on behind HTTPS, off for a demo on plain HTTP.
    public var secureCookies: Bool
    /// A demo lives on a fixed day inside its programme's years, so its dates make sense.
    public var pinnedToday: Day?

    public init(database: DatabaseLocation,
                today: @escaping @Sendable () -> Day = AppConfig.municipalToday,
                bcryptCost: Int = 10,
                secureCookies: Bool = false, pinnedToday: Day? = nil) {
        self.database = database
        self.pinnedToday = pinnedToday
        if let pinnedToday { self.today = { pinnedToday } } else { self.today = today }
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
    }

    public static let municipalTimeZone = TimeZone(identifier: "Asia/Irkutsk")!

    public static let municipalToday: @Sendable () -> Day = { Day(Date(), timeZone: municipalTimeZone) }

    public enum ConfigError: Error, CustomStringConvertible {
        case badDatabaseURL(String)
        public var description: String {
            switch self {
            case .badDatabaseURL(let url):
                return "OPORA_DATABASE_URL must be sqlite:///path/to/file.sqlite or postgres://user@host:port/db, not \(url)"
            }
        }
    }

    /// `OPORA_DATABASE_URL` (default `sqlite://opora.sqlite` in the working directory) and
    /// `OPORA_SECURE_COOKIES=1` behind HTTPS.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment,
                                       defaultSQLitePath: String = "opora.sqlite") throws -> AppConfig {
        let database = try parseDatabaseURL(env["OPORA_DATABASE_URL"] ?? "", defaultSQLitePath: defaultSQLitePath)
        return AppConfig(database: database, secureCookies: env["OPORA_SECURE_COOKIES"] == "1")
    }

    public static func parseDatabaseURL(_ url: String, defaultSQLitePath: String) throws -> DatabaseLocation {
        if url.isEmpty { return .sqliteFile(defaultSQLitePath) }
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") { return .postgres(url: url, schema: nil) }
        if url == "sqlite::memory:" { return .sqliteMemory }
        if url.hasPrefix("sqlite://") {
            let path = String(url.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw ConfigError.badDatabaseURL(url) }
            return .sqliteFile(path)
        }
        throw ConfigError.badDatabaseURL(url)
    }
}
