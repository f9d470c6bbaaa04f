import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import OporaDomain

/// Reads what identification needs of a municipality's result rows (school, year, procedure,
/// participants, fails), a year at a time, each year on a connection of its own, into the compact
/// `IdentificationRows`: nothing else of a row is read, and no `ResultRow` is made. PostgreSQL packs a
/// year's rows into one text, so the driver hands over one value instead of a row object for each of a
/// country's 1.5 million rows a year; SQLite steps them one by one. A year's rows come in the order they
/// are stored, as the plain reading gives them.
enum IdentificationRowReader {
    /// One row: `<bytes of code> <code><kind> <grade> <participants> <fails> <bytes of subject> <subject>`.
    /// The texts are preceded by their length in bytes, so nothing in them needs escaping.
    static let packedRow = "octet_length(school_code) || ' ' || school_code || kind || ' ' || grade || ' ' || participants"
        + " || ' ' || fails || ' ' || octet_length(subject) || ' ' || subject"

    enum Problem: Error { case malformed(year: Int) }

    /// The rows of `years`, oldest year first; the years are read at once, each on the next of `databases`.
    static func read(municipalityID: UUID, years: ClosedRange<Int>, on databases: [any Database]) async throws -> IdentificationRows {
        let parts = try await withThrowingTaskGroup(of: (Int, IdentificationRows).self) { group in
            for (i, year) in years.enumerated() {
                let db = databases[i % databases.count]
                group.addTask { (year, try await readYear(year, municipalityID: municipalityID, on: db)) }
            }
            var parts: [(year: Int, rows: IdentificationRows)] = []
            for try await part in group { parts.append(part) }
            return parts.sorted { $0.year < $1.year }.map(\.rows)
        }
        var rows = IdentificationRows(capacity: parts.reduce(0) { $0 + $1.count })
        for part in parts { rows.append(contentsOf: part) }
        return rows
    }

    static func readYear(_ year: Int, municipalityID: UUID, on db: any Database) async throws -> IdentificationRows {
        let filter = "FROM \(ResultRecord.schema) WHERE municipality_id = $1 AND year = $2"
        if let pg = db as? any PostgresDatabase {
            let logger = db.logger
            return try await pg.withConnection { conn in
                conn.eventLoop.makeFutureWithTask {
                    var binds = PostgresBindings()
                    binds.append(municipalityID)
                    binds.append(year)
                    let query = PostgresQuery(unsafeSQL: "SELECT string_agg(\(packedRow), '') \(filter)", binds: binds)
                    // One scan in the order of storage: a parallel scan would interleave the rows of its workers.
                    _ = try await conn.query("BEGIN", logger: logger)
                    do {
                        _ = try await conn.query("SET LOCAL max_parallel_workers_per_gather = 0", logger: logger)
                        var rows = IdentificationRows()
                        for try await packed in try await conn.query(query, logger: logger).decode(ByteBuffer?.self) {
                            guard let packed else { continue }
                            try packed.withUnsafeReadableBytes { try parse($0, year: year, into: &rows) }
                        }
                        _ = try await conn.query("COMMIT", logger: logger)
                        return rows
                    } catch {
                        _ = try? await conn.query("ROLLBACK", logger: logger)
                        throw error
                    }
                }
            }.get()
        }
        if let sqlite = db as? any SQLiteDatabase {
            // SQLite builds text slowly (1.2 µs a row for the packed text): its rows are stepped one by one
            // instead, each handed over by the driver on the thread that steps them.
            let sink = SQLiteSink(year: year)
            let sql = "SELECT school_code, kind, grade, subject, participants, fails " + filter.replacingOccurrences(of: "$", with: "?")
            let binds: [SQLiteData] = [.text(municipalityID.uuidString), .integer(year)]
            try await sqlite.withConnection { conn in
                conn.eventLoop.makeFutureWithTask {
                    try await conn.query(sql, binds) { row in
                        let d = row.columns
                        guard d.count == 6, case .text(var code) = d[0].data, case .text(var kind) = d[1].data, case .integer(let grade) = d[2].data,
                              case .text(var subject) = d[3].data, case .integer(let participants) = d[4].data,
                              case .integer(let fails) = d[5].data else { return }
                        code.withUTF8 { code in kind.withUTF8 { kind in subject.withUTF8 { subject in
                            sink.rows.append(code: UnsafeRawBufferPointer(code), kind: UnsafeRawBufferPointer(kind), grade: grade,
                                             subject: UnsafeRawBufferPointer(subject), participants: participants, fails: fails)
                        } } }
                    }
                }
            }.get()
            return sink.rows.rows
        }
        // Another database: the plain rows.
        var rows = IdentificationRows()
        for r in try await ResultRowReader.read(municipalityID: municipalityID, years: year...year, on: db) {
            rows.append(year: r.year, procedure: r.procedure, schoolCode: r.schoolCode, participants: r.participants, fails: r.fails)
        }
        return rows
    }

    /// The rows of a year as the SQLite driver hands them over, one after another on its thread.
    final class SQLiteSink: @unchecked Sendable {
        var rows: YearRows

        init(year: Int) { rows = YearRows(year: year) }
    }

    /// Reads the packed rows of `year` into `rows`.
    static func parse(_ bytes: UnsafeRawBufferPointer, year: Int, into rows: inout IdentificationRows) throws {
        var cursor = PackedCursor(bytes: bytes, year: year)
        var yearRows = YearRows(year: year, rows: rows)
        while !cursor.atEnd {
            let code = try cursor.text(length: try cursor.number())
            let kind = try cursor.word()
            let grade = try cursor.number()
            let participants = try cursor.number()
            let fails = try cursor.number()
            let subject = try cursor.text(length: try cursor.number())
            yearRows.append(code: code, kind: kind, grade: grade, subject: subject, participants: participants, fails: fails)
        }
        rows = yearRows.rows
    }

    /// One year's rows as they arrive, their schools and procedures found by their bytes: a subject's text
    /// is made and normalised once per procedure, a code once per run of rows of one school.
    struct YearRows {
        let year: Int
        var rows: IdentificationRows
        private var procedures = PackedProcedures()
        private var lastCode: [UInt8] = []
        private var lastSchool: Int32 = -1

        init(year: Int, rows: IdentificationRows = IdentificationRows()) {
            self.year = year
            self.rows = rows
        }

        mutating func append(code: UnsafeRawBufferPointer, kind: UnsafeRawBufferPointer, grade: Int, subject: UnsafeRawBufferPointer,
                             participants: Int, fails: Int) {
            if lastSchool < 0 || !PackedProcedures.equal(lastCode, code) {
                lastSchool = rows.index(ofSchool: String(decoding: code, as: UTF8.self))
                lastCode = Array(code)
            }
            guard let procedure = procedures.index(kind: kind, grade: grade, subject: subject, in: &rows) else { return }
            rows.append(year: year, procedure: procedure, school: lastSchool, participants: participants, fails: fails)
        }
    }

    /// Walks the packed text; a text that is not as `packedRow` writes it is refused, never read past.
    struct PackedCursor {
        let bytes: UnsafeRawBufferPointer
        let year: Int
        var at = 0

        var atEnd: Bool { at >= bytes.count }

        /// Digits up to the next space, which is skipped.
        mutating func number() throws -> Int {
            var value = 0
            var digits = 0
            while at < bytes.count, bytes[at] != UInt8(ascii: " ") {
                let digit = Int(bytes[at]) - Int(UInt8(ascii: "0"))
                guard (0...9).contains(digit), digits < 18 else { throw Problem.malformed(year: year) }
                value = value * 10 + digit
                digits += 1
                at += 1
            }
            guard digits > 0, at < bytes.count else { throw Problem.malformed(year: year) }
            at += 1
            return value
        }

        /// The bytes up to the next space, which is skipped.
        mutating func word() throws -> UnsafeRawBufferPointer {
            let start = at
            while at < bytes.count, bytes[at] != UInt8(ascii: " ") { at += 1 }
            guard at < bytes.count else { throw Problem.malformed(year: year) }
            at += 1
            return UnsafeRawBufferPointer(rebasing: bytes[start..<(at - 1)])
        }

        mutating func text(length: Int) throws -> UnsafeRawBufferPointer {
            guard length <= bytes.count - at else { throw Problem.malformed(year: year) }
            defer { at += length }
            return UnsafeRawBufferPointer(rebasing: bytes[at..<(at + length)])
        }
    }

    /// The procedure numbers of the packed kinds, grades and subjects seen so far, found by their bytes:
    /// a subject's text is made and normalised once per procedure, not once per row.
    struct PackedProcedures {
        private struct Known {
            var kind: [UInt8]
            var grade: Int
            var subject: [UInt8]
            var index: Int32
            /// The procedure that came after this one last time: schools mostly list theirs in one order.
            var next = -1

            func matches(kind: UnsafeRawBufferPointer, grade: Int, subject: UnsafeRawBufferPointer) -> Bool {
                grade == self.grade && PackedProcedures.equal(self.kind, kind) && PackedProcedures.equal(self.subject, subject)
            }

        }

        /// The same bytes.
        static func equal(_ a: [UInt8], _ b: UnsafeRawBufferPointer) -> Bool {
            a.count == b.count && a.withUnsafeBytes { a in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
        }

        private var seen: [Known] = []
        private var byHash: [UInt64: [Int]] = [:]
        private var last = -1

        mutating func index(kind: UnsafeRawBufferPointer, grade: Int, subject: UnsafeRawBufferPointer,
                            in rows: inout IdentificationRows) -> Int32? {
            if last >= 0, case let guess = seen[last].next, guess >= 0, seen[guess].matches(kind: kind, grade: grade, subject: subject) {
                last = guess
                return seen[guess].index
            }
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325 &+ UInt64(truncatingIfNeeded: grade)
            for byte in kind { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            for byte in subject { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            let found: Int
            if let match = byHash[hash]?.first(where: { seen[$0].matches(kind: kind, grade: grade, subject: subject) }) {
                found = match
            } else {
                guard let k = AssessmentKind(rawValue: String(decoding: kind, as: UTF8.self)) else { return nil }
                let index = rows.index(of: Procedure(kind: k, grade: grade, subject: String(decoding: subject, as: UTF8.self)))
                found = seen.count
                seen.append(Known(kind: Array(kind), grade: grade, subject: Array(subject), index: index))
                byHash[hash, default: []].append(found)
            }
            if last >= 0 { seen[last].next = found }
            last = found
            return seen[found].index
        }
    }
}
