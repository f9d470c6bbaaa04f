import Foundation

extension ProgrammeFile {
    /// The workbook's sheets, in the order of its template.
    public enum Sheet: String, CaseIterable, Sendable {
        case passport = "Паспорт"
        case plan = "План"
        case measures = "Мероприятия"
        case indicators = "Индикаторы"

        var tableName: String { "Лист «\(rawValue)»" }
    }

    /// The passport's fields as the «Паспорт» sheet names them (first column), in the template's order.
    public static let passportFields: [(title: String, example: String)] = [
        ("Наименование программы", "Муниципальная программа поддержки школ с НРО и школ, функционирующих в НСУ"),
        ("Основания для разработки", "Федеральный закон «Об образовании в Российской Федерации» от 29.12.2012 № 273-ФЗ"),
        ("Основные понятия", ""),
        ("Разработчики", ""),
        ("Исполнители", ""),
        ("Цель", ""),
        ("Задачи", ""),
        ("Целевые индикаторы", ""),
        ("Сроки реализации", ""),
        ("Механизм реализации", ""),
        ("Ожидаемые результаты", ""),
        ("Контроль", ""),
        ("Анализ ситуации", ""),
    ]

    /// A workbook of four sheets («Паспорт», «План», «Мероприятия», «Индикаторы»), each with its
    /// header in the first rows; a missing sheet or column is a problem, never a guess.
    public static func readWorkbook(_ sheets: [String: [[String]]], name: String?, years: ClosedRange<Int>) -> Reading {
        var draft = Draft(years: years)
        var found: [Sheet: Table] = [:]
        for sheet in Sheet.allCases {
            guard let rows = sheets.first(where: { key($0.key) == key(sheet.rawValue) })?.value else {
                draft.problem(nil, nil, "В книге нет листа «\(sheet.rawValue)»: нужны листы «Паспорт», «План», «Мероприятия» и «Индикаторы», как в образце.")
                continue
            }
            found[sheet] = Table(name: sheet.tableName, rows: rows.map { $0.map(clean) })
        }
        guard draft.problems.isEmpty, let passport = found[.passport], let plan = found[.plan],
              let measures = found[.measures], let indicators = found[.indicators] else { return draft.reading(name: name) }
        readPassport(passport, into: &draft)
        if let h = sheetHeader(plan, fits: isPlanHeader, required: [(.direction, "Целевые направления")], into: &draft) {
            if h.years.isEmpty {
                draft.problem(Place(table: plan.name, row: h.dataStart), nil, "нет столбцов с годами программы («\(years.lowerBound)», «\(years.lowerBound + 1)» …)")
            } else {
                readPlan(plan, h, into: &draft)
            }
        }
        if let h = sheetHeader(measures, fits: isMeasuresHeader,
                               required: [(.direction, "Целевые направления"), (.name, "Наименование мероприятия"), (.deadline, "Сроки")], into: &draft) {
            readMeasures(measures, h, into: &draft)
        }
        readIndicators(indicators, into: &draft)
        return draft.reading(name: name)
    }

    /// A sheet's header, or nil with a problem for each required column it lacks.
    static func sheetHeader(_ table: Table, fits: (Header) -> Bool, required: [(Column, String)], into draft: inout Draft) -> Header? {
        guard let first = table.rows.firstIndex(where: { $0.contains { !$0.isEmpty } }) else {
            draft.problem(Place(table: table.name, row: nil), nil, "лист пустой: нет строки с названиями столбцов")
            return nil
        }
        let h = findHeader(table.rows, fits: fits) ?? header(table.rows, endingAt: first)
        let missing = required.filter { h.index($0.0) == nil }
        for (_, title) in missing {
            draft.problem(Place(table: table.name, row: h.dataStart), nil, "нет столбца «\(title)»")
        }
        return missing.isEmpty ? h : nil
    }

    /// «Паспорт»: «Поле» and «Значение»; a field of several items (задачи, основания …) takes a row
    /// each, its name written once or on every row.
    static func readPassport(_ table: Table, into draft: inout Draft) {
        guard let headerRow = table.rows.firstIndex(where: { $0.contains { !$0.isEmpty } }) else {
            draft.problem(Place(table: table.name, row: nil), nil, "лист пустой: нет строки с названиями столбцов")
            return
        }
        let header = table.rows[headerRow].map(key)
        guard let fieldColumn = header.firstIndex(of: "поле"), let valueColumn = header.firstIndex(of: "значение") else {
            for (title, k) in [("Поле", "поле"), ("Значение", "значение")] where !header.contains(k) {
                draft.problem(Place(table: table.name, row: headerRow + 1), nil, "нет столбца «\(title)»")
            }
            return
        }
        for (i, label) in table.rows[headerRow].enumerated() where i != fieldColumn && i != valueColumn && !label.isEmpty {
            draft.notLoaded.append("\(table.name), столбец «\(label)»")
        }
        var field: String?
        var goal: [String] = [], developers: [String] = [], executors: [String] = [], term: [String] = []
        var mechanism: [String] = [], control: [String] = [], names: [String] = []
        for r in (headerRow + 1)..<table.rows.count {
            let row = cells(table.rows[r], width: max(fieldColumn, valueColumn) + 1)
            let place = Place(table: table.name, row: r + 1)
            if !row[fieldColumn].isEmpty { field = row[fieldColumn] }
            let value = row[valueColumn]
            guard !value.isEmpty else { continue }
            guard let label = field else {
                draft.problem(place, "Поле", "значение без названия поля")
                continue
            }
            let k = key(label)
            switch true {
            case k.hasPrefix("наименование"): names.append(value)
            case k.hasPrefix("основани"): draft.passport.basis.append(value)
            case k.contains("понят") || k.hasPrefix("термин"): draft.passport.terms.append(value)
            case k.hasPrefix("разработчик"): developers.append(value)
            case k.hasPrefix("исполнител"): executors.append(value)
            case k.contains("индикатор"): draft.passport.indicators.append(value)
            case k.hasPrefix("цель"): goal.append(value)
            case k.hasPrefix("задач"): draft.passport.tasks.append(value)
            case k.hasPrefix("срок"): term.append(value)
            case k.hasPrefix("механизм"): mechanism.append(value)
            case k.hasPrefix("ожидаем"): draft.passport.expectedResults.append(value)
            case k.hasPrefix("контрол"): control.append(value)
            case k.hasPrefix("анализ"): draft.analysis.paragraphs.append(value)
            default:
                draft.problem(place, "Поле", "поле «\(label.prefix(60))» неизвестно: поля паспорта — \(passportFields.map { "«\($0.title)»" }.joined(separator: ", "))")
            }
        }
        draft.passport.name = names.joined(separator: " ")
        draft.passport.goal = goal.joined(separator: "\n")
        draft.passport.developers = developers.joined(separator: "\n")
        draft.passport.executors = executors.joined(separator: "\n")
        if !term.isEmpty { draft.passport.term = term.joined(separator: "\n") }
        draft.passport.mechanism = mechanism.joined(separator: "\n")
        draft.passport.control = control.joined(separator: "\n")
    }

    /// «Индикаторы»: «№», «Целевой индикатор», «Единица измерения», «Базовое значение», «Источник
    /// данных» and a column per year of the period with its target.
    static func readIndicators(_ table: Table, into draft: inout Draft) {
        guard let headerRow = table.rows.firstIndex(where: { $0.contains { !$0.isEmpty } }) else {
            draft.problem(Place(table: table.name, row: nil), nil, "лист пустой: нет строки с названиями столбцов")
            return
        }
        enum Kind { case number, title, unit, baseline, source, target(Int) }
        var kinds: [Int: Kind] = [:]
        for (i, label) in table.rows[headerRow].enumerated() where !label.isEmpty {
            let k = key(label)
            if let y = year(heading: label) {
                if draft.years.contains(y) { kinds[i] = .target(y) } else {
                    draft.problem(Place(table: table.name, row: headerRow + 1), label, "\(y) год вне периода программы \(draft.period)")
                }
            } else if k.isEmpty || k == "пп" || k == "nпп" || k == "номер" {
                kinds[i] = .number
            } else if k.contains("индикатор") || k.hasPrefix("наименование") {
                kinds[i] = .title
            } else if k.hasPrefix("единиц") {
                kinds[i] = .unit
            } else if k.hasPrefix("базов") {
                kinds[i] = .baseline
            } else if k.hasPrefix("источник") {
                kinds[i] = .source
            } else {
                draft.notLoaded.append("\(table.name), столбец «\(label)»")
            }
        }
        let labels = table.rows[headerRow]
        func column(_ match: (Kind) -> Bool) -> Int? { kinds.filter { match($0.value) }.map(\.key).min() }
        let numberColumn = column { if case .number = $0 { true } else { false } }
        let titleColumn = column { if case .title = $0 { true } else { false } }
        let unitColumn = column { if case .unit = $0 { true } else { false } }
        var missing = false
        for (c, title) in [(numberColumn, "№"), (titleColumn, "Целевой индикатор"), (unitColumn, "Единица измерения")] where c == nil {
            draft.problem(Place(table: table.name, row: headerRow + 1), nil, "нет столбца «\(title)»")
            missing = true
        }
        guard !missing, let numberColumn, let titleColumn, let unitColumn else { return }
        let width = (kinds.keys.max() ?? 0) + 1
        var numbers = Set<Int>()
        for r in (headerRow + 1)..<table.rows.count {
            let row = cells(table.rows[r], width: width)
            let place = Place(table: table.name, row: r + 1)
            guard row.contains(where: { !$0.isEmpty }) else { continue }
            guard let number = Int(row[numberColumn].trimmingCharacters(in: CharacterSet(charactersIn: "."))), number > 0 else {
                draft.problem(place, labels[numberColumn], "«\(row[numberColumn].prefix(20))» — не номер индикатора")
                continue
            }
            guard numbers.insert(number).inserted else {
                draft.problem(place, labels[numberColumn], "индикатор № \(number) записан дважды")
                continue
            }
            guard !row[titleColumn].isEmpty else {
                draft.problem(place, labels[titleColumn], "нет названия индикатора")
                continue
            }
            var indicator = ProgrammeTemplate.Indicator(number: number, title: row[titleColumn], unit: row[unitColumn],
                                                        baselineYear: draft.years.lowerBound - 1, baseline: nil, targets: [])
            var bad = false
            for (c, kind) in kinds.sorted(by: { $0.key < $1.key }) where !row[c].isEmpty {
                switch kind {
                case .baseline, .target:
                    guard let value = Double(row[c].replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "%", with: "")
                        .trimmingCharacters(in: .whitespaces)), value.isFinite else {
                        draft.problem(place, labels[c], "«\(row[c].prefix(20))» — не число")
                        bad = true
                        continue
                    }
                    if case .target(let y) = kind { indicator.targets.append(.init(year: y, value: value)) } else { indicator.baseline = value }
                case .source: indicator.source = row[c]
                case .number, .title, .unit: break
                }
            }
            if !bad { draft.indicators.append(indicator) }
        }
    }
}
