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
    /// Whether `today` is the clock's (the default): then a municipality with a time zone of its own
    /// counts its days in that zone (`today(in:)`).
    var todayFollowsClock: Bool
    public var bcryptCost: Int
    /// Session cookies marked `Secure`: on behind HTTPS, off for a demo on plain HTTP.
    public var secureCookies: Bool
    /// PostgreSQL connections each event loop (a core) may open (`OPORA_DB_CONNECTIONS_PER_CORE`, default 1).
    public var databaseConnectionsPerLoop = 1
    /// Where reminder letters go (`OPORA_SMTP_URL`, `OPORA_SMTP_FROM`); nil: no letters.
    var smtp: SMTPSettings?
    /// The address users open Opora at (`OPORA_PUBLIC_URL`), for the links in letters.
    public var publicURL = "http://127.0.0.1:8080"
    /// The clock sessions are measured by; tests move it.
    public var now: @Sendable () -> Date = { Date() }
    /// A demo lives on a fixed day inside its programme's years, so its dates make sense.
    public var pinnedToday: Day?
    /// Reverse proxies whose `X-Forwarded-For` names the client (`OPORA_TRUSTED_PROXIES`).
    var trustedProxies: [AddressRange] = []
    /// The bearer token `/metrics` asks for (`OPORA_METRICS_TOKEN`); without one `/metrics` is not served.
    public var metricsToken: String?

    public init(database: DatabaseLocation,
                today: (@Sendable () -> Day)? = nil,
                bcryptCost: Int = 10,
                secureCookies: Bool = false, pinnedToday: Day? = nil) {
        self.database = database
        self.pinnedToday = pinnedToday
        if let pinnedToday { self.today = { pinnedToday } } else { self.today = today ?? AppConfig.municipalToday }
        todayFollowsClock = pinnedToday == nil && today == nil
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
    }

    /// The municipality's time zone (`OPORA_TIME_ZONE`, default Europe/Moscow): what «today» and the
    /// times on pages are. Read once per process; `fromEnvironment` refuses a name that is not a zone.
    public static let municipalTimeZone: TimeZone = environment()["OPORA_TIME_ZONE"].flatMap(TimeZone.init(identifier:))
        ?? TimeZone(identifier: "Europe/Moscow")!

    public static let municipalToday: @Sendable () -> Day = { Day(Date(), timeZone: municipalTimeZone) }

    /// Today in a municipality's own time zone (a regional deployment over several zones); the
    /// deployment's `OPORA_TIME_ZONE` for a municipality without one. A pinned day stays pinned.
    func today(in zone: TimeZone?) -> Day {
        todayFollowsClock ? Day(now(), timeZone: zone ?? Self.municipalTimeZone) : today()
    }

    public enum ConfigError: Error, CustomStringConvertible {
        case badDatabaseURL(String)
        case badSetting(name: String, value: String, expected: String)
        public var description: String {
            switch self {
            case .badDatabaseURL(let url):
                return "OPORA_DATABASE_URL must be sqlite:///path/to/file.sqlite or postgres://user@host:port/db, not \(url)"
            case .badSetting(let name, let value, let expected):
                return "\(name) must be \(expected), not \(value)"
            }
        }
    }

    /// The settings: the process's environment over a `.env` file in the working directory (a
    /// variable set in both keeps the environment's value).
    public static func environment(_ process: [String: String] = ProcessInfo.processInfo.environment,
                                   dotEnvPath: String = ".env") -> [String: String] {
        guard let text = try? String(contentsOfFile: dotEnvPath, encoding: .utf8) else { return process }
        return DotEnv.parse(text).merging(process) { _, fromProcess in fromProcess }
    }

    /// `OPORA_DATABASE_URL` (default `sqlite://opora.sqlite` in the working directory),
    /// `OPORA_SECURE_COOKIES=1` behind HTTPS, `OPORA_TRUSTED_PROXIES`, `OPORA_TIME_ZONE`,
    /// `OPORA_METRICS_TOKEN`. A setting that does not parse stops the start, named.
    public static func fromEnvironment(_ env: [String: String] = AppConfig.environment(),
                                       defaultSQLitePath: String = "opora.sqlite") throws -> AppConfig {
        let database = try parseDatabaseURL(env["OPORA_DATABASE_URL"] ?? "", defaultSQLitePath: defaultSQLitePath)
        var config = AppConfig(database: database, secureCookies: env["OPORA_SECURE_COOKIES"] == "1")
        if let proxies = env["OPORA_TRUSTED_PROXIES"] {
            let (ranges, bad) = AddressRange.list(proxies)
            guard bad.isEmpty else {
                throw ConfigError.badSetting(name: "OPORA_TRUSTED_PROXIES", value: bad.joined(separator: ", "),
                                             expected: "addresses or CIDR ranges separated by commas (127.0.0.1, 10.0.0.0/8, ::1)")
            }
            config.trustedProxies = ranges
        }
        if let text = env["OPORA_DB_CONNECTIONS_PER_CORE"] {
            guard let n = Int(text), (1...100).contains(n) else {
                throw ConfigError.badSetting(name: "OPORA_DB_CONNECTIONS_PER_CORE", value: text, expected: "a whole number from 1 to 100")
            }
            config.databaseConnectionsPerLoop = n
        }
        if let text = env["OPORA_TODAY"], !text.isEmpty {
            // A training copy or a demonstration lives on a fixed day, as `opora demo` does.
            guard let day = Day(text) else {
                throw ConfigError.badSetting(name: "OPORA_TODAY", value: text, expected: "a day as 2025-09-01 or 01.09.2025 (or unset: today)")
            }
            config.pinnedToday = day
            config.today = { day }
            config.todayFollowsClock = false
        }
        if let text = env["OPORA_PUBLIC_URL"] {
            guard let url = URLComponents(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host?.isEmpty == false else {
                throw ConfigError.badSetting(name: "OPORA_PUBLIC_URL", value: text, expected: "the address users open Opora at, such as https://opora.district.ru")
            }
            config.publicURL = text.hasSuffix("/") ? String(text.dropLast()) : text
        }
        if let text = env["OPORA_SMTP_URL"], !text.isEmpty {
            switch SMTPSettings.parse(url: text, from: env["OPORA_SMTP_FROM"] ?? "") {
            case .success(var s):
                if let file = env["OPORA_SMTP_CA_FILE"], !file.isEmpty {
                    guard FileManager.default.isReadableFile(atPath: file) else {
                        throw ConfigError.badSetting(name: "OPORA_SMTP_CA_FILE", value: file, expected: "a readable PEM file of certificates")
                    }
                    s.caFile = file
                }
                config.smtp = s
            case .failure(let failure):
                let expected = failure.text
                throw ConfigError.badSetting(name: expected.hasPrefix("OPORA_SMTP_FROM") ? "OPORA_SMTP_FROM" : "OPORA_SMTP_URL",
                                             value: expected.hasPrefix("OPORA_SMTP_FROM") ? env["OPORA_SMTP_FROM"] ?? "(not set)"
                                                 : text.replacingOccurrences(of: "://[^@/]*@", with: "://***@", options: .regularExpression),
                                             expected: expected.replacingOccurrences(of: "OPORA_SMTP_FROM: ", with: ""))
            }
        }
        if let zone = env["OPORA_TIME_ZONE"], TimeZone(identifier: zone) == nil {
            throw ConfigError.badSetting(name: "OPORA_TIME_ZONE", value: zone, expected: "a time zone name such as Europe/Moscow or Asia/Irkutsk")
        }
        if let token = env["OPORA_METRICS_TOKEN"], !token.isEmpty {
            guard token.count >= 16 else {
                throw ConfigError.badSetting(name: "OPORA_METRICS_TOKEN", value: "(\(token.count) characters)", expected: "at least 16 characters")
            }
            config.metricsToken = token
        }
        return config
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

/// A `.env` file: `NAME=value` lines, `#` comments, an optional `export `, values optionally in
/// single or double quotes.
enum DotEnv {
    static func parse(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for raw in text.split(whereSeparator: \.isNewline) {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst("export ".count)) }
            guard let eq = line.firstIndex(of: "=") else { continue }
            let name = line[..<eq].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
                value = String(value.dropFirst().dropLast())
            }
            if !name.isEmpty { values[name] = value }
        }
        return values
    }
}
