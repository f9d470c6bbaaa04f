import Foundation

extension ProgrammeFile {
    /// A programme document's tables: the plan tables (Приложение 1: «Целевые направления» and a
    /// column per year) and the measures tables (Приложение 2: «Наименование», «Сроки» …), found by
    /// their header cells; other tables are named as not loaded.
    public static func readDocument(_ tables: [Table], name: String?, years: ClosedRange<Int>) -> Reading {
        var draft = Draft(years: years)
        var plans: [(Table, Header)] = []
        var measures: [(Table, Header)] = []
        for table in tables {
            if let h = findHeader(table.rows, fits: isMeasuresHeader) {
                measures.append((table, h))
            } else if let h = findHeader(table.rows, fits: isPlanHeader) {
                plans.append((table, h))
            } else if !table.rows.isEmpty {
                draft.notLoaded.append("\(table.name): не таблица плана и не таблица мероприятий")
            }
        }
        if plans.isEmpty && measures.isEmpty {
            draft.problem(nil, nil, "В документе не найдено таблиц программы: ни плана по годам (Приложение 1: столбцы «Целевые направления» и годы программы), ни мероприятий (Приложение 2: столбцы «Наименование мероприятия», «Сроки», «Ответственные», «Продукт/результат»).")
            return draft.reading(name: name)
        }
        for (table, header) in plans { readPlan(table, header, into: &draft) }
        for (table, header) in measures { readMeasures(table, header, into: &draft) }
        return draft.reading(name: name)
    }

    /// The columns of `h` that no reader of this kind of table takes, named as not loaded.
    static func noteUnread(_ table: Table, _ h: Header, reading kinds: [Column], into draft: inout Draft) {
        for (kind, label) in zip(h.columns, h.labels) {
            guard let kind else { continue }
            if case .year = kind, kinds.contains(.year(0)) { continue }
            if !kinds.contains(kind) { draft.notLoaded.append("\(table.name), столбец «\(label.isEmpty ? "без названия" : label)»") }
        }
    }

    /// The headings before a table's header: paragraphs before it in the document, then its own rows.
    static func readLead(_ table: Table, _ h: Header, into draft: inout Draft, year: inout Int?, direction: inout Int?, section: inout Int?) {
        for text in table.before.suffix(3) {
            _ = draft.heading(clean(text), at: Place(table: table.name, row: nil), weak: true, year: &year, direction: &direction, section: &section)
        }
        for r in 0..<h.start {
            let row = cells(table.rows[r], width: h.columns.count)
            guard let text = heading(row, firstColumn: nil) else { continue }
            if !draft.heading(text, at: Place(table: table.name, row: r + 1), weak: false, year: &year, direction: &direction, section: &section) {
                draft.notLoaded.append("\(table.name), строка \(r + 1): «\(text.prefix(80))»")
            }
        }
    }

    /// Приложение 1: a row per direction (number, title) and a column per year holding that year's task;
    /// the rows under a direction hold its further tasks; «1. …» rows head sections, «Прогнозируемый
    /// результат» rows end them.
    static func readPlan(_ table: Table, _ h: Header, into draft: inout Draft) {
        draft.recognised.append("\(table.name) — план: направления и задачи по годам (Приложение 1)")
        noteUnread(table, h, reading: [.number, .section, .direction, .expectedResult, .year(0)], into: &draft)
        let width = h.columns.count
        let codeColumn = h.index(.number), titleColumn = h.index(.direction), sectionColumn = h.index(.section), expectedColumn = h.index(.expectedResult)
        var yearColumns: [(index: Int, year: Int)] = []
        for (i, y) in h.years {
            if draft.years.contains(y) { yearColumns.append((i, y)) } else {
                draft.problem(Place(table: table.name, row: h.dataStart), h.labels[i], "\(y) год вне периода программы \(draft.period)")
            }
        }
        var year: Int?, current: Int?, section: Int?
        readLead(table, h, into: &draft, year: &year, direction: &current, section: &section)
        for r in h.dataStart..<table.rows.count {
            let row = cells(table.rows[r], width: width)
            let place = Place(table: table.name, row: r + 1)
            guard row.contains(where: { !$0.isEmpty }), !repeatsHeader(row, h) else { continue }
            if let label = row.first(where: { !$0.isEmpty }), isExpectedResultLabel(label) {
                let text = row.last(where: { !$0.isEmpty && $0 != label }) ?? ""
                if !text.isEmpty { draft.expectedResult(text, section: section ?? current.map { draft.directions[$0].section }, at: place) }
                continue
            }
            if let text = heading(row, firstColumn: h.columns.first ?? nil) {
                if !draft.heading(text, at: place, weak: false, year: &year, direction: &current, section: &section) {
                    draft.notLoaded.append("\(table.name), строка \(r + 1): «\(text.prefix(80))»")
                }
                continue
            }
            if let c = sectionColumn, !row[c].isEmpty {
                guard let n = numbered(row[c]), n.numbers.count == 1, !n.rest.isEmpty else {
                    draft.problem(place, h.labels[c], "раздел «\(row[c].prefix(60))» записан не как «1. Название раздела»")
                    continue
                }
                draft.section(n.numbers[0], title: n.rest, weak: false, at: place)
                section = n.numbers[0]
            }
            var code = codeColumn.map { row[$0] } ?? ""
            var title = titleColumn.map { row[$0] } ?? ""
            if code.isEmpty, let n = numbered(title), n.numbers.count == 2 { code = title; title = n.rest }
            if !code.isEmpty {
                guard let n = numbered(code), n.numbers.count == 2 else {
                    draft.problem(place, h.labels[codeColumn ?? titleColumn ?? 0], "номер направления «\(code.prefix(20))» записан не как «1.1»")
                    current = nil
                    continue
                }
                current = draft.direction(n.numbers, title: title.isEmpty ? n.rest : title, at: place)
                section = n.numbers[0]
            } else if !title.isEmpty && key(title) != key(current.flatMap { draft.directions[$0].title } ?? "") {
                guard let d = draft.direction(titled: title) else {
                    draft.problem(place, h.labels[titleColumn ?? 0], "у направления «\(title.prefix(60))» нет номера: напишите его как «1.1 Название»")
                    current = nil
                    continue
                }
                current = d
            }
            if let c = expectedColumn, !row[c].isEmpty, let s = section, draft.sections[s]?.expectedResult == nil {
                draft.expectedResult(row[c], section: s, at: place)
            }
            let tasks = yearColumns.filter { !row[$0.index].isEmpty }
            guard let first = tasks.first else { continue }
            guard let d = current else {
                draft.problem(place, h.labels[first.index], "задача вне направления: над ней нет строки с номером и названием направления")
                continue
            }
            for (i, y) in tasks { draft.addTask(row[i], year: y, to: d, at: place) }
        }
    }

    /// Приложение 2: a row per measure (name, deadline, responsible, product), under its direction
    /// and task (their columns, or heading rows «1.1 …»); «2025 год» rows or a «Год» column give the
    /// year of measures whose deadline names none.
    static func readMeasures(_ table: Table, _ h: Header, into draft: inout Draft) {
        draft.recognised.append("\(table.name) — мероприятия (Приложение 2)")
        noteUnread(table, h, reading: [.section, .direction, .task, .name, .deadline, .responsible, .product, .level, .yearColumn], into: &draft)
        let width = h.columns.count
        guard let nameColumn = h.index(.name) else { return }
        let deadlineColumn = h.index(.deadline), responsibleColumn = h.index(.responsible), productColumn = h.index(.product)
        let directionColumn = h.index(.direction), taskColumn = h.index(.task), levelColumn = h.index(.level)
        let yearColumn = h.index(.yearColumn), sectionColumn = h.index(.section)
        var year: Int?, current: Int?, section: Int?
        var task: String?
        readLead(table, h, into: &draft, year: &year, direction: &current, section: &section)
        for r in h.dataStart..<table.rows.count {
            let row = cells(table.rows[r], width: width)
            let place = Place(table: table.name, row: r + 1)
            func cell(_ c: Int?) -> String? { c.flatMap { row[$0].isEmpty ? nil : row[$0] } }
            guard row.contains(where: { !$0.isEmpty }), !repeatsHeader(row, h) else { continue }
            if let label = row.first(where: { !$0.isEmpty }), isExpectedResultLabel(label) {
                let text = row.last(where: { !$0.isEmpty && $0 != label }) ?? ""
                if !text.isEmpty { draft.expectedResult(text, section: section ?? current.map { draft.directions[$0].section }, at: place) }
                continue
            }
            if let text = heading(row, firstColumn: h.columns.first ?? nil) {
                let before = current
                if !draft.heading(text, at: place, weak: false, year: &year, direction: &current, section: &section) {
                    draft.notLoaded.append("\(table.name), строка \(r + 1): «\(text.prefix(80))»")
                }
                if current != before { task = nil }
                continue
            }
            if let text = cell(sectionColumn) {
                guard let n = numbered(text), n.numbers.count == 1, !n.rest.isEmpty else {
                    draft.problem(place, h.labels[sectionColumn!], "раздел «\(text.prefix(60))» записан не как «1. Название раздела»")
                    continue
                }
                draft.section(n.numbers[0], title: n.rest, weak: false, at: place)
                section = n.numbers[0]
            }
            if let text = cell(directionColumn) {
                if let n = numbered(text), n.numbers.count == 2 {
                    current = draft.direction(n.numbers, title: n.rest, at: place)
                } else if let d = draft.direction(titled: text) {
                    current = d
                } else {
                    draft.problem(place, h.labels[directionColumn!], "у направления «\(text.prefix(60))» нет номера: напишите его как «1.1 Название»")
                    current = nil
                    continue
                }
                task = nil
            }
            if let text = cell(taskColumn) { task = text }
            var rowYear = year
            if let text = cell(yearColumn) {
                guard let y = ProgrammeFile.year(heading: text) else {
                    draft.problem(place, h.labels[yearColumn!], "«\(text.prefix(20))» — не год")
                    continue
                }
                rowYear = y
            }
            guard let name = cell(nameColumn) else {
                if cell(deadlineColumn) != nil || cell(responsibleColumn) != nil || cell(productColumn) != nil {
                    draft.problem(place, h.labels[nameColumn], "нет наименования мероприятия, а сроки, ответственные или продукт указаны")
                }
                continue
            }
            guard let d = current else {
                draft.problem(place, h.labels[nameColumn], "мероприятие «\(name.prefix(60))» вне направления: нет столбца «Целевые направления» и строки «1.1 Название» над ним")
                continue
            }
            let deadlineText = cell(deadlineColumn)
            let deadline = ProgrammeDeadline(deadlineText ?? "")
            if let impossible = deadline.impossibleDate {
                draft.problem(place, h.labels[deadlineColumn!], "даты «\(impossible)» нет в календаре")
                continue
            }
            let y = deadline.year(rowYear: rowYear ?? draft.years.lowerBound)
            guard draft.years.contains(y) else {
                draft.problem(place, h.labels[deadlineText == nil ? (yearColumn ?? nameColumn) : deadlineColumn!],
                              "\(y) год вне периода программы \(draft.period)")
                continue
            }
            var level: MeasureLevel?
            if let text = cell(levelColumn) {
                guard let l = measureLevel(text) else {
                    draft.problem(place, h.labels[levelColumn!], "«\(text.prefix(40))» — не уровень: «муниципалитет», «школа» или «муниципалитет и школа»")
                    continue
                }
                level = l
            }
            draft.directions[d].measures.append(Draft.MeasureDraft(
                task: task, year: y, name: name, deadline: deadline.day, deadlineText: deadlineText,
                responsible: cell(responsibleColumn), product: cell(productColumn), level: level, place: place))
        }
    }

    /// «муниципалитет», «школа», «муниципалитет и школа» (or as `MeasureLevel.russian` writes them).
    static func measureLevel(_ text: String) -> MeasureLevel? {
        let k = key(text)
        if k.hasPrefix("оба") || (k.contains("муниципал") && k.contains("школ")) { return .both }
        if k.hasPrefix("муниципал") { return .municipal }
        if k.contains("школ") { return .school }
        return nil
    }
}
