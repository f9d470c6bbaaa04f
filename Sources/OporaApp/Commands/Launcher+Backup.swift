import Fluent
import Foundation
import SQLKit
import Vapor

/// `opora backup FILE` and `opora restore FILE`. SQLite: an online, consistent copy by
/// `VACUUM INTO` while the app may keep serving; restore checks the file and swaps it in
/// atomically (stop the app first). PostgreSQL: `pg_dump --format=custom` and
/// `pg_restore --clean`, the tools of the same server's major version.
extension Launcher {
    public enum BackupError: Error, CustomStringConvertible {
        case exists(String)
        case notABackup(String)
        case tool(String, String)
        case unsupported

        public var description: String {
            switch self {
            case .exists(let p): return "\(p) already exists: choose another file name, a backup never overwrites one."
            case .notABackup(let p): return "\(p) is not an Opora backup (not an SQLite database with Opora's tables)."
            case .tool(let name, let output): return "\(name) failed: \(output)"
            case .unsupported: return "An in-memory database has nothing to back up."
            }
        }
    }

    public static func backup(_ config: AppConfig, to path: String) async throws -> String {
        guard !FileManager.default.fileExists(atPath: path) else { throw BackupError.exists(path) }
        switch config.database {
        case .sqliteMemory:
            throw BackupError.unsupported
        case .sqliteFile:
            try await withApp(config, migrate: false) { app in
                let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
                try await (app.db as! any SQLDatabase).raw("VACUUM INTO \(bind: absolute)").run()
            }
        case .postgres(let url, let schema):
            var arguments = ["--format=custom", "--no-owner", "--file=\(path)"]
            if let schema { arguments.append("--schema=\(schema)") }
            try run("pg_dump", arguments + [url])
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return "Backup written to \(path) (\(size) bytes)."
    }

    public static func restore(_ config: AppConfig, from path: String) async throws -> String {
        guard FileManager.default.fileExists(atPath: path) else { throw BackupError.notABackup(path) }
        switch config.database {
        case .sqliteMemory:
            throw BackupError.unsupported
        case .sqliteFile(let target):
            // The backup must be an SQLite database with Opora's own tables before anything is replaced.
            let header = try FileHandle(forReadingFrom: URL(fileURLWithPath: path)).read(upToCount: 16) ?? Data()
            guard header == Data("SQLite format 3\0".utf8) else { throw BackupError.notABackup(path) }
            let tables = try await withApp(AppConfig(database: .sqliteFile(path)), migrate: false) { check in
                try await (check.db as! any SQLDatabase).raw("SELECT name FROM sqlite_master WHERE type = 'table'").all()
                    .map { try $0.decode(column: "name", as: String.self) }
            }
            guard tables.contains("_fluent_migrations"), tables.contains("programmes") else { throw BackupError.notABackup(path) }
            // Copy next to the target, then rename over it: the database is the old one or the new one, never half.
            let fm = FileManager.default
            let temporary = target + ".restoring"
            try? fm.removeItem(atPath: temporary)
            try fm.copyItem(atPath: path, toPath: temporary)
            for suffix in ["-wal", "-shm"] { try? fm.removeItem(atPath: target + suffix) }
            if rename(temporary, target) != 0 { throw BackupError.tool("rename", String(cString: strerror(errno))) }
            return "Restored \(target) from \(path)."
        case .postgres(let url, let schema):
            var arguments = ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", "--dbname=\(url)"]
            if let schema {
                // A dump of one schema restores its objects, not the schema itself.
                try await withApp(config, migrate: false) { app in
                    try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
                }
                arguments.append("--schema=\(schema)")
            }
            try run("pg_restore", arguments + [path])
            return "Restored the PostgreSQL database from \(path)."
        }
    }

    /// Runs a PostgreSQL tool found on PATH or in the server's bin directory; throws with its output when it fails.
    static func run(_ tool: String, _ arguments: [String]) throws {
        let candidates = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(tool)" }
            + ["/usr/lib/postgresql/15/bin/\(tool)", "/usr/lib/postgresql/16/bin/\(tool)"]
        guard let executable = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw BackupError.tool(tool, "not found; install the PostgreSQL client tools")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BackupError.tool(tool, text.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
}
