/// The equal-access checklist per school and year, long (`year,school_code,item,available`) or wide
/// (`year,school_code` and one да/нет column per item, headed by the item).
public enum ChecklistFile {
    public static let columns = ColumnSet([
        ColumnSet.year,
        ColumnSet.schoolCode,
        .init("item", "Пункт перечня", .text(rule: "пункт перечня равного доступа, как на странице «Индикаторы»", example: "Доступ к высокоскоростному интернету"), required: true, ["пункт", "пункт перечня", "условие"]),
        .init("available", "Есть", .yesNo, required: true, ["есть", "имеется", "наличие"]),
    ])

    /// `knownItems` is the municipality's current list; an item is stored in its spelling there.
    public static func parse(_ table: ImportTable, knownSchoolCodes: Set<String>, knownItems: [String]) -> Result<[ChecklistFact], ImportProblems> {
        let wide = ColumnSet([ColumnSet.year, ColumnSet.schoolCode] + knownItems.map { ColumnSet.Column($0, $0, .yesNo) })
        let hasItemColumns = table.header.contains { wide.key(for: $0).map(knownItems.contains) == true }
        var seen: [String: Int] = [:]
        if hasItemColumns && columns.map(table.header).index["item"] == nil {
            return wide.parse(table) { (r: inout RowReader) -> [ChecklistFact]? in
                let year = r.year()
                let school = r.school("school_code", known: knownSchoolCodes, allowRegion: false)
                let given = knownItems.filter { r.index[$0] != nil }
                let available = given.map { r.yesNo($0, "Есть ли «\($0)»", required: true) }
                guard let year, let school else { return nil }
                r.unique("\(school)|\(year)", &seen, "school_code", school, "эта школа и этот год")
                return zip(given, available).compactMap { item, available in
                    available.map { ChecklistFact(id: "\(school)|\(year)|\(item)", schoolCode: school, year: year, item: item, available: $0) }
                }
            }.map { $0.flatMap { $0 } }
        }
        let canonical = Dictionary(knownItems.map { (ColumnSet.normalise($0), $0) }, uniquingKeysWith: { a, _ in a })
        return columns.parse(table) { r in
            let year = r.year()
            let school = r.school("school_code", known: knownSchoolCodes, allowRegion: false)
            var item: String?
            if let t = r.required("item", "пункт перечня") {
                item = canonical[ColumnSet.normalise(t)]
                if item == nil { r.problem("item", t, "неизвестный пункт: в перечне только \(knownItems.map { "«\($0)»" }.joined(separator: ", ")).") }
            }
            let available = r.yesNo("available", "«Есть»", required: true)
            guard let year, let school, let item else { return nil }
            let id = "\(school)|\(year)|\(item)"
            r.unique(id, &seen, "item", item, "этот пункт этой школы за этот год")
            guard let available else { return nil }
            return ChecklistFact(id: id, schoolCode: school, year: year, item: item, available: available)
        }
    }
}
