/// A value against its target and against last year, for the indicators page and the report. All five
/// indicators are «the more the better», so «achieved» is «at least the target».
public enum IndicatorAssessment {
    /// Percentages computed from fractional staff positions carry rounding noise (99.99999999999999 for 100),
    /// which must not turn a met target into a missed one.
    public static let tolerance = 1e-9

    /// nil when the value or the target is unknown: «not achieved» would be a claim the data does not make.
    public static func achieved(value: Double?, target: Double?) -> Bool? {
        guard let value, let target else { return nil }
        return value >= target - tolerance
    }

    /// The change from the previous year in percentage points; nil when either year has no value.
    public static func change(value: Double?, previous: Double?) -> Double? {
        guard let value, let previous else { return nil }
        return value - previous
    }
}
