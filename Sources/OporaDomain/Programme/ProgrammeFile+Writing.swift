import Foundation

extension ProgrammeFile {
    /// A programme as the four sheets of the workbook the reader takes (each sheet's rows, its
    /// header first): the downloadable template is the seed's first direction written this way.
    public static func workbookSheets(of t: ProgrammeTemplate) -> [(sheet: Sheet, rows: [[String]])] {
        let years = Array(t.passport.years)
        let p = t.passport
        var passport: [[String]] = [["Поле", "Значение"]]
        let values: [[String]] = [[p.name], p.basis, p.terms, [p.developers], [p.executors], [p.goal], p.tasks, p.indicators,
                                  [p.term], [p.mechanism], p.expectedResults, [p.control], t.analysis.paragraphs]
        for (field, items) in zip(passportFields, values) {
            for item in items where !item.isEmpty { passport.append([field.title, item]) }
        }
        var plan: [[String]] = [["Раздел", "№ п/п", "Целевые направления"] + years.map(String.init) + ["Прогнозируемый результат"]]
        var measures: [[String]] = [["Целевые направления", "Задачи", "Наименование мероприятия", "Сроки", "Ответственные", "Продукт/результат", "Уровень", "Год"]]
        for s in t.sections {
            for (n, d) in s.directions.enumerated() {
                for (r, tasks) in taskRows(d, years: years).enumerated() {
                    let lead = r == 0 ? ["\(s.number). \(s.title)", d.code, d.title] : ["", "", ""]
                    plan.append(lead + tasks + [r == 0 && n == 0 ? s.expectedResult : ""])
                }
                for m in d.measures {
                    measures.append(["\(d.code) \(d.title)", m.task, m.name, m.deadlineText ?? m.deadline?.russian ?? "", m.responsible ?? "",
                                     m.product ?? "", m.level?.russian ?? "", String(m.year)])
                }
            }
        }
        var indicators: [[String]] = [["№", "Целевой индикатор", "Единица измерения", "Базовое значение"] + years.map(String.init) + ["Источник данных"]]
        for i in t.indicators {
            let targets = years.map { y in i.targets.first { $0.year == y }.map { number($0.value) } ?? "" }
            indicators.append([String(i.number), i.title, i.unit, i.baseline.map(number) ?? ""] + targets + [i.source ?? ""])
        }
        return [(.passport, passport), (.plan, plan), (.measures, measures), (.indicators, indicators)]
    }

    /// A programme's Приложение 1 and Приложение 2 as the seed's document lays them out: the plan
    /// (a row per direction, a column per year of tasks, section headings, «Прогнозируемый
    /// результат»), then for each year a table of its measures under section headings and repeated
    /// two-row headers, with the direction and task written on the first of their rows only.
    public static func appendixTables(of t: ProgrammeTemplate) -> [Table] {
        let years = Array(t.passport.years)
        let width = 2 + years.count
        var plan: [[String]] = [["№ п/п", "Целевые направления"] + Array(repeating: "Задачи на календарный год", count: years.count),
                                ["", ""] + years.map(String.init)]
        for s in t.sections {
            plan.append(Array(repeating: "\(s.number). \(s.title)", count: width))
            for d in s.directions {
                for (r, tasks) in taskRows(d, years: years).enumerated() {
                    plan.append((r == 0 ? [d.code, d.title] : ["", ""]) + tasks)
                }
            }
            if !s.expectedResult.isEmpty { plan.append(["Прогнозируемый результат"] + Array(repeating: s.expectedResult, count: width - 1)) }
        }
        var tables = [Table(name: "Таблица 1", before: ["ПРИЛОЖЕНИЕ 1"], rows: plan)]
        for year in years {
            var rows: [[String]] = []
            for s in t.sections {
                let directions = s.directions.filter { $0.measures.contains { $0.year == year } }
                guard !directions.isEmpty else { continue }
                rows.append(Array(repeating: "\(s.number). \(s.title)", count: 7))
                rows.append(["Целевые направления", "Задачи"] + Array(repeating: "Мероприятия по задачам", count: 5))
                rows.append(["", "", "Наименование", "Сроки", "Ответственные", "Отметка о выполнении", "Продукт/ Результат"])
                for d in directions {
                    var lastTask: String?
                    for (n, m) in d.measures.filter({ $0.year == year }).enumerated() {
                        rows.append([n == 0 ? "\(d.code).\(d.title)" : "", m.task == lastTask ? "" : m.task, m.name,
                                     m.deadlineText ?? m.deadline?.russian ?? "", m.responsible ?? "", "", m.product ?? ""])
                        lastTask = m.task
                    }
                }
            }
            if !rows.isEmpty { tables.append(Table(name: "Таблица \(tables.count + 1)", before: ["ПРИЛОЖЕНИЕ 2", "\(year) год"], rows: rows)) }
        }
        return tables
    }

    /// A direction's tasks laid out in rows of year cells, each task in the first row where its years are free.
    static func taskRows(_ d: ProgrammeTemplate.Direction, years: [Int]) -> [[String]] {
        var rows: [[String]] = [Array(repeating: "", count: years.count)]
        for task in d.tasks {
            let columns = task.years.compactMap { years.firstIndex(of: $0) }
            if let r = rows.firstIndex(where: { row in columns.allSatisfy { row[$0].isEmpty } }) {
                for c in columns { rows[r][c] = task.text }
            } else {
                var row = Array(repeating: "", count: years.count)
                for c in columns { row[c] = task.text }
                rows.append(row)
            }
        }
        return rows
    }

    /// 80 → «80», 84.6 → «84,6»
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value).replacingOccurrences(of: ".", with: ",")
    }
}
