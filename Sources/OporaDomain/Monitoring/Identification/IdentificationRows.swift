/// The result rows identification reads, held compactly: each procedure and school code is kept once
/// and a row is five numbers. A country's two years are 3 million rows; as `ResultRow`s they took
/// gigabytes, here about 100 MB. The order of appending is kept: within a school and year it is the
/// order the sums of the composite are taken in, so the same rows give the same bits.
public struct IdentificationRows: Sendable {
    struct Row: Sendable {
        var school: Int32
        var procedure: Int32
        var year: Int32
        var participants: Int
        var fails: Int
    }

    private(set) var procedures: [Procedure] = []
    private(set) var schoolCodes: [String] = []
    private(set) var rows: [Row] = []
    /// The rows as given, when they were given as `ResultRow`s: assessments then keep every field.
    private var originals: [ResultRow]?
    private var procedureIndex: [Procedure: Int32] = [:]
    private var schoolIndex: [String: Int32] = [:]

    public init(capacity: Int = 0) {
        rows.reserveCapacity(capacity)
    }

    /// The rows of `years` among `rows`, in their order.
    public init(_ rows: [ResultRow], years: Set<Int>) {
        var originals: [ResultRow] = []
        for row in rows where years.contains(row.year) {
            append(year: row.year, procedure: row.procedure, schoolCode: row.schoolCode, participants: row.participants, fails: row.fails)
            originals.append(row)
        }
        self.originals = originals
    }

    public var count: Int { rows.count }

    public mutating func append(year: Int, procedure: Procedure, schoolCode: String, participants: Int, fails: Int) {
        append(year: year, procedure: index(of: procedure), school: index(ofSchool: schoolCode), participants: participants, fails: fails)
    }

    /// For readers that keep the indexes of what they have seen: `index(of:)` and `index(ofSchool:)`.
    public mutating func append(year: Int, procedure: Int32, school: Int32, participants: Int, fails: Int) {
        rows.append(Row(school: school, procedure: procedure, year: Int32(truncatingIfNeeded: year),
                        participants: participants, fails: fails))
    }

    /// The procedure's number in these rows, added when new.
    public mutating func index(of procedure: Procedure) -> Int32 {
        if let known = procedureIndex[procedure] { return known }
        let index = Int32(procedures.count)
        procedures.append(procedure)
        procedureIndex[procedure] = index
        return index
    }

    /// The school code's number in these rows, added when new.
    public mutating func index(ofSchool code: String) -> Int32 {
        if let known = schoolIndex[code] { return known }
        let index = Int32(schoolCodes.count)
        schoolCodes.append(code)
        schoolIndex[code] = index
        return index
    }

    func schoolNumber(of code: String) -> Int32? { schoolIndex[code] }

    /// The rows of `other` after these, in their order (rows read in parts, e.g. a year each, at once).
    /// Rows made from `ResultRow`s are not merged: their originals would not follow.
    public mutating func append(contentsOf other: IdentificationRows) {
        precondition(originals == nil && other.originals == nil, "rows made from ResultRows are not merged")
        let procedureMap = other.procedures.map { index(of: $0) }
        let schoolMap = other.schoolCodes.map { index(ofSchool: $0) }
        rows.reserveCapacity(rows.count + other.rows.count)
        for r in other.rows {
            rows.append(Row(school: schoolMap[Int(r.school)], procedure: procedureMap[Int(r.procedure)], year: r.year,
                            participants: r.participants, fails: r.fails))
        }
    }

    /// The years of the rows, sorted.
    public var years: [Int] { Set(rows.map { Int($0.year) }).sorted() }

    /// Row `i` as the methodology's `ResultRow`.
    func resultRow(_ i: Int) -> ResultRow {
        if let originals { return originals[i] }
        let r = rows[i]
        return ResultRow(year: Int(r.year), procedure: procedures[Int(r.procedure)], schoolCode: schoolCodes[Int(r.school)],
                         participants: r.participants, fails: r.fails)
    }

    /// The positions of every school's rows, in the order of the rows: `positions[starts[s]..<starts[s + 1]]` are school `s`'s.
    func bySchool() -> (starts: [Int], positions: [Int]) {
        var starts = [Int](repeating: 0, count: schoolCodes.count + 1)
        for r in rows { starts[Int(r.school) + 1] += 1 }
        for s in 0..<schoolCodes.count { starts[s + 1] += starts[s] }
        var next = starts
        var positions = [Int](repeating: 0, count: rows.count)
        for (i, r) in rows.enumerated() {
            positions[next[Int(r.school)]] = i
            next[Int(r.school)] += 1
        }
        return (starts, positions)
    }
}
