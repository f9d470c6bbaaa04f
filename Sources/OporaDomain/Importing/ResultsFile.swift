import Foundation

/// School-level results: `year,kind,grade,subject,school_code,participants,fails,marks3,marks4,marks5,mean_score`,
/// or the federal ВПР form with percent columns `% «2»` … `% «5»`.
public enum ResultsFile {
    static let kind = ColumnSet.Column("kind", "Вид процедуры", .procedureKind, required: true, ["вид", "процедура", "оценочная процедура", "вид оценочной процедуры"])
    static let grade = ColumnSet.Column("grade", "Класс", .grade, required: true, ["параллель"])
    static let subject = ColumnSet.Column("subject", "Предмет", .text(rule: "учебный предмет", example: "Математика"), required: true,
                                          ["учебный предмет"])

    public static let columns = ColumnSet([
        ColumnSet.year, kind, grade, subject, ColumnSet.schoolCode,
        .init("participants", "Число участников", .count, required: true,
              ["участников", "количество участников", "кол-во участников", "писали", "число писавших", "выполняли работу"]),
        .init("fails", "Число „2“", .count, ["двоек", "2", "marks2", "количество 2", "кол-во 2", "не преодолели минимальный порог", "не сдали",
                                            "ниже минимального балла"]),
        .init("marks3", "Число „3“", .count, ["3", "количество 3", "кол-во 3"]),
        .init("marks4", "Число „4“", .count, ["4", "количество 4", "кол-во 4"]),
        .init("marks5", "Число „5“", .count, ["5", "количество 5", "кол-во 5"]),
        .init("mean_score", "Средний балл", .decimal, ["средний первичный балл", "средняя отметка"]),
        // Keyed as the federal form heads them, so a problem names the column the user sees.
        .init(percentKeys[0], "% „2“", .percent, ["%2", "2%", "доля 2", "2 (%)", "процент 2", "% 2"]),
        .init(percentKeys[1], "% „3“", .percent, ["%3", "3%", "доля 3", "3 (%)", "процент 3", "% 3"]),
        .init(percentKeys[2], "% „4“", .percent, ["%4", "4%", "доля 4", "4 (%)", "процент 4", "% 4"]),
        .init(percentKeys[3], "% „5“", .percent, ["%5", "5%", "доля 5", "5 (%)", "процент 5", "% 5"]),
    ])

    static let percentKeys = ["% «2»", "% «3»", "% «4»", "% «5»"]

    public static func parse(_ table: ImportTable, knownSchoolCodes: Set<String>) -> Result<[ResultRow], ImportProblems> {
        var (index, fileProblems) = columns.map(table.header)
        if index["fails"] == nil && index[percentKeys[0]] == nil {
            fileProblems.append(ImportProblem(line: nil, column: "fails", value: nil,
                                              reason: "В файле нет ни столбца «Число „2“» (или не преодолевших порог), ни столбца «% „2“»."))
        }
        guard fileProblems.isEmpty else { return .failure(ImportProblems(fileProblems)) }
        let lines = table.rows.filter { !$0.isBlank }
        let columnIndex = index
        // Rows are checked a chunk per core (a country's file has 1.5 million), then repeated keys in file order.
        let chunks = lines.count < 20_000 ? 1 : max(1, ProcessInfo.processInfo.activeProcessorCount)
        let size = (lines.count + chunks - 1) / max(chunks, 1)
        var checked = [[Checked]](repeating: [], count: chunks)
        checked.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                var subjects: [String: String] = [:]
                out[c] = lines[min(c * size, lines.count)..<min((c + 1) * size, lines.count)].map {
                    check($0, columnIndex, known: knownSchoolCodes, subjects: &subjects)
                }
            }
        }
        var problems: [ImportProblem] = []
        var rows: [ResultRow] = []
        rows.reserveCapacity(lines.count)
        var seen: [ResultRow.Key: Int] = [:]
        for c in checked.joined() {
            var rowProblems = c.problems
            if let key = c.key {
                if let first = seen[key] {
                    rowProblems.append(RowReader.repeated(line: c.line, "school_code", key.schoolCode, "та же школа, год и процедура", first: first))
                } else { seen[key] = c.line }
            }
            problems += rowProblems
            if rowProblems.isEmpty, let row = c.row { rows.append(row) }
        }
        return problems.isEmpty ? .success(rows) : .failure(ImportProblems(problems))
    }

    /// One row checked, without the check for a repeated key, which needs the rows before it.
    struct Checked {
        var line: Int
        var key: ResultRow.Key?
        var problems: [ImportProblem]
        var row: ResultRow?
    }

    static func check(_ row: ImportTable.Row, _ index: [String: Int], known knownSchoolCodes: Set<String>,
                      subjects: inout [String: String]) -> Checked {
        var r = RowReader(row, index)
        let key = readKey(&r, known: knownSchoolCodes, subjects: &subjects)
        let inPercent = percentKeys.contains { r.text($0) != nil }
        let n = r.count("participants", inPercent ? "число участников (по нему проценты пересчитываются в числа)" : "Число участников", required: true)
        var fails = r.count("fails", "Число „2“", required: false)
        var marks = [r.count("marks3", "Число „3“", required: false), r.count("marks4", "Число „4“", required: false),
                     r.count("marks5", "Число „5“", required: false)]
        let mean = r.decimal("mean_score", "Средний балл", nonNegative: true)
        let percents = percentKeys.map { r.percent($0) }
        if let n {
            for (i, p) in percents.enumerated() {
                guard let p else { continue }
                let col = percentKeys[i]
                guard (0...100).contains(p) else { r.problem(col, r.text(col), "процент должен быть от 0 до 100."); continue }
                let people = Int((Double(n) * p / 100).rounded())
                if i == 0 { fails = fails ?? people } else { marks[i - 1] = marks[i - 1] ?? people }
            }
            let given = percents.compactMap { $0 }
            if given.count == 4, abs(given.reduce(0, +) - 100) > 1 {
                r.problem(percentKeys[0], r.text(percentKeys[0]), "проценты отметок в сумме дают \(format(given.reduce(0, +)))%, а не 100%.")
            }
        }
        if fails == nil && r.text("fails") == nil && r.text(percentKeys[0]) == nil { r.problem("fails", nil, "не заполнено: число «2» (не преодолевших порог).") }
        if let n {
            if let f = fails, f > n { r.problem("fails", r.text("fails") ?? String(f), "«2» больше, чем участников (\(n)).") }
            for (i, m) in marks.enumerated() where m != nil && m! > n {
                r.problem("marks\(i + 3)", r.text("marks\(i + 3)") ?? String(m!), "отметок «\(i + 3)» больше, чем участников (\(n)).")
            }
            // Only counts given as counts must add up exactly; counts from percents are rounded.
            if percents.allSatisfy({ $0 == nil }), let f = fails, let m3 = marks[0], let m4 = marks[1], let m5 = marks[2], f + m3 + m4 + m5 != n {
                r.problem("marks3", "\(f)+\(m3)+\(m4)+\(m5)", "отметки не складываются в число участников: \(f)+\(m3)+\(m4)+\(m5) = \(f + m3 + m4 + m5), участников \(n).")
            }
        }
        var result: ResultRow?
        if r.problems.isEmpty, let key, let n, let fails {
            result = ResultRow(year: key.year, procedure: key.procedure, schoolCode: key.schoolCode, participants: n, fails: fails,
                               marks3: marks[0], marks4: marks[1], marks5: marks[2], meanScore: mean)
        }
        return Checked(line: row.line, key: key, problems: r.problems, row: result)
    }

    /// Year, kind, grade, subject and school of a row.
    /// `subjects` remembers each subject's normalised form: a file names a few dozen subjects in a million rows.
    static func readKey(_ r: inout RowReader, known: Set<String>, subjects: inout [String: String]) -> ResultRow.Key? {
        let year = r.year()
        var kind: AssessmentKind?
        if let t = r.required("kind", "вид процедуры") {
            kind = AssessmentKind(text: t)
            if kind == nil { r.problem("kind", t, "неизвестный вид процедуры: ожидается vpr, oge, ege, regional, municipal или ВПР, ОГЭ, ЕГЭ, РДР, МДР.") }
        }
        var grade: Int?
        if let t = r.required("grade", "класс") {
            grade = Int(t)
            if grade == nil || !(1...11).contains(grade!) { r.problem("grade", t, "класс — число от 1 до 11."); grade = nil }
        }
        let subject = r.required("subject", "предмет")
        let school = r.school("school_code", known: known, allowRegion: true)
        guard let year, let kind, let grade, let subject, let school else { return nil }
        let normalised = subjects[subject] ?? Procedure.normalise(subject)
        subjects[subject] = normalised
        return ResultRow.Key(year: year, procedure: Procedure(kind: kind, grade: grade, normalisedSubject: normalised), schoolCode: school)
    }

    static func format(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v).replacingOccurrences(of: ".", with: ",")
    }
}

/// Student-level results, aggregated into school-level rows: `year,kind,grade,subject,school_code,participant_code,score,mark`
/// or `passed` for ГИА. Only participant codes are read: a file with a name column is refused.
public enum StudentResultsFile {
    public static let columns = ColumnSet([
        ColumnSet.year, ResultsFile.kind, ResultsFile.grade, ResultsFile.subject, ColumnSet.schoolCode,
        .init("participant_code", "Код участника", .text(rule: "код участника из протокола; имена не загружаются", example: "0123456"),
              required: true, ["код работы", "номер участника"]),
        .init("score", "Балл", .decimal, ["первичный балл", "сумма баллов"]),
        .init("mark", "Отметка", .text(rule: "отметка от 2 до 5", example: "4"), ["оценка"]),
        .init("passed", "Сдал", .text(rule: "сдал или не сдал (да или нет)", example: "да"), ["преодолел порог", "преодолел минимальный порог"]),
    ])

    /// Words of a header that names a person or where one lives: «ФИО обучающегося», «Фамилия, имя», «last_name»,
    /// «Дата рождения (ДД.ММ.ГГГГ)». A school's or a subject's name or address («Адрес ОО», «school_name») is not a person's.
    static let personalWords: Set<String> = ["фио", "фамилия", "имя", "отчество", "name", "surname", "firstname", "lastname", "fullname",
                                             "birth", "birthday", "birthdate", "dob", "рождения", "адрес", "address"]
    static let organisationWords: Set<String> = ["оо", "оу", "школа", "школы", "school", "организации", "организация", "organisation",
                                                 "organization", "предмет", "предмета", "subject"]

    static func isPersonalData(_ header: String) -> Bool {
        let words = ColumnSet.normalise(header).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        if words.contains(where: organisationWords.contains) { return false }
        return words.contains(where: personalWords.contains) || words.joined() == "фио"
    }

    public static func parse(_ table: ImportTable, knownSchoolCodes: Set<String>) -> Result<[ResultRow], ImportProblems> {
        let personal = table.header.filter(isPersonalData)
        if !personal.isEmpty {
            return .failure(ImportProblems(personal.map {
                ImportProblem(line: nil, column: $0, value: nil,
                              reason: "Файл содержит персональные данные (столбец «\($0)»): удалите столбец и загрузите снова.")
            }))
        }
        var (index, fileProblems) = columns.map(table.header)
        if index["mark"] == nil && index["passed"] == nil {
            fileProblems.append(ImportProblem(line: nil, column: "mark", value: nil, reason: "В файле нет ни столбца «Отметка», ни столбца «Сдал»."))
        }
        guard fileProblems.isEmpty else { return .failure(ImportProblems(fileProblems)) }
        struct Group { var n = 0; var fails = 0; var marks = [0, 0, 0]; var hasMarks = true; var scores: [Double] = []; var allScored = true }
        var problems: [ImportProblem] = []
        var groups: [ResultRow.Key: Group] = [:]
        var order: [ResultRow.Key] = []
        var seen: [String: Int] = [:]
        var subjects: [String: String] = [:]
        for row in table.rows where !row.isBlank {
            var r = RowReader(row, index)
            let key = ResultsFile.readKey(&r, known: knownSchoolCodes, subjects: &subjects)
            let participant = r.required("participant_code", "код участника")
            var mark: Int?
            if let t = r.text("mark") {
                mark = Int(t)
                if mark == nil || !(2...5).contains(mark!) { r.problem("mark", t, "отметка — число от 2 до 5."); mark = nil }
            }
            let passed: Bool?
            switch r.text("passed")?.lowercased() {
            case "сдал": passed = true
            case "не сдал": passed = false
            default: passed = r.yesNo("passed", "«сдал»", required: false)
            }
            if r.text("mark") == nil && r.text("passed") == nil { r.problem("mark", nil, "не заполнено: отметка или «сдал».") }
            if let mark, let passed, (mark >= 3) != passed {
                r.problem("passed", r.text("passed"), "отметка «\(mark)» и «\(passed ? "сдал" : "не сдал")» противоречат друг другу.")
            }
            let score = r.decimal("score", "Балл")
            if let key, let participant {
                r.unique("\(key.year)|\(key.procedure.russian)|\(key.schoolCode)|\(participant)", &seen, "participant_code", participant,
                         "этот участник этой процедуры")
            }
            problems += r.problems
            guard r.problems.isEmpty, let key else { continue }
            if groups[key] == nil { order.append(key) }
            var g = groups[key] ?? Group()
            g.n += 1
            if mark == 2 || passed == false { g.fails += 1 }
            if let m = mark, m >= 3 { g.marks[m - 3] += 1 }
            if mark == nil { g.hasMarks = false }
            if let score { g.scores.append(score) } else { g.allScored = false }
            groups[key] = g
        }
        guard problems.isEmpty else { return .failure(ImportProblems(problems)) }
        return .success(order.map { key in
            let g = groups[key]!
            return ResultRow(year: key.year, procedure: key.procedure, schoolCode: key.schoolCode, participants: g.n, fails: g.fails,
                             marks3: g.hasMarks ? g.marks[0] : nil, marks4: g.hasMarks ? g.marks[1] : nil, marks5: g.hasMarks ? g.marks[2] : nil,
                             meanScore: g.allScored && !g.scores.isEmpty ? g.scores.reduce(0, +) / Double(g.scores.count) : nil)
        })
    }
}
