extension IndicatorFormulas {
    /// Indicator 1: participating schools whose checklist of the year has every item of the current list
    /// available / participating schools. An item with no row counts as missing: a school proves its
    /// conditions, the programme does not assume them. An empty list leaves the value undefined rather
    /// than 100 %, since there is nothing to meet.
    static func equalAccess(year: Int, inputs: IndicatorInputs) -> IndicatorValue {
        let items = inputs.checklistItems
        let rowsBySchool = Dictionary(grouping: inputs.checklists.filter { $0.year == year }, by: \.schoolCode)
        var parts: [IndicatorValue.SchoolPart] = []
        var sources: [IndicatorValue.SourceRow] = []
        for code in inputs.participatingCodes {
            let rows = rowsBySchool[code] ?? []
            // The import keeps one row per school, year and item; should two slip in, one «нет» makes the item missing.
            let listed = items.flatMap { item in rows.filter { $0.item == item } }
            let unlisted = rows.filter { !items.contains($0.item) }.sorted { $0.item < $1.item }
            let absent = items.filter { item in listed.contains { $0.item == item && !$0.available } }
            let unknown = items.filter { item in !rows.contains { $0.item == item } }
            let meets = !items.isEmpty && absent.isEmpty && unknown.isEmpty
            parts.append(.init(schoolCode: code, schoolName: inputs.schoolName(code), numerator: meets ? 1 : 0,
                               denominator: items.isEmpty ? 0 : 1,
                               note: checklistNote(items: items, rows: rows, absent: absent, unknown: unknown)))
            sources += listed.map { row in
                let verdict = meets ? "засчитан"
                    : row.available ? "не засчитан: у школы недостаёт других пунктов" : "не засчитан"
                return .init(kind: .checklist, id: row.id, schoolCode: code, counted: meets,
                             description: "«\(row.item)», \(year): \(row.available ? "есть" : "нет") — \(verdict)")
            }
            sources += unlisted.map { row in
                .init(kind: .checklist, id: row.id, schoolCode: code, counted: false,
                      description: "«\(row.item)», \(year): \(row.available ? "есть" : "нет")"
                          + " — не входит в текущий перечень, не учитывается")
            }
        }
        var value = IndicatorValue(number: 1, year: year, breakdown: parts, sources: sources)
        value.explanation = ["Школ без недостающих пунктов перечня: \(ratio(value, "участвующих"))."]
        if items.isEmpty {
            value.explanation.append("Перечень условий равного доступа пуст: показатель не вычисляется.")
        } else {
            value.explanation.append("Школа засчитывается, если в \(year) году есть все пункты перечня (\(items.count));"
                + " пункт без сведений считается недостающим.")
        }
        return value
    }

    /// «нет: …; нет сведений по пунктам: …», or «нет данных» when the school sent no checklist for the year.
    private static func checklistNote(items: [String], rows: [ChecklistFact], absent: [String],
                                      unknown: [String]) -> String? {
        if items.isEmpty { return "перечень не задан" }
        if rows.isEmpty { return "нет данных" }
        var parts: [String] = []
        if !absent.isEmpty { parts.append("нет: " + absent.joined(separator: ", ")) }
        if !unknown.isEmpty { parts.append("нет сведений по пунктам: " + unknown.joined(separator: ", ")) }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
