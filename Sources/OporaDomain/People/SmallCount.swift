/// Counts of students shown outside the school are masked when small, so that a few children of a grade
/// cannot be recognised.
public enum SmallCount {
    public static let threshold = 5

    /// «<5» for 0…4 (a zero is masked too, or «<5» would tell it was not zero), otherwise the number.
    public static func masked(_ n: Int) -> String {
        n < threshold ? "<\(threshold)" : String(n)
    }
}

extension SmallCount {
    /// The target indicators whose numerator and denominator count people (teachers, students);
    /// the others count schools or positions and are never masked.
    public static let peopleIndicators: Set<Int> = [2, 3]
}

/// A fraction «part of whole» of people, as a reader who may see counts only is shown it.
public struct ShownFraction: Equatable, Sendable {
    public var part: String
    public var whole: String
    /// Whether a share of the two may be shown: never when it would tell a hidden count back.
    public var shareShown: Bool

    public init(part: String, whole: String, shareShown: Bool) {
        self.part = part
        self.whole = whole
        self.shareShown = shareShown
    }
}

extension SmallCount {
    /// The one masking rule for fractions: a part under 5 is «<5»; a part whose rest is under 5 is
    /// «скрыто» (the rest would be whole − part); a whole under 5 is «<5»; the share is shown only
    /// when every count it is made of is shown.
    public static func fraction(part: Int, whole: Int, masked: Bool = true) -> ShownFraction {
        guard masked else { return ShownFraction(part: String(part), whole: String(whole), shareShown: true) }
        let rest = whole - part
        let partText = part < threshold ? Self.masked(part) : rest < threshold ? "скрыто" : String(part)
        return ShownFraction(part: partText, whole: Self.masked(whole),
                             shareShown: part >= threshold && rest >= threshold && whole >= threshold)
    }
}

extension SmallCount {
    /// An indicator's «numerator of denominator» as a reader who sees counts only is shown it;
    /// nil when nothing is masked (the reader sees everything, or the indicator counts no people).
    public static func indicator(_ number: Int, numerator: Double, denominator: Double, masked: Bool) -> ShownFraction? {
        guard masked, peopleIndicators.contains(number) else { return nil }
        return fraction(part: Int(numerator.rounded(.down)), whole: Int(denominator.rounded(.down)))
    }
}
