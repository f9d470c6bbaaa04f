extension IndicatorFormulas {
    /// Indicator 5: Σ filled / Σ positions over the participating schools' pedagogical staff positions of the
    /// year. A row filled beyond its positions counts as fully filled: surplus staff in one subject does not
    /// make up for a vacancy in another, and the value stays within 100 %. Non-pedagogical rows are listed as
    /// not counted, so that the drill-down shows the whole staffing table the school sent.
    static func staffing(year: Int, inputs: IndicatorInputs) -> IndicatorValue {
        let rowsBySchool = Dictionary(grouping: inputs.positions.filter { $0.year == year }, by: \.schoolCode)
        var parts: [IndicatorValue.SchoolPart] = []
        var sources: [IndicatorValue.SourceRow] = []
        var overfilledSchools: [IndicatorValue.SchoolPart] = []
        for code in inputs.participatingCodes {
            let rows = rowsBySchool[code] ?? []
            var filled = 0.0, positions = 0.0
            var overfilled: [String] = []
            for row in rows {
                let figures = "\(row.position), \(year): ставок \(amount(row.positions)), занято \(amount(row.filled))"
                guard row.pedagogical else {
                    sources.append(.init(kind: .position, id: row.id, schoolCode: code, counted: false,
                                         description: figures + " — не педагогическая должность, не учитывается"))
                    continue
                }
                let counted = min(row.filled, row.positions)
                filled += counted
                positions += row.positions
                if row.filled > row.positions { overfilled.append(row.position) }
                sources.append(.init(kind: .position, id: row.id, schoolCode: code, counted: true,
                                     description: figures + (row.filled > row.positions
                                         ? " — занято больше, чем ставок: учтено \(amount(counted))" : " — учтено")))
            }
            let note = !rows.contains(where: \.pedagogical) ? "нет данных"
                : overfilled.isEmpty ? nil : "занято больше, чем ставок: " + overfilled.joined(separator: ", ")
            let part = IndicatorValue.SchoolPart(schoolCode: code, schoolName: inputs.schoolName(code), numerator: filled,
                                                 denominator: positions, note: note)
            parts.append(part)
            if !overfilled.isEmpty { overfilledSchools.append(part) }
        }
        var value = IndicatorValue(number: 5, year: year, breakdown: parts, sources: sources)
        value.explanation = [
            "Занято педагогических ставок: \(ratio(value, "ставок в участвующих школах")).",
            "Непедагогические должности не учитываются; занятость сверх числа ставок не засчитывается.",
        ]
        if !overfilledSchools.isEmpty {
            value.explanation.append("Занято больше, чем ставок (учтено по числу ставок): \(schools(overfilledSchools)).")
        }
        return value
    }
}
