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
        row.participants >= parameters.minParticipants && row.participants > 0
    }

    /// Every school in `schools` as of `year`, sorted by code. `rows` may hold other schools of the scope
    /// (they count in the pooled references and in the spread of composite changes) and `REGION` rows.
    public static func run(rows: [ResultRow], contexts: [SocialContext], schools: [SchoolFacts],
                           parameters: MethodologyParameters, year: Int) -> IdentificationResult {
        let window = Array((year - max(parameters.years, 1) + 1)...year)
        // Y−1 is read even when the window is one year long: the composite jump compares it with Y.
        let readYears = Set(window + [year - 1])
        // The rows may be a country's: they are copied only when some must be left out, and assessed
        // straight into their school's list.
        let read = rows.allSatisfy { readYears.contains($0.year) } ? rows : rows.filter { readYears.contains($0.year) }
        let references = ReferenceTable(rows: read, parameters: parameters)
        var rowsBySchool: [String: [RowAssessment]] = [:]
        for row in read where !row.isRegionalReference {
            rowsBySchool[row.schoolCode, default: []].append(
                RowAssessment(row: row, reference: references[row.procedure, row.year], parameters: parameters))
        }
        let changes = CompositeChanges(rowsBySchool: rowsBySchool, year: year)
        var contextBySchool: [String: SocialContext] = [:]
        for context in contexts where context.year == year && contextBySchool[context.schoolCode] == nil {
            contextBySchool[context.schoolCode] = context
        }
        let assessments = schools.sorted { $0.code < $1.code }.map { school in
            assess(school, rows: rowsBySchool[school.code] ?? [], context: contextBySchool[school.code],
                   window: window, changes: changes, parameters: parameters, year: year)
        }
        return IdentificationResult(year: year, parameters: parameters, schools: assessments, references: references.used)
    }

    static func assess(_ school: SchoolFacts, rows: [RowAssessment], context: SocialContext?, window: [Int],
                       changes: CompositeChanges, parameters: MethodologyParameters, year: Int) -> SchoolAssessment {
        let shown = rows.filter { window.contains($0.row.year) }
            .sorted { ($0.row.year, $0.row.procedure) < ($1.row.year, $1.row.procedure) }
        let yearChecks = window.map { YearCheck(year: $0, rows: shown, parameters: parameters) }
        let lowResults = yearChecks.allSatisfy(\.isLowYear)
        let composite = composite(of: rows, in: year)
        let criteria = criteria(context: context, school: school, parameters: parameters)
        let criteriaMet = criteria.filter(\.met).count
        let adverse = criteriaMet >= parameters.minCriteria
        let category = SchoolCategory.decide(hasEveryYear: yearChecks.allSatisfy(\.hasValidRows), lowResults: lowResults,
                                             adverseConditions: adverse, composite: composite)
        let validNow = rows.filter { $0.row.year == year && $0.valid }
        let biasFlags = [vprFlag(validRows: validNow, parameters: parameters),
                         jumpFlag(schoolCode: school.code, changes: changes, parameters: parameters)].compactMap { $0 }
        var assessment = SchoolAssessment(
            schoolCode: school.code, schoolName: school.name, year: year, category: category, lowResults: lowResults,
            adverseConditions: adverse, composite: composite, socialIndex: socialIndex(of: criteria),
            criteria: criteria, criteriaMet: criteriaMet, yearChecks: yearChecks, rows: shown, biasFlags: biasFlags,
            explanation: [])
        assessment.explanation = explanation(of: assessment, parameters: parameters)
        return assessment
    }

    /// Rule 5: the `n`-weighted mean of `d` over the valid rows of the year; nil when there are none.
    static func composite(of rows: [RowAssessment], in year: Int) -> Double? {
        let valid = rows.filter { $0.row.year == year && $0.valid }
        let participants = valid.reduce(0) { $0 + $1.row.participants }
        guard participants > 0 else { return nil }
        return valid.reduce(0.0) { $0 + Double($1.row.participants) * ($1.d ?? 0) } / Double(participants)
    }
}
