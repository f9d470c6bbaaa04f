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
