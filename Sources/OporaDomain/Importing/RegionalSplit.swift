/// A file of a whole region split into one table per municipality, each then imported by its
/// municipality's own rules. The school registry names each school's municipality in a column of its
/// own; every other kind finds it by the school code in the region's registry. Rows keep their lines,
/// so every problem is still named by the line of the file the user has.
public enum RegionalSplit {
    /// The kinds a region loads at once: its registry, the schools' social context, results.
    public static let kinds: [ImportKind] = [.schools, .context, .results]

    static let municipalityColumn = ColumnSet([.init("municipality", "Муниципалитет", .text(rule: "муниципалитет региона, как он назван в Опоре", example: "Заречный район"),
                                                        required: true, ["муниципальное образование", "мо", "район", "муниципальный район"])])
    static let schoolColumn = ColumnSet([ColumnSet.schoolCode])

    /// Whether a header names the municipality column of a region's registry.
    public static func namesMunicipality(_ header: String) -> Bool { municipalityColumn.key(for: header) != nil }

    /// Names compare without case, extra spaces, quotes and «ё».
    public static func key(_ name: String) -> String { ColumnSet.normalise(name) }

    /// - municipalities: the region's municipalities by name;
    /// - registry: each school code of the region with the municipalities it is registered in.
    /// The answer maps municipality names (as given) to their part of the file; municipalities the
    /// file does not name are absent. A row of the reference (`REGION`) goes to every municipality the
    /// file has schools of (to every one of the region when the file has reference rows only).
    public static func split(_ table: ImportTable, kind: ImportKind, municipalities: [String],
                             registry: [String: [String]]) -> Result<[String: ImportTable], ImportProblems> {
        let byKey = Dictionary(municipalities.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        if byKey.count < municipalities.count {
            let twice = Dictionary(grouping: municipalities, by: key).values.filter { $0.count > 1 }.map { $0.joined(separator: " и ") }
            return .failure(ImportProblems([ImportProblem(line: nil, column: "Муниципалитет", value: nil,
                reason: "В регионе есть муниципалитеты, чьи названия различаются только написанием: \(twice.joined(separator: "; ")). Переименуйте один из них.")]))
        }
        var parts: [String: [ImportTable.Row]] = [:]
        var problems: [ImportProblem] = []
        var header = table.header
        let codeIndex = kind == .schools ? table.header.firstIndex { SchoolsFile.columns.key(for: $0) == "code" }
                                         : table.header.firstIndex { schoolColumn.key(for: $0) == "school_code" }
                                            ?? table.header.firstIndex { schoolColumn.key(for: $0) == "school_login" }
        if kind == .schools {
            guard let m = table.header.firstIndex(where: { municipalityColumn.key(for: $0) != nil }) else {
                return .failure(ImportProblems([ImportProblem(line: nil, column: "Муниципалитет", value: nil,
                    reason: "В реестре школ региона нет столбца «Муниципалитет»: по нему каждая школа попадает в свой муниципалитет.")]))
            }
            header.remove(at: m)
            var placed: [String: (String, Int)] = [:]
            for row in table.rows where !row.isBlank {
                let name = m < row.cells.count ? row.cells[m].trimmedCell : ""
                guard let municipality = byKey[key(name)] else {
                    problems.append(ImportProblem(line: row.line, column: "Муниципалитет", value: name,
                                                  reason: name.isEmpty ? "Не указан муниципалитет школы." : "В регионе нет такого муниципалитета."))
                    continue
                }
                if let c = codeIndex, c < row.cells.count {
                    let code = row.cells[c].trimmedCell
                    if let other = (registry[code] ?? []).first(where: { key($0) != key(municipality) }) {
                        problems.append(ImportProblem(line: row.line, column: "Код школы", value: code,
                                                      reason: "Школа с этим кодом уже есть в муниципалитете «\(other)»: код школы в регионе один."))
                    } else if let (first, line) = placed[code], key(first) != key(municipality) {
                        problems.append(ImportProblem(line: row.line, column: "Код школы", value: code,
                                                      reason: "Этот код уже у школы муниципалитета «\(first)» (строка \(line))."))
                    } else if !code.isEmpty {
                        placed[code] = (municipality, row.line)
                    }
                }
                var cells = row.cells
                if m < cells.count { cells.remove(at: m) }
                parts[municipality, default: []].append(ImportTable.Row(line: row.line, cells: cells))
            }
        } else {
            guard let c = codeIndex else {
                return .failure(ImportProblems([ImportProblem(line: nil, column: "school_code", value: nil,
                    reason: "В файле нет столбца «Код школы»: по нему строки попадают в муниципалитет школы.")]))
            }
            var reference: [ImportTable.Row] = []
            for row in table.rows where !row.isBlank {
                let code = c < row.cells.count ? row.cells[c].trimmedCell : ""
                if code == ResultRow.regionCode {
                    reference.append(row)
                    continue
                }
                let places = registry[code] ?? []
                guard places.count == 1, let municipality = places.first else {
                    problems.append(ImportProblem(line: row.line, column: "Код школы", value: code,
                        reason: places.isEmpty ? "Школы с таким кодом нет в реестре региона." : "Код есть у школ нескольких муниципалитетов: \(places.joined(separator: ", "))."))
                    continue
                }
                parts[municipality, default: []].append(row)
            }
            // The reference goes to every municipality the file has schools of, or, in a file of
            // reference rows only, to every municipality of the region.
            if !reference.isEmpty {
                for m in parts.isEmpty ? municipalities : Array(parts.keys) {
                    parts[m] = (parts[m, default: []] + reference).sorted { $0.line < $1.line }
                }
            }
        }
        guard problems.isEmpty else { return .failure(ImportProblems(problems)) }
        return .success(parts.mapValues { ImportTable(header: header, rows: $0) })
    }
}
