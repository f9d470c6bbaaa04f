/// The school registry: `code,name,short_name,settlement,type,distance_km`.
public enum SchoolsFile {
    public static let columns = ColumnSet([
        ("code", ["код", "код школы", "код оо"], true),
        ("name", ["наименование", "название", "полное наименование"], true),
        ("short_name", ["краткое наименование", "краткое название"], false),
        ("settlement", ["населенный пункт"], false),
        ("type", ["тип", "вид оо"], false),
        ("distance_km", ["расстояние", "расстояние до центра", "км", "расстояние до районного центра, км"], false),
    ])

    public static func parse(_ table: ImportTable) -> Result<[SchoolRecord], ImportProblems> {
        let (index, fileProblems) = columns.map(table.header)
        guard fileProblems.isEmpty else { return .failure(ImportProblems(fileProblems)) }
        var problems: [ImportProblem] = []
        var records: [SchoolRecord] = []
        var seen: [String: Int] = [:]
        for row in table.rows where !row.isBlank {
            var r = RowReader(row, index)
            let code = r.required("code", "код школы")
            let name = r.required("name", "наименование школы")
            var type = r.text("type")?.uppercased()
            if let t = type, !["СОШ", "ООШ", "НОШ"].contains(t) {
                r.problem("type", t, "тип школы — СОШ, ООШ или НОШ.")
                type = nil
            }
            let distance = r.decimal("distance_km", "Расстояние")
            if let d = distance, d < 0 { r.problem("distance_km", r.text("distance_km"), "расстояние не может быть отрицательным.") }
            if let code {
                if let first = seen[code] { r.problem("code", code, "повтор: этот код уже в строке \(first).") } else { seen[code] = row.line }
            }
            problems += r.problems
            if r.problems.isEmpty, let code, let name {
                records.append(SchoolRecord(code: code, name: name, shortName: r.text("short_name") ?? name, settlement: r.text("settlement"),
                                            type: type, distanceKm: distance))
            }
        }
        return problems.isEmpty ? .success(records) : .failure(ImportProblems(problems))
    }
}
