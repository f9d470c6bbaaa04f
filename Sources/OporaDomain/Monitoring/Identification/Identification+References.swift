/// The reference success share of each procedure and year (rule 5), over the schools `ReferenceScope`
/// names. With `imported` (the default) an imported regional row wins over the pooled value because the
/// region is the yardstick the programme reports against; a small municipality's own pool would mostly
/// compare its schools with themselves.
struct ReferenceTable: Sendable {
    private struct Counts: Sendable {
        var participants = 0
        var fails = 0
    }

    /// By procedure number of the rows, then year from `firstYear`.
    private var values: [ReferenceValue?]
    private let firstYear: Int
    private let yearCount: Int

    /// Only valid rows of `years` count, the `REGION` row included; a reference exists wherever a school of
    /// the scope has a valid row. `pool`: the region's counts, read with `ReferenceScope.region` only.
    init(rows: IdentificationRows, years: ClosedRange<Int>, parameters: MethodologyParameters, pool: ReferencePool?) {
        firstYear = years.lowerBound
        yearCount = years.count
        let slots = rows.procedures.count * yearCount
        // A valid row has participants, so a slot that any valid row reached has more than 0.
        var regional = [Counts](repeating: Counts(), count: slots)
        var pooled = [Counts](repeating: Counts(), count: slots)
        let region = rows.schoolNumber(of: ResultRow.regionCode)
        for r in rows.rows where years.contains(Int(r.year)) && Identification.isValid(participants: r.participants, parameters) {
            let slot = Int(r.procedure) * yearCount + Int(r.year) - firstYear
            if r.school == region {
                regional[slot].participants += r.participants
                regional[slot].fails += r.fails
            } else {
                pooled[slot].participants += r.participants
                pooled[slot].fails += r.fails
            }
        }
        values = [ReferenceValue?](repeating: nil, count: slots)
        for slot in 0..<slots {
            let procedure = rows.procedures[slot / yearCount], year = firstYear + slot % yearCount
            let source: ReferenceSource, counts: Counts
            switch parameters.referenceScope {
            case .region:
                guard let region = pool?.counts(of: procedure, year: year), region.participants > 0 else { continue }
                (source, counts) = (.regionPooled, Counts(participants: region.participants, fails: region.fails))
            case .municipality:
                guard pooled[slot].participants > 0 else { continue }
                (source, counts) = (.pooled, pooled[slot])
            case .imported:
                guard pooled[slot].participants > 0 else { continue }
                (source, counts) = regional[slot].participants > 0 ? (.regional, regional[slot]) : (.pooled, pooled[slot])
            }
            values[slot] = ReferenceValue(procedure: procedure, year: year, source: source,
                                          participants: counts.participants, fails: counts.fails)
        }
    }

    /// The reference of a row's procedure number and year.
    subscript(procedure: Int32, year: Int32) -> ReferenceValue? {
        let offset = Int(year) - firstYear
        guard offset >= 0, offset < yearCount else { return nil }
        return values[Int(procedure) * yearCount + offset]
    }

    /// By year, then procedure.
    var used: [ReferenceValue] { values.compactMap { $0 }.sorted { ($0.year, $0.procedure) < ($1.year, $1.procedure) } }
}
