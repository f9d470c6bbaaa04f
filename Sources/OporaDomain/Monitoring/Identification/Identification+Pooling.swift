/// Rule 1a: a school's small groups pooled. Per year and kind, its rows with 0 < n < `minParticipants`
/// whose procedure has a reference become one row of the procedure (kind, grade 0, «малые группы»):
/// n = Σn, fails = Σfails, its reference the participant-weighted mean of theirs. A pool that reaches
/// `minParticipants` is a valid row and a procedure of its own in rules 2–9; it never enters a reference.
extension Identification {
    /// The subject of a pooled row.
    public static let pooledSubject = "малые группы"

    /// A school's small rows of the years read, each with its procedure's reference, in the order of the rows.
    struct SmallGroups {
        private var groups: [(year: Int, kind: AssessmentKind, rows: [ResultRow], references: [Double])] = []

        static func isSmall(participants: Int, _ parameters: MethodologyParameters) -> Bool {
            parameters.poolSmallGroups && participants > 0 && participants < parameters.minParticipants
        }

        /// Adds a row; one whose procedure has no reference is left out of the pool.
        mutating func add(_ row: ResultRow, reference: ReferenceValue?) {
            guard let reference else { return }
            if let i = groups.firstIndex(where: { $0.year == row.year && $0.kind == row.procedure.kind }) {
                groups[i].rows.append(row)
                groups[i].references.append(reference.value)
            } else {
                groups.append((row.year, row.procedure.kind, [row], [reference.value]))
            }
        }

        /// The pools that reach `minParticipants`, as rows assessed by rules 2 and 5: by year and kind, each with its
        /// rows by procedure, so that the sums, and so the bits, do not depend on the order the rows were stored in.
        func pooled(schoolCode: String, parameters: MethodologyParameters) -> [RowAssessment] {
            groups.sorted { ($0.year, $0.kind) < ($1.year, $1.kind) }.compactMap { g in
                let n = g.rows.reduce(0) { $0 + $1.participants }
                guard Identification.isValid(participants: n, parameters) else { return nil }
                let rows = zip(g.rows, g.references).sorted { $0.0.procedure < $1.0.procedure }
                let weighted = rows.reduce(0.0) { $0 + Double($1.0.participants) * $1.1 }
                let row = ResultRow(year: g.year, procedure: Procedure(kind: g.kind, grade: 0, normalisedSubject: Identification.pooledSubject),
                                    schoolCode: schoolCode, participants: n, fails: g.rows.reduce(0) { $0 + $1.fails })
                return RowAssessment(pooled: row, from: rows.map(\.0), reference: weighted / Double(n), parameters: parameters)
            }
        }
    }
}
