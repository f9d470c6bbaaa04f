/// Whether a computed value is within `tolerance` of the value worked out by hand (a missing value never is):
/// the identification and indicator formula tests compare with it.
func close(_ value: Double?, _ expected: Double, tolerance: Double = 1e-9) -> Bool {
    guard let value else { return false }
    return abs(value - expected) <= tolerance
}
