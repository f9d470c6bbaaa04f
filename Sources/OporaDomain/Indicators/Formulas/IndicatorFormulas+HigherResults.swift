extension IndicatorFormulas {
    /// Indicator 4: participating schools whose composite result of Y is higher than that of Y−1 / those with
    /// both composites. A school without one of them cannot show growth or its absence, so it leaves the
    /// denominator instead of counting as «not higher». An equal composite is not growth; differences within
    /// rounding noise count as equal, so that recomputing the same results cannot make a school «grow».
    static func higherResults(year: Int, inputs: IndicatorInputs) -> IndicatorValue {
        let before = year - 1
        var parts: [IndicatorValue.SchoolPart] = []
        var sources: [IndicatorValue.SourceRow] = []
        for code in inputs.participatingCodes {
            let previous = inputs.composites[before]?[code], current = inputs.composites[year]?[code]
            let verdict: (counted: Bool, note: String)
            if let previous, let current {
                let shift = "\(points(previous)) → \(points(current))"
                verdict = current > previous + Identification.tolerance ? (true, "вырос: \(shift)")
                    : current < previous - Identification.tolerance ? (false, "снизился: \(shift)")
                    : (false, "не изменился: \(shift)")
            } else if previous == nil, current == nil {
                verdict = (false, "нет данных")
            } else {
                verdict = (false, "нет сводного результата за \(previous == nil ? before : year) год")
            }
            let both = previous != nil && current != nil
            parts.append(.init(schoolCode: code, schoolName: inputs.schoolName(code), numerator: verdict.counted ? 1 : 0,
                               denominator: both ? 1 : 0, note: verdict.note))
            let suffix = both ? (verdict.counted ? "засчитан" : "не засчитан") : "школа не учитывается"
            for (y, composite) in [(before, previous), (year, current)] {
                guard let composite else { continue }
                sources.append(.init(kind: .composite, id: "\(code)/\(y)", schoolCode: code, counted: verdict.counted,
                                     description: "Сводный результат \(y): \(points(composite)) — \(verdict.note), \(suffix)"))
            }
        }
        var value = IndicatorValue(number: 4, year: year, breakdown: parts, sources: sources)
        value.explanation = [
            "Школ, у которых сводный результат \(year) года выше, чем \(before) года: "
                + "\(ratio(value, "участвующих школ с результатами за оба года")).",
            "Сводный результат — отклонение успеваемости школы от эталона по методике выявления;"
                + " равный результат ростом не считается.",
        ]
        let left = parts.filter { $0.denominator == 0 }
        if !left.isEmpty { value.explanation.append("Не учтены — нет сводного результата за оба года: \(schools(left)).") }
        return value
    }

    /// A composite as a difference of success shares, in percentage points with a sign: «−4,60 п. п.». Two
    /// decimals rather than the usual one, so that a small change the formula counts as growth is visible.
    private static func points(_ composite: Double) -> String {
        RussianNumberFormat.signed(composite * 100, fractionDigits: 2) + " п. п."
    }
}
