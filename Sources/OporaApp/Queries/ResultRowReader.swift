import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import OporaDomain

/// Reads a municipality's result rows straight from the database driver. Identification of the
/// country reads 3 million rows; building a Fluent model for each would take most of its time.
enum ResultRowReader {
    /// `ResultColumn.read`: the decoding below takes the values in this order.
    static let columns = ResultColumn.read.map(\.rawValue).joined(separator: ", ")

    static func read(municipalityID: UUID, years: ClosedRange<Int>?, on db: any Database) async throws -> [ResultRow] {
        var sql = "SELECT \(columns) FROM \(ResultRecord.schema) WHERE municipality_id = $1"
        if years != nil { sql += " AND year BETWEEN $2 AND $3" }
        if let pg = db as? any PostgresDatabase {
            var binds = PostgresBindings()
            binds.append(municipalityID)
            if let years { binds.append(years.lowerBound); binds.append(years.upperBound) }
            let query = PostgresQuery(unsafeSQL: sql, binds: binds)
            return try await pg.withConnection { conn in
                conn.eventLoop.makeFutureWithTask {
                    var rows: [ResultRow] = []
                    var procedures = ProcedureCache()
                    let stream = try await conn.query(query, logger: db.logger)
                    for try await (year, kind, grade, subject, code, n, fails, m3, m4, m5, mean) in stream.decode(
                        (Int, String, Int, String, String, Int, Int, Int?, Int?, Int?, Double?).self) {
                        guard let procedure = procedures.procedure(kind, grade, subject) else { continue }
                        rows.append(ResultRow(year: year, procedure: procedure, schoolCode: code, participants: n, fails: fails,
                                              marks3: m3, marks4: m4, marks5: m5, meanScore: mean))
                    }
                    return rows
                }
            }.get()
        }
        if let sqlite = db as? any SQLiteDatabase {
            let binds: [SQLiteData] = [.text(municipalityID.uuidString)]
                + (years.map { [.integer($0.lowerBound), .integer($0.upperBound)] } ?? [])
            let sqliteSQL = sql.replacingOccurrences(of: "$", with: "?")
            let collected = Collector()
            // Reserved at once: growing an array of three million rows step by step costs more than reading them.
            let count = try await sqlite.query(sqliteSQL.replacingOccurrences(of: "SELECT \(columns)", with: "SELECT count(*) AS n"), binds)
            collected.rows.reserveCapacity(count.first?.column("n")?.integer.map { Int($0) } ?? 0)
            @Sendable func int(_ d: SQLiteData) -> Int? { d.integer.map { Int($0) } }
            // The driver's `async` query hands each row over as it is stepped; its future-based one queued a task per row.
            try await sqlite.withConnection { conn in
                conn.eventLoop.makeFutureWithTask {
                    try await conn.query(sqliteSQL, binds) { row in
                        let d = row.columns
                        guard let year = int(d[0].data), let kind = d[1].data.string, let grade = int(d[2].data),
                              let subject = d[3].data.string, let code = d[4].data.string, let n = int(d[5].data),
                              let fails = int(d[6].data) else { return }
                        do {
                            guard let procedure = collected.procedures.procedure(kind, grade, subject) else { return }
                            collected.rows.append(ResultRow(year: year, procedure: procedure, schoolCode: code, participants: n, fails: fails,
                                                    marks3: int(d[7].data), marks4: int(d[8].data), marks5: int(d[9].data),
                                                    meanScore: d[10].data.double))
                        }
                    }
                }
            }.get()
            return collected.rows
        }
        var query = ResultRecord.query(on: db).filter(\.$municipality.$id == municipalityID)
        if let years { query = query.filter(\.$year >= years.lowerBound).filter(\.$year <= years.upperBound) }
        return try await query.all().map(\.domain)
    }

    /// The rows as the driver hands them over: one after another, on one thread.
    final class Collector: @unchecked Sendable {
        var rows: [ResultRow] = []
        var procedures = ProcedureCache()
    }

    /// One `Procedure` per distinct kind, grade and subject: the subject is normalised once, and
    /// every row shares one copy of its text.
    struct ProcedureCache {
        private var known: [String: [String: [Int: Procedure]]] = [:]

        mutating func procedure(_ kind: String, _ grade: Int, _ subject: String) -> Procedure? {
            if let p = known[subject]?[kind]?[grade] { return p }
            guard let k = AssessmentKind(rawValue: kind) else { return nil }
            let p = Procedure(kind: k, grade: grade, subject: subject)
            known[subject, default: [:]][kind, default: [:]][grade] = p
            return p
        }
    }
}
