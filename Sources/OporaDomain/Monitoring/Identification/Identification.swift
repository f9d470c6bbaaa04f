/// The identification methodology of DESIGN.md as one pure function from rows, social context and
/// parameters to a category with its explanation for every school. The app only loads the inputs and
/// stores or shows the result, so the whole methodology is tested here with hand-computed cases.
public enum Identification {
    /// Ratios of counts land exactly on thresholds such as 0.30, but differences of such ratios can miss by
    /// a rounding error; «at least» comparisons allow this much so that «exactly at the threshold» counts.
    static let tolerance = 1e-9

    static func isAtLeast(_ value: Double, _ threshold: Double) -> Bool { value >= threshold - tolerance }

    /// Rule 1; a row with no participants is never valid, whatever the parameters say.
    static func isValid(_ row: ResultRow, _ parameters: MethodologyParameters) -> Bool {
        isValid(participants: row.participants, parameters)
    }

    static func isValid(participants: Int, _ parameters: MethodologyParameters) -> Bool {
        participants >= parameters.minParticipants && participants > 0
    }

    /// The years the rules read for `year`: the window of `years` ending with it, and the year before it,
    /// which is read even when the window is one year long: the composite jump compares it with Y.
    public static func readYears(for year: Int, parameters: MethodologyParameters) -> ClosedRange<Int> {
        min(year - max(parameters.years, 1) + 1, year - 1)...year
    }

    /// Every school in `schools` as of `year`, sorted by code. `rows` may hold other schools of the scope
    /// (they count in the pooled references and in the spread of composite changes) and `REGION` rows.
    /// `pool`: the region's counts, the references of `ReferenceScope.region`.
    public static func run(rows: [ResultRow], contexts: [SocialContext], schools: [SchoolFacts],
                           parameters: MethodologyParameters, year: Int, pool: ReferencePool? = nil) -> IdentificationResult {
        let read = IdentificationRows(rows, years: Set(readYears(for: year, parameters: parameters)))
        let (assessments, references) = assessEach(rows: read, contexts: contexts, schools: schools, parameters: parameters,
                                                   year: year, pool: pool, explained: true) { $0 }
        return IdentificationResult(year: year, parameters: parameters, schools: assessments, references: references)
    }

    /// `rows`: the school's rows of every year read, in the order they were read (the sums of the composite
    /// are taken in it); `shown`: those of the window, by year and procedure.
    static func assess(_ school: SchoolFacts, rows: [RowAssessment], shown: [RowAssessment], context: SocialContext?, window: [Int],
                       changes: CompositeChanges, parameters: MethodologyParameters, year: Int, explained: Bool) -> SchoolAssessment {
        let yearChecks = window.map { YearCheck(year: $0, rows: shown, parameters: parameters) }
        let lowResults = yearChecks.allSatisfy(\.isLowYear)
        let composite = composite(of: rows, in: year)
        let criteria = criteria(context: context, school: school, parameters: parameters)
        let criteriaMet = criteria.filter(\.met).count
        let adverse = criteriaMet >= parameters.minCriteria
        let category = SchoolCategory.decide(hasEveryYear: yearChecks.allSatisfy(\.hasValidRows), lowResults: lowResults,
                                             adverseConditions: adverse, composite: composite)
        let validNow = rows.lazy.filter { $0.row.year == year && $0.valid }
        let biasFlags = [vprFlag(validRows: validNow, parameters: parameters),
                         jumpFlag(schoolCode: school.code, changes: changes, parameters: parameters)].compactMap { $0 }
        var assessment = SchoolAssessment(
            schoolCode: school.code, schoolName: school.name, year: year, category: category, lowResults: lowResults,
            adverseConditions: adverse, composite: composite, socialIndex: socialIndex(of: criteria),
            criteria: criteria, criteriaMet: criteriaMet, yearChecks: yearChecks, rows: shown, biasFlags: biasFlags,
            explanation: [])
        assessment.compositeInterval = composite.map { compositeInterval($0, of: rows, in: year, parameters: parameters) }
        assessment.unstable = lowResults && window.contains { y in
            Set(shown.lazy.filter { $0.row.year == y && $0.low && !$0.borderline }.map(\.row.procedure)).count < parameters.minProcedures
        }
        if explained { assessment.explanation = explanation(of: assessment, parameters: parameters) }
        return assessment
    }

    /// Rule 10: the composite's interval from the same valid rows of the year.
    static func compositeInterval(_ value: Double, of rows: [RowAssessment], in year: Int, parameters: MethodologyParameters) -> Interval {
        Uncertainty.composite(value, rows: rows.filter { $0.row.year == year && $0.valid }.map { ($0.row.participants, $0.failShare ?? 0) },
                              priorStrength: parameters.priorStrength)
    }

    /// Rule 5: the `n`-weighted mean of `d` over the valid rows of the year; nil when there are none.
    static func composite(of rows: [RowAssessment], in year: Int) -> Double? {
        var sum = CompositeSum()
        for r in rows where r.row.year == year && r.valid { sum.add(participants: r.row.participants, d: r.d ?? 0) }
        return sum.value
    }
}

/// The sums behind a composite, taken row by row in the order of the rows, so that every way to the
/// composite gives the same bits.
struct CompositeSum {
    private var participants = 0
    private var weighted = 0.0

    mutating func add(participants n: Int, d: Double) {
        participants += n
        weighted += Double(n) * d
    }

    var value: Double? { participants > 0 ? weighted / Double(participants) : nil }
}
