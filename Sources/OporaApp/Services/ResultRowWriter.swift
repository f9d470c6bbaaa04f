import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import OporaDomain

/// Writes many new result rows at once, inside the caller's transaction: PostgreSQL's `COPY`, or
/// SQLite's multi-row `INSERT`. A country file adds 1.5 million rows, and Fluent's model-by-model
/// `create` spends far more time building models and SQL text than the database spends storing them.
/// The columns and their values are `ResultColumn`'s, so Fluent reads these rows as its own.
enum ResultRowWriter {
    static let columns = ResultColumn.allCases.map(\.rawValue)

    /// Rows per SQLite statement: below its limit of 32,766 bound values.
    static let sqliteRowsPerStatement = 32_766 / columns.count
    /// Rows per `COPY` message sent to PostgreSQL.
    static let copyRowsPerMessage = 5_000

    static func insert(_ rows: [ResultRow], municipalityID: UUID, importID: UUID?, on db: any Database,
                       progress: (@Sendable (Int, Int) -> Void)?) async throws {
        if let pg = db as? any PostgresDatabase {
            try await copy(rows, municipalityID: municipalityID, importID: importID, on: pg, logger: db.logger, progress: progress)
        } else if let sqlite = db as? any SQLiteDatabase {
            try await insertSQLite(rows, municipalityID: municipalityID, importID: importID, on: sqlite, progress: progress)
        } else {
            for start in stride(from: 0, to: rows.count, by: 500) {
                let batch = rows[start..<min(start + 500, rows.count)].map { r -> ResultRecord in
                    let rec = ResultRecord()
                    rec.$municipality.id = municipalityID
                    rec.set(r)
                    rec.importID = importID
                    return rec
                }
                try await batch.create(on: db)
                progress?(min(start + 500, rows.count), rows.count)
            }
        }
    }

    /// Replaces the figures of stored rows, found by their natural key: school, year and procedure.
    static func update(_ rows: [ResultRow], municipalityID: UUID, importID: UUID?, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        for r in rows {
            // The import's id as a UUID: PostgreSQL refuses text for a uuid column in an UPDATE.
            let query = sql.update(ResultRecord.schema).set(ResultColumn.importID.rawValue, to: importID)
            for c in ResultColumn.figures {
                switch c.cell(of: r, id: UUID(), municipalityID: "", importID: nil) {
                case .text(let v): query.set(c.rawValue, to: v)
                case .int(let v): query.set(c.rawValue, to: v)
                case .double(let v): query.set(c.rawValue, to: v)
                case .null: query.set(SQLIdentifier(c.rawValue), to: SQLLiteral.null)
                }
            }
            try await query.where("municipality_id", .equal, municipalityID).where("school_code", .equal, r.schoolCode)
                .where("year", .equal, r.year).where("kind", .equal, r.procedure.kind.rawValue)
                .where("grade", .equal, r.procedure.grade).where("subject", .equal, r.procedure.subject)
                .run()
        }
    }

    /// Ids in the order of writing (UUID version 7: the time, then a counter), so each new row's id
    /// goes to the end of the primary-key index instead of a random page of it. With random ids, SQLite
    /// spent most of a country import moving between the pages of that index.
    struct OrderedIDs {
        private var prefix: [UInt8]
        private var counter: UInt32 = 0

        init(now: Date = Date()) {
            let ms = UInt64(now.timeIntervalSince1970 * 1000)
            prefix = (0..<6).map { UInt8(truncatingIfNeeded: ms >> (40 - 8 * UInt64($0))) }
            var random = SystemRandomNumberGenerator()
            let a = UInt16.random(in: 0...0x0FFF, using: &random)
            prefix += [0x70 | UInt8(a >> 8), UInt8(a & 0xFF), 0x80 | UInt8.random(in: 0...0x3F, using: &random)]
            prefix += (0..<3).map { _ in UInt8.random(in: 0...255, using: &random) }
        }

        mutating func next() -> UUID {
            counter += 1
            let b = prefix + [UInt8(counter >> 24), UInt8((counter >> 16) & 0xFF), UInt8((counter >> 8) & 0xFF), UInt8(counter & 0xFF)]
            return UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]))
        }
    }

    static func insertSQLite(_ rows: [ResultRow], municipalityID: UUID, importID: UUID?, on db: any SQLiteDatabase,
                             progress: (@Sendable (Int, Int) -> Void)?) async throws {
        let municipality = municipalityID.uuidString
        let importValue = importID?.uuidString
        let all = ResultColumn.allCases
        let placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        let head = "INSERT INTO \(ResultRecord.schema) (\(columns.joined(separator: ","))) VALUES "
        var statements: [Int: String] = [:]
        var ids = OrderedIDs()
        for start in stride(from: 0, to: rows.count, by: sqliteRowsPerStatement) {
            let batch = rows[start..<min(start + sqliteRowsPerStatement, rows.count)]
            var binds: [SQLiteData] = []
            binds.reserveCapacity(batch.count * columns.count)
            for r in batch {
                let id = ids.next()
                for c in all {
                    switch c.cell(of: r, id: id, municipalityID: municipality, importID: importValue) {
                    case .text(let v): binds.append(.text(v))
                    case .int(let v): binds.append(.integer(v))
                    case .double(let v): binds.append(.float(v))
                    case .null: binds.append(.null)
                    }
                }
            }
            let sql = statements[batch.count] ?? head + Array(repeating: placeholders, count: batch.count).joined(separator: ",")
            statements[batch.count] = sql
            let bound = binds
            _ = try await db.withConnection { $0.query(sql, bound) }.get()
            progress?(start + batch.count, rows.count)
        }
    }

    static func copy(_ rows: [ResultRow], municipalityID: UUID, importID: UUID?, on db: any PostgresDatabase, logger: Logger,
                     progress: (@Sendable (Int, Int) -> Void)?) async throws {
        let municipality = municipalityID.uuidString
        let importValue = importID?.uuidString
        let all = ResultColumn.allCases
        try await db.withConnection { conn in
            conn.eventLoop.makeFutureWithTask {
                var ids = OrderedIDs()
                try await conn.copyFrom(table: ResultRecord.schema, columns: columns, logger: logger) { writer in
                    for start in stride(from: 0, to: rows.count, by: copyRowsPerMessage) {
                        var text = ""
                        for r in rows[start..<min(start + copyRowsPerMessage, rows.count)] {
                            let id = ids.next()
                            for (i, c) in all.enumerated() {
                                if i > 0 { text += "\t" }
                                switch c.cell(of: r, id: id, municipalityID: municipality, importID: importValue) {
                                case .text(let v): text += copyText(v)
                                case .int(let v): text += String(v)
                                case .double(let v): text += "\(v)"
                                case .null: text += "\\N"
                                }
                            }
                            text += "\n"
                        }
                        try await writer.write(ByteBuffer(string: text))
                        progress?(min(start + copyRowsPerMessage, rows.count), rows.count)
                    }
                }
            }
        }.get()
    }

    /// A value in `COPY`'s text format: backslash, tab and line breaks escaped.
    static func copyText(_ s: String) -> String {
        guard s.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return s }
        return s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }
}
