/// Counts of students of one grade of a school in a year who need support: learning difficulties,
/// the levels of learning motivation from the diagnostics, taking part in extracurricular activities.
/// Only counts, never a student.
public struct StudentSupportFact: Hashable, Codable, Sendable {
    /// "school_code|year|grade"
    public var id: String
    public var schoolCode: String
    public var year: Int
    /// 1…11
    public var grade: Int
    public var difficulties: Int?
    public var motivationLow: Int?
    public var motivationMedium: Int?
    public var motivationHigh: Int?
    public var extracurricular: Int?

    public init(id: String, schoolCode: String, year: Int, grade: Int, difficulties: Int?, motivationLow: Int?,
                motivationMedium: Int?, motivationHigh: Int?, extracurricular: Int?) {
        self.id = id
        self.schoolCode = schoolCode
        self.year = year
        self.grade = grade
        self.difficulties = difficulties
        self.motivationLow = motivationLow
        self.motivationMedium = motivationMedium
        self.motivationHigh = motivationHigh
        self.extracurricular = extracurricular
    }

    /// The students whose motivation was diagnosed; nil when no level is given.
    public var motivationTotal: Int? {
        let levels = [motivationLow, motivationMedium, motivationHigh].compactMap { $0 }
        return levels.isEmpty ? nil : levels.reduce(0, +)
    }
}

/// Learning motivation summed over grades or schools.
public struct MotivationDistribution: Hashable, Codable, Sendable {
    public var low: Int
    public var medium: Int
    public var high: Int

    public init(low: Int, medium: Int, high: Int) {
        self.low = low
        self.medium = medium
        self.high = high
    }

    public var total: Int { low + medium + high }

    /// Shares 0…1 of each level; nil when nobody was diagnosed.
    public var shares: (low: Double, medium: Double, high: Double)? {
        guard total > 0 else { return nil }
        let n = Double(total)
        return (Double(low) / n, Double(medium) / n, Double(high) / n)
    }

    /// Sums the rows with all three levels (the file accepts the levels only together).
    public static func sum(_ facts: [StudentSupportFact]) -> MotivationDistribution {
        facts.reduce(MotivationDistribution(low: 0, medium: 0, high: 0)) { sum, f in
            guard let low = f.motivationLow, let medium = f.motivationMedium, let high = f.motivationHigh else { return sum }
            return MotivationDistribution(low: sum.low + low, medium: sum.medium + medium, high: sum.high + high)
        }
    }
}
