/// A sign of biased results (необъективность, DESIGN.md rule 9). It is shown beside the category and
/// never changes it: a suspicion is a reason to look closer, not to leave a list.
public enum BiasFlag: Codable, Sendable, Equatable {
    /// ВПР success far above its reference while ГИА of the same year fails at or above the threshold.
    case vprAboveReferenceWithGIAFails(vprSuccess: Double, vprReference: Double, giaFailShare: Double)
    /// The composite moved from Y−1 to Y by more than `jumpSigmas` standard deviations of the other schools' changes.
    case compositeJump(change: Double, sigma: Double)

    /// The sign as a sentence of its own: «Признак необъективности: …».
    public func russian(parameters: MethodologyParameters) -> String {
        "Признак необъективности: " + detail(parameters: parameters)
    }

    /// The sign with its figures and the thresholds it crossed, for a place already titled «Признаки
    /// необъективности»; differences of shares in percentage points.
    public func detail(parameters: MethodologyParameters) -> String {
        switch self {
        case let .vprAboveReferenceWithGIAFails(vprSuccess, vprReference, giaFailShare):
            return "успеваемость по ВПР \(RussianNumberFormat.percent(vprSuccess))"
                + " выше эталона \(RussianNumberFormat.percent(vprReference))"
                + " на \(RussianNumberFormat.points(vprSuccess - vprReference))"
                + " (порог \(RussianNumberFormat.points(parameters.vprSuccessMargin))),"
                + " а доля не сдавших ГИА в том же году \(RussianNumberFormat.percent(giaFailShare))"
                + " — не ниже порога \(RussianNumberFormat.percent(parameters.failThreshold))."
        case let .compositeJump(change, sigma):
            return "сводный результат изменился за год на \(Format.points(change)) — больше"
                + " \(RussianNumberFormat.decimal(parameters.jumpSigmas, fractionDigits: 0...2)) стандартных отклонений"
                + " изменений других школ (одно отклонение — \(RussianNumberFormat.points(sigma)))."
        }
    }
}
