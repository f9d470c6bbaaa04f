extension Identification {
    /// Rule 9a: ВПР success far above its reference in a year when the same school's ГИА fails at or above
    /// the threshold: the school marks its own ВПР, but not its ГИА.
    /// The sums are taken in the order of `validRows`.
    static func vprFlag(validRows: some Sequence<RowAssessment>, parameters: MethodologyParameters) -> BiasFlag? {
        var vprCount = 0, vprFails = 0, vprWeighted = 0.0, giaCount = 0, giaFails = 0
        for r in validRows {
            if r.row.procedure.kind == .vpr {
                vprCount += r.row.participants
                vprFails += r.row.fails
                vprWeighted += Double(r.row.participants) * (r.reference ?? 0)
            } else if r.row.procedure.kind.isFinalAttestation {
                giaCount += r.row.participants
                giaFails += r.row.fails
            }
        }
        let vprParticipants = Double(vprCount)
        let giaParticipants = Double(giaCount)
        guard vprParticipants > 0, giaParticipants > 0 else { return nil }
        let vprSuccess = 1 - Double(vprFails) / vprParticipants
        let vprReference = vprWeighted / vprParticipants
        let giaFailShare = Double(giaFails) / giaParticipants
        guard isAtLeast(vprSuccess - vprReference, parameters.vprSuccessMargin),
              isAtLeast(giaFailShare, parameters.failThreshold) else { return nil }
        return .vprAboveReferenceWithGIAFails(vprSuccess: vprSuccess, vprReference: vprReference, giaFailShare: giaFailShare)
    }

    /// Rule 9b: a change larger than `jumpSigmas` standard deviations of the other schools' changes.
    static func jumpFlag(schoolCode: String, changes: CompositeChanges, parameters: MethodologyParameters) -> BiasFlag? {
        guard let change = changes.change(of: schoolCode), let sigma = changes.sigma(excluding: schoolCode),
              sigma > CompositeChanges.negligibleSpread, abs(change) > parameters.jumpSigmas * sigma + tolerance else { return nil }
        return .compositeJump(change: change, sigma: sigma)
    }
}

/// The composite changes Y−1 → Y of every school in the rows. The spread a school is measured against
/// leaves that school out: with few schools one outlier inflates the very deviation it is compared with.
struct CompositeChanges: Sendable {
    /// Other schools with a change needed before a spread means anything.
    static let minimumOthers = 3
    /// Removing one school from the sums leaves rounding noise of the order of 1e-9 to 1e-8 where the others' changes are
    /// equal; a spread below a ten-thousandth of a percentage point is that noise, not a spread.
    static let negligibleSpread = 1e-6

    private let changes: [String: Double]
    private let mean: Double
    /// Σ (change − mean)² over all schools.
    private let squares: Double

    /// `changes`: the change Y−1 → Y of every school with a composite in both years, by code.
    /// The sums are taken in the order of the codes, so the spread is the same to the last bit on every run.
    init(changes: [String: Double]) {
        let values = changes.sorted { $0.key < $1.key }.map(\.value)
        let mean = values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
        self.changes = changes
        self.mean = mean
        squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    }

    func change(of schoolCode: String) -> Double? { changes[schoolCode] }

    /// Population standard deviation of the changes of all schools but this one, which must have a change;
    /// removing one value from the running mean and sum of squares keeps a region-wide run linear in schools.
    func sigma(excluding schoolCode: String) -> Double? {
        guard let own = changes[schoolCode] else { return nil }
        let others = changes.count - 1
        guard others >= CompositeChanges.minimumOthers else { return nil }
        let othersMean = (mean * Double(changes.count) - own) / Double(others)
        let othersSquares = squares - (own - mean) * (own - othersMean)
        return (max(othersSquares, 0) / Double(others)).squareRoot()
    }
}
