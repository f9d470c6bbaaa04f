extension IndicatorFormulas {
    /// Indicator 3: Σ passed / Σ participants over the participating schools' ГИА rows of the year. Summing
    /// students rather than averaging school shares keeps a school of 3 graduates from weighing as much as one
    /// of 60; several rows of one school in a year are added up.
    static func gia(year: Int, inputs: IndicatorInputs) -> IndicatorValue {
        let rowsBySchool = Dictionary(grouping: inputs.gia.filter { $0.year == year }, by: \.schoolCode)
        var parts: [IndicatorValue.SchoolPart] = []
        var sources: [IndicatorValue.SourceRow] = []
        for code in inputs.participatingCodes {
            let rows = rowsBySchool[code] ?? []
            let participants = rows.reduce(0) { $0 + $1.participants }
            let passed = rows.reduce(0) { $0 + $1.passed }
            parts.append(.init(schoolCode: code, schoolName: inputs.schoolName(code), numerator: Double(passed),
                               denominator: Double(participants),
                               note: rows.isEmpty ? "нет данных" : participants == 0 ? "нет участников ГИА" : nil))
            sources += rows.map { row in
                .init(kind: .gia, id: row.id, schoolCode: code, counted: true,
                      description: "ГИА \(year): участников \(row.participants), сдали успешно \(row.passed) — учтено")
            }
        }
        var value = IndicatorValue(number: 3, year: year, breakdown: parts, sources: sources)
        value.explanation = ["Сдали ГИА \(year) года успешно: \(ratio(value, "участников из участвующих школ"))."]
        let missing = parts.filter { rowsBySchool[$0.schoolCode] == nil }
        if !missing.isEmpty { value.explanation.append("Нет сведений о ГИА \(year) года: \(schools(missing)).") }
        return value
    }
}
