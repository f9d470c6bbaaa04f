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
        var seen: [String: Int] = [:]
        return columns.parse(table) { r in
            let code = r.required("code", "код школы")
            let name = r.required("name", "наименование школы")
            var type = r.text("type")?.uppercased()
            if let t = type, !["СОШ", "ООШ", "НОШ"].contains(t) {
                r.problem("type", t, "тип школы — СОШ, ООШ или НОШ.")
                type = nil
            }
            let distance = r.decimal("distance_km", "Расстояние", nonNegative: true)
            if let code, !SchoolCode.isValid(code) {
                r.problem("code", code, "код школы — \(SchoolCode.rule).")
                return nil
            }
            if let code { r.unique(code, &seen, "code", code, "этот код") }
            if code == ResultRow.regionCode {
                r.problem("code", code, "код REGION зарезервирован для регионального ориентира в файлах результатов.")
                return nil
            }
            guard let code, let name else { return nil }
            return SchoolRecord(code: code, name: name, shortName: r.text("short_name") ?? name, settlement: r.text("settlement"),
                                type: type, distanceKm: distance)
        }
    }
}
