/// The school registry: code, names, settlement, type, the ФИС ОКО login, ОКПО and ИНН, a branch's
/// parent school, the distance to the district centre.
public enum SchoolsFile {
    public static let columns = ColumnSet([
        .init("code", "Код ОО", .text(rule: "код школы: \(SchoolCode.rule)", example: "S000001"), required: true,
              ["код", "код школы", "код организации"]),
        .init("name", "Полное наименование ОО", .text(rule: "полное наименование по уставу", example: "МБОУ «Средняя школа № 1»"), required: true,
              ["наименование", "название", "полное наименование", "наименование оо", "наименование школы"]),
        .init("short_name", "Краткое наименование", .text(rule: "как школа названа на страницах; пусто — полное", example: "СОШ № 1"),
              ["краткое название", "сокращенное наименование", "краткое наименование оо"]),
        .init("settlement", "Населённый пункт", .text(rule: "село, посёлок, город", example: "с. Ключи"), ["поселение"]),
        .init("type", "Тип ОО", .text(rule: "\(SchoolType.russianList)", example: "СОШ"), ["тип", "вид оо", "тип школы", "вид организации"]),
        .init("login", "Логин ОО", .text(rule: "логин школы в ФИС ОКО: по нему читаются файлы результатов", example: "sch000001"),
              ["логин", "логин фис око", "login"]),
        .init("okpo", "ОКПО", .text(rule: "код ОКПО: 8 или 10 цифр", example: "12345678"), ["код окпо"]),
        .init("inn", "ИНН", .text(rule: "ИНН организации: 10 цифр", example: "3801000001"), ["инн организации"]),
        .init("parent_code", "Код головной ОО", .text(rule: "для филиала — код школы, филиалом которой он является", example: ""),
              ["головная школа", "код головной школы", "код основной школы"]),
        .init("distance_km", "Расстояние до районного центра, км", .decimal, ["расстояние", "расстояние до центра", "км", "расстояние, км"]),
    ])

    public static func parse(_ table: ImportTable) -> Result<[SchoolRecord], ImportProblems> {
        var seen: [String: Int] = [:]
        var logins: [String: Int] = [:]
        return columns.parse(table) { r in
            let code = r.required("code", "код школы")
            let name = r.required("name", "наименование школы")
            var type: String?
            if let t = r.text("type") {
                type = SchoolType.canonical(t)
                if type == nil { r.problem("type", t, "тип школы — \(SchoolType.russianList).") }
            }
            let distance = r.decimal("distance_km", "Расстояние", nonNegative: true)
            let okpo = digits(&r, "okpo", counts: [8, 10], "ОКПО — 8 или 10 цифр.")
            let inn = digits(&r, "inn", counts: [10], "ИНН организации — 10 цифр.")
            let login = r.text("login")
            if let login { r.unique(FileShape.loginKey(login), &logins, "login", login, "этот логин") }
            let parent = r.text("parent_code")
            if type == SchoolType.branch && parent == nil { r.problem("parent_code", nil, "у филиала укажите код головной школы.") }
            if let parent, parent == code { r.problem("parent_code", parent, "школа не может быть филиалом самой себя.") }
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
                                type: type, distanceKm: distance, login: login, okpo: okpo, inn: inn, parentCode: parent)
        }
    }

    static func digits(_ r: inout RowReader, _ key: String, counts: Set<Int>, _ reason: String) -> String? {
        guard let t = r.text(key) else { return nil }
        guard counts.contains(t.count), t.allSatisfy(\.isASCIIDigit) else { r.problem(key, t, reason); return nil }
        return t
    }
}
