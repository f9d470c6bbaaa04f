/// Everything the methodology concluded about one school as of one year, with the figures behind it,
/// so a page can answer «why is this school on the list?» without another query.
public struct SchoolAssessment: Codable, Sendable, Equatable {
    public var schoolCode: String
    public var schoolName: String
    public var year: Int
    public var category: SchoolCategory
    /// НРО: every one of the `years` years ending with `year` is a low year.
    public var lowResults: Bool
    /// НСУ: at least `minCriteria` social criteria met.
    public var adverseConditions: Bool
    /// The `n`-weighted mean of `d` over the school's valid rows of `year`; nil when it has none.
    public var composite: Double?
    /// Rule 10: the composite's 90 % interval; one that holds 0 is «не отличается от эталона».
    public var compositeInterval: Interval?
    /// Rule 10: НРО that would not stand without the rows «на границе» («вывод неустойчив»): a note, never a category.
    public var unstable = false
    /// Mean of `min(value / threshold, 2)` over the known criteria; nil when none is known.
    public var socialIndex: Double?
    public var criteria: [CriterionResult]
    public var criteriaMet: Int
    /// The `years` years ending with `year`, oldest first.
    public var yearChecks: [YearCheck]
    /// All the school's rows of those years, valid or not, by year and procedure.
    public var rows: [RowAssessment]
    public var biasFlags: [BiasFlag]
    /// Russian sentences: the low rows, the low years, the criteria, the composite and the conclusion.
    public var explanation: [String]

    public init(schoolCode: String, schoolName: String, year: Int, category: SchoolCategory, lowResults: Bool,
                adverseConditions: Bool, composite: Double?, socialIndex: Double?, criteria: [CriterionResult],
                criteriaMet: Int, yearChecks: [YearCheck], rows: [RowAssessment], biasFlags: [BiasFlag],
                explanation: [String]) {
        self.schoolCode = schoolCode
        self.schoolName = schoolName
        self.year = year
        self.category = category
        self.lowResults = lowResults
        self.adverseConditions = adverseConditions
        self.composite = composite
        self.socialIndex = socialIndex
        self.criteria = criteria
        self.criteriaMet = criteriaMet
        self.yearChecks = yearChecks
        self.rows = rows
        self.biasFlags = biasFlags
        self.explanation = explanation
    }
}
