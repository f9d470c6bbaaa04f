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
        let valid = rows.filter { $0.row.year == year && $0.valid }
        self.year = year
        validRowCount = valid.count
        lowProcedures = Set(valid.filter(\.low).map(\.row.procedure)).sorted()
        isLowYear = lowProcedures.count >= parameters.minProcedures
        hasValidRows = !valid.isEmpty
    }
}
