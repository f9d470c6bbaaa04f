/// One result row of a school as the methodology sees it. The figures are nil for an invalid row,
/// which is shown as «мало участников» and used nowhere.
public struct RowAssessment: Codable, Sendable, Equatable {
    public var row: ResultRow
    /// `participants ≥ minParticipants`
    public var valid: Bool
    /// `fails / participants`
    public var failShare: Double?
    /// The reference success share of the row's procedure and year.
    public var reference: Double?
    public var referenceSource: ReferenceSource?
    /// The success share pulled toward the reference: `(n·(1 − failShare) + k·reference) / (n + k)`.
    public var shrunk: Double?
    /// `shrunk − reference`: below 0 is worse than the reference.
    public var d: Double?
    /// A valid row with `failShare ≥ failThreshold`.
    public var low: Bool
    /// Rule 10: the 90 % Wilson interval of `failShare`.
    public var failInterval: Interval?
    /// Rule 10: a low row whose interval reaches below the threshold («на границе»): chance alone could have made it low.
    public var borderline = false
    /// Rule 1a: the small rows this row pools (its procedure is the kind's «малые группы»); nil for a row as loaded.
    public var pooledFrom: [ResultRow]?

    public init(row: ResultRow, reference: ReferenceValue?, parameters: MethodologyParameters) {
        self.row = row
        valid = Identification.isValid(row, parameters)
        guard valid, let reference else {
            low = false
            return
        }
        let share = Self.failShare(participants: row.participants, fails: row.fails)
        failShare = share
        self.reference = reference.value
        referenceSource = reference.source
        let difference = Self.difference(participants: row.participants, failShare: share, reference: reference.value,
                                         priorStrength: parameters.priorStrength)
        d = difference
        shrunk = reference.value + difference
        low = Identification.isAtLeast(share, parameters.failThreshold)
        setInterval(parameters)
    }

    private mutating func setInterval(_ parameters: MethodologyParameters) {
        failInterval = Uncertainty.wilson(count: row.fails, of: row.participants)
        borderline = low && (failInterval.map { $0.low < parameters.failThreshold - Identification.tolerance } ?? false)
    }

    /// A pool of small rows (rule 1a), valid, with the participant-weighted mean of their references.
    init(pooled row: ResultRow, from rows: [ResultRow], reference: Double, parameters: MethodologyParameters) {
        self.row = row
        valid = true
        pooledFrom = rows
        let share = Self.failShare(participants: row.participants, fails: row.fails)
        failShare = share
        self.reference = reference
        referenceSource = .smallGroups
        let difference = Self.difference(participants: row.participants, failShare: share, reference: reference,
                                         priorStrength: parameters.priorStrength)
        d = difference
        shrunk = reference + difference
        low = Identification.isAtLeast(share, parameters.failThreshold)
        setInterval(parameters)
    }

    static func failShare(participants: Int, fails: Int) -> Double { Double(fails) / Double(participants) }

    /// `d` of a valid row. d = shrunk − reference simplifies to n·(success − reference)/(n + k); computed this
    /// way it is exactly 0 when the school equals the reference, so a rounding error cannot decide resilient/adverse.
    static func difference(participants: Int, failShare: Double, reference: Double, priorStrength k: Double) -> Double {
        let n = Double(participants)
        return n * ((1 - failShare) - reference) / (n + k)
    }

    /// «мало участников» for an invalid row.
    public var note: String? { valid ? nil : "мало участников" }
}
