import Foundation

/// Rule 10: how sure a figure is. A fail share of 2 in 6 and one of 200 in 600 are both a third, but the first
/// could well be a tenth or a half; every share and composite the methodology shows carries its 90 % interval.
public struct Interval: Codable, Sendable, Equatable {
    public var low: Double
    public var high: Double

    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    public func contains(_ x: Double) -> Bool { low <= x && x <= high }
}

public enum Uncertainty {
    /// The normal quantile of a two-sided 90 % interval: Φ⁻¹(0.95).
    public static let z90 = 1.6448536269514722

    /// The 90 % Wilson score interval of `count` in `n`: unlike «share ± z·σ» it stays within 0…1 and does not
    /// shrink to a point at 0 of 6.
    public static func wilson(count: Int, of n: Int) -> Interval? {
        guard n > 0, (0...n).contains(count) else { return nil }
        let z2 = z90 * z90, nn = Double(n), p = Double(count) / nn
        let denominator = 1 + z2 / nn
        let centre = (p + z2 / (2 * nn)) / denominator
        let half = z90 * (p * (1 - p) / nn + z2 / (4 * nn * nn)).squareRoot() / denominator
        return Interval(low: max(0, centre - half), high: min(1, centre + half))
    }

    /// The 90 % interval of a composite from the binomial variance of its rows, the references held fixed:
    /// composite = Σ nᵢdᵢ / N with dᵢ = nᵢ(sᵢ − rᵢ)/(nᵢ + k), so Var = Σ (nᵢ/N)² (nᵢ/(nᵢ + k))² p̃ᵢ(1 − p̃ᵢ)/nᵢ, with
    /// p̃ = (fails + z²/2)/(n + z²), the centre of the row's Wilson interval: a row with no «2» at all still varies
    /// (its interval is not the point 0).
    static func composite(_ value: Double, rows: [(participants: Int, failShare: Double)], priorStrength k: Double) -> Interval {
        let total = Double(rows.reduce(0) { $0 + $1.participants })
        let z2 = z90 * z90
        let variance = rows.reduce(0.0) { sum, r in
            let n = Double(r.participants)
            let p = (r.failShare * n + z2 / 2) / (n + z2)
            return sum + (n / total) * (n / total) * (n / (n + k)) * (n / (n + k)) * p * (1 - p) / n
        }
        let half = z90 * variance.squareRoot()
        return Interval(low: value - half, high: value + half)
    }
}
