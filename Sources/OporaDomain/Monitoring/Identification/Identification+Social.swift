extension Identification {
    /// Rule 6: a criterion is met at or above its threshold; an unknown value is not met, because
    /// a school is not put on a list for data nobody has.
    static func criteria(context: SocialContext?, school: SchoolFacts, parameters: MethodologyParameters) -> [CriterionResult] {
        SocialCriterion.allCases.map { criterion in
            let value = criterion.value(context: context, school: school)
            let threshold = parameters.threshold(for: criterion)
            return CriterionResult(criterion: criterion, value: value, threshold: threshold,
                                   met: value.map { isAtLeast($0, threshold) } ?? false)
        }
    }

    /// Mean of `min(value / threshold, 2)` over the known criteria: 1 is «at the thresholds»; the cap keeps
    /// one extreme value (a school 300 km away) from outweighing all the others.
    static func socialIndex(of criteria: [CriterionResult]) -> Double? {
        let ratios = criteria.compactMap { c in c.value.map { min($0 / c.threshold, 2) } }
        guard !ratios.isEmpty else { return nil }
        return ratios.reduce(0, +) / Double(ratios.count)
    }
}
