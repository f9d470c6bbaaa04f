/// One of the years the НРО rule looks at, for one school: was it a low year, and was there anything to judge.
public struct YearCheck: Codable, Sendable, Equatable {
    public var year: Int
    public var validRowCount: Int
    /// The distinct procedures with a low row in this year, sorted.
    public var lowProcedures: [Procedure]
    /// At least `minProcedures` distinct low procedures.
    public var isLowYear: Bool
    /// A year without a valid row makes the category «Недостаточно данных».
    public var hasValidRows: Bool

    public init(year: Int, rows: [RowAssessment], parameters: MethodologyParameters) {
        var valid = 0
        var low = Set<Procedure>()
        for r in rows where r.row.year == year && r.valid {
            valid += 1
            if r.low { low.insert(r.row.procedure) }
        }
        self.year = year
        validRowCount = valid
        lowProcedures = low.sorted()
        isLowYear = lowProcedures.count >= parameters.minProcedures
        hasValidRows = valid > 0
    }
}
