import Dispatch
import Foundation

extension Identification {
    /// Schools assessed on each core at once only from this many: below it, starting threads costs more.
    static let schoolsForParallelRun = 2_000

    /// Every school in `schools` as of `year`, sorted by code, each handed to `transform` as soon as it is
    /// assessed, so that a country's assessments, with their rows, are never all held at once. `rows` may hold
    /// other schools of the scope (they count in the pooled references and in the spread of composite changes)
    /// and `REGION` rows. `explained`: whether the Russian explanation is written; without it `explanation` is empty.
    /// `pool`: the region's counts, the references of `ReferenceScope.region`.
    public static func assessEach<T: Sendable>(rows: IdentificationRows, contexts: [SocialContext], schools: [SchoolFacts],
                                               parameters: MethodologyParameters, year: Int, pool: ReferencePool? = nil, explained: Bool,
                                               transform: @escaping @Sendable (SchoolAssessment) -> T) -> (schools: [T], references: [ReferenceValue]) {
        let window = Array((year - max(parameters.years, 1) + 1)...year)
        let read = readYears(for: year, parameters: parameters)
        let references = ReferenceTable(rows: rows, years: read, parameters: parameters, pool: pool)
        let (starts, positions) = rows.bySchool()
        let changes = compositeChanges(rows: rows, starts: starts, positions: positions, references: references,
                                       parameters: parameters, year: year)
        var contextBySchool: [String: SocialContext] = [:]
        for context in contexts where context.year == year && contextBySchool[context.schoolCode] == nil {
            contextBySchool[context.schoolCode] = context
        }
        let sorted = schools.sorted { $0.code < $1.code }
        // The rows are shown by year and procedure: each procedure's place among them, found once, orders
        // them as comparing procedures would, without comparing subjects school after school.
        let rank = rows.procedures.indices.sorted { rows.procedures[$0] < rows.procedures[$1] }.enumerated()
            .reduce(into: [Int](repeating: 0, count: rows.procedures.count)) { $0[$1.element] = $1.offset }
        let assessOne: @Sendable (Int) -> T = { [contextBySchool] i in
            let school = sorted[i]
            var assessed: [RowAssessment] = []
            var keys: [Int] = []
            var small = SmallGroups()
            if school.code != ResultRow.regionCode, let s = rows.schoolNumber(of: school.code) {
                assessed.reserveCapacity(starts[Int(s) + 1] - starts[Int(s)])
                for position in positions[starts[Int(s)]..<starts[Int(s) + 1]] where read.contains(Int(rows.rows[position].year)) {
                    let r = rows.rows[position]
                    let row = rows.resultRow(position)
                    assessed.append(RowAssessment(row: row, reference: references[r.procedure, r.year], parameters: parameters))
                    keys.append(Int(r.year) * (rank.count + 1) + rank[Int(r.procedure)])
                    if SmallGroups.isSmall(participants: r.participants, parameters) { small.add(row, reference: references[r.procedure, r.year]) }
                }
            }
            // Pools after the rows: in the composite's sums and, by year, in the rows shown.
            for pooled in small.pooled(schoolCode: school.code, parameters: parameters) {
                assessed.append(pooled)
                keys.append(pooled.row.year * (rank.count + 1) + rank.count)
            }
            // A stable sort: rows of one year and procedure keep their order.
            let shown = assessed.indices.filter { window.contains(assessed[$0].row.year) }.sorted { keys[$0] < keys[$1] }.map { assessed[$0] }
            return transform(assess(school, rows: assessed, shown: shown, context: contextBySchool[school.code], window: window,
                                    changes: changes, parameters: parameters, year: year, explained: explained))
        }
        return (inParallel(count: sorted.count, assessOne), references.used)
    }

    /// Rule 9b's changes Y−1 → Y of every school of the rows, from the same sums as `composite(of:in:)`.
    static func compositeChanges(rows: IdentificationRows, starts: [Int], positions: [Int], references: ReferenceTable,
                                 parameters: MethodologyParameters, year: Int) -> CompositeChanges {
        let region = rows.schoolNumber(of: ResultRow.regionCode)
        var changes: [String: Double] = [:]
        for s in 0..<rows.schoolCodes.count where Int32(s) != region {
            var now = CompositeSum(), before = CompositeSum()
            var small = SmallGroups()
            for position in positions[starts[s]..<starts[s + 1]] {
                let r = rows.rows[position]
                guard r.year == year || r.year == year - 1 else { continue }
                if SmallGroups.isSmall(participants: r.participants, parameters) {
                    small.add(rows.resultRow(position), reference: references[r.procedure, r.year])
                }
                guard isValid(participants: r.participants, parameters) else { continue }
                // As in `RowAssessment`: a valid row always has its reference, since it is part of it.
                let d = references[r.procedure, r.year].map {
                    RowAssessment.difference(participants: r.participants, failShare: RowAssessment.failShare(participants: r.participants, fails: r.fails),
                                             reference: $0.value, priorStrength: parameters.priorStrength)
                } ?? 0
                if r.year == year { now.add(participants: r.participants, d: d) } else { before.add(participants: r.participants, d: d) }
            }
            for pooled in small.pooled(schoolCode: rows.schoolCodes[s], parameters: parameters) {
                if pooled.row.year == year { now.add(participants: pooled.row.participants, d: pooled.d ?? 0) }
                else { before.add(participants: pooled.row.participants, d: pooled.d ?? 0) }
            }
            if let now = now.value, let before = before.value { changes[rows.schoolCodes[s]] = now - before }
        }
        return CompositeChanges(changes: changes)
    }

    /// `body(i)` for every `i` below `count`, in order, on every core when there are many.
    static func inParallel<T: Sendable>(count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard count >= schoolsForParallelRun, cores > 1 else { return (0..<count).map(body) }
        let chunks = cores * 4
        let parts = Parts<T>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (count * chunk / chunks)..<(count * (chunk + 1) / chunks)
            parts.set(chunk, range.map(body))
        }
        return parts.joined()
    }

    /// The results of the chunks of a parallel run, each written once by its own thread.
    private final class Parts<T>: @unchecked Sendable {
        private var parts: [[T]]
        private let lock = NSLock()

        init(count: Int) { parts = Array(repeating: [], count: count) }

        func set(_ chunk: Int, _ values: [T]) { lock.withLock { parts[chunk] = values } }

        func joined() -> [T] { lock.withLock { parts.flatMap { $0 } } }
    }
}
