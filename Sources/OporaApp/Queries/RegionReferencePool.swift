import Fluent
import Foundation
import OporaDomain
import SQLKit

/// The references of `ReferenceScope.region`: the valid rows of every school of a municipality's region,
/// summed by procedure and year in the database, with the monitoring stamps they were read under.
enum RegionReferencePool {
    struct Read: Sendable {
        var pool: ReferencePool
        /// Every municipality's monitoring stamp, in one text: the pool is current while it is.
        var stamps: String
    }

    /// The stamps of every municipality of `municipalityID`'s region, in one text.
    static func stamps(municipalityID: UUID, on db: any Database) async throws -> (ids: [UUID], text: String) {
        // One query, ids only: it runs on every request of a municipality that compares with its region.
        let ids = try await (db as! any SQLDatabase).raw("""
            SELECT id FROM municipalities WHERE region_id = (SELECT region_id FROM municipalities WHERE id = \(bind: municipalityID))
            """).all().map { try $0.decode(column: "id", as: UUID.self) }
        let stamps = try await MonitoringStamp.table.current(municipalityIDs: ids, on: db)
        let text = ids.sorted { $0.uuidString < $1.uuidString }.map { "\($0):\(stamps[$0]?.uuidString ?? "-")" }.joined(separator: ",")
        return (ids, text)
    }

    /// The pool for `years` with the rule 1 of `parameters` (rows under the minimum count nowhere).
    static func read(municipalityID: UUID, years: ClosedRange<Int>, parameters: MethodologyParameters, on db: any Database) async throws -> Read {
        let (ids, text) = try await stamps(municipalityID: municipalityID, on: db)
        var pool = ReferencePool()
        guard !ids.isEmpty else { return Read(pool: pool, stamps: text) }
        let rows = try await (db as! any SQLDatabase).select()
            .column("kind").column("grade").column("subject").column("year")
            // PostgreSQL sums bigint columns as numeric: cast back to integers.
            .column(SQLRaw("CAST(sum(participants) AS BIGINT)"), as: "n")
            .column(SQLRaw("CAST(sum(fails) AS BIGINT)"), as: "f")
            .from(ResultRecord.schema)
            .where("municipality_id", .in, ids)
            .where("year", .greaterThanOrEqual, years.lowerBound).where("year", .lessThanOrEqual, years.upperBound)
            .where("school_code", .notEqual, ResultRow.regionCode)
            .where("participants", .greaterThanOrEqual, max(parameters.minParticipants, 1))
            .groupBy("kind").groupBy("grade").groupBy("subject").groupBy("year")
            .all()
        var procedures = ResultRowReader.ProcedureCache()
        for row in rows {
            guard let procedure = procedures.procedure(try row.decode(column: "kind", as: String.self), try row.decode(column: "grade", as: Int.self),
                                                       try row.decode(column: "subject", as: String.self)) else { continue }
            pool.add(procedure: procedure, year: try row.decode(column: "year", as: Int.self),
                     participants: try row.decode(column: "n", as: Int.self), fails: try row.decode(column: "f", as: Int.self))
        }
        return Read(pool: pool, stamps: text)
    }
}
