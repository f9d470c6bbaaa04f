/// The reference success share of each procedure and year (rule 5). An imported regional row wins over the
/// pooled value because the region is the yardstick the programme reports against; a small municipality's
/// own pool would mostly compare its schools with themselves.
struct ReferenceTable {
    private struct Key: Hashable {
        var procedure: Procedure
        var year: Int
    }

    private struct Counts {
        var participants = 0
        var fails = 0
    }

    private var values: [Key: ReferenceValue] = [:]

    /// Only valid rows count, the `REGION` row included; a reference exists wherever a school has a valid row.
    init(rows: [ResultRow], parameters: MethodologyParameters) {
        var regional: [Key: Counts] = [:]
        var pooled: [Key: Counts] = [:]
        for row in rows where Identification.isValid(row, parameters) {
            let key = Key(procedure: row.procedure, year: row.year)
            if row.isRegionalReference {
                regional[key, default: Counts()].participants += row.participants
                regional[key, default: Counts()].fails += row.fails
            } else {
                pooled[key, default: Counts()].participants += row.participants
                pooled[key, default: Counts()].fails += row.fails
            }
        }
        for (key, schoolCounts) in pooled {
            let (source, counts) = regional[key].map { (ReferenceSource.regional, $0) } ?? (.pooled, schoolCounts)
            values[key] = ReferenceValue(procedure: key.procedure, year: key.year, source: source,
                                         participants: counts.participants, fails: counts.fails)
        }
    }

    subscript(procedure: Procedure, year: Int) -> ReferenceValue? { values[Key(procedure: procedure, year: year)] }

    /// By year, then procedure.
    var used: [ReferenceValue] { values.values.sorted { ($0.year, $0.procedure) < ($1.year, $1.procedure) } }
}
