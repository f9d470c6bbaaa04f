import Foundation

extension ProgrammeFile {
    /// Where a thing was read: its table and row (from 1).
    struct Place {
        var table: String
        var row: Int?
    }

    /// What the tables say so far, gathered before it is made a programme.
    struct Draft {
        struct SectionDraft {
            /// From a heading row of a table; `weakTitle` from a paragraph before one.
            var title: String?
            var weakTitle: String?
            var expectedResult: String?
            var place: Place
        }
        struct TaskDraft {
            var text: String
            var years: Set<Int>
            var place: Place
            /// Named by measures only (no plan gives its years): it spans the years of its measures.
            var fromMeasures = false
        }
        struct MeasureDraft {
            var task: String?
            var year: Int
            var name: String
            var deadline: Day?
            var deadlineText: String?
            var responsible: String?
            var product: String?
            var level: MeasureLevel?
            var place: Place
        }
        struct DirectionDraft {
            var code: String
            var section: Int
            var title: String?
            var tasks: [TaskDraft] = []
            var measures: [MeasureDraft] = []
            var place: Place
        }

        let years: ClosedRange<Int>
        var passport: ProgrammePassport
        var analysis = ProgrammeTemplate.Analysis(title: "Анализ ситуации", paragraphs: [])
        var indicators: [ProgrammeTemplate.Indicator] = []
        var sections: [Int: SectionDraft] = [:]
        var directions: [DirectionDraft] = []
        var problems: [Problem] = []
        var recognised: [String] = []
        var notLoaded: [String] = []

        init(years: ClosedRange<Int>) {
            self.years = years
            passport = ProgrammeTemplate.empty(name: "", years: years).passport
        }

        var period: String { "\(years.lowerBound)–\(years.upperBound)" }

        mutating func problem(_ place: Place?, _ column: String?, _ reason: String) {
            problems.append(Problem(table: place?.table, row: place?.row, column: column?.isEmpty == true ? nil : column, reason: reason))
        }

        mutating func section(_ number: Int, title: String, weak: Bool, at place: Place) {
            var s = sections[number] ?? SectionDraft(place: place)
            if weak { s.weakTitle = s.weakTitle ?? title } else if s.title == nil { s.title = title; s.place = place }
            sections[number] = s
        }

        mutating func expectedResult(_ text: String, section number: Int?, at place: Place) {
            guard let number else {
                problem(place, nil, "прогнозируемый результат «\(text.prefix(60))» не относится ни к одному разделу: над ним нет строки раздела или направления")
                return
            }
            var s = sections[number] ?? SectionDraft(place: place)
            s.expectedResult = [s.expectedResult, text].compactMap { $0 }.joined(separator: " ")
            sections[number] = s
        }

        /// The direction «a.b», made when first named; its title is the first one given.
        mutating func direction(_ numbers: [Int], title: String?, at place: Place) -> Int {
            let code = numbers.map(String.init).joined(separator: ".")
            if let i = directions.firstIndex(where: { $0.code == code }) {
                if directions[i].title == nil, let title, !title.isEmpty { directions[i].title = title }
                return i
            }
            directions.append(DirectionDraft(code: code, section: numbers[0], title: title?.isEmpty == false ? title : nil, place: place))
            return directions.count - 1
        }

        /// A direction named by its title alone.
        func direction(titled title: String) -> Int? {
            let k = ProgrammeFile.key(title)
            return directions.firstIndex { ProgrammeFile.key($0.title ?? "") == k }
        }

        mutating func addTask(_ text: String, year: Int, to d: Int, at place: Place) {
            if let t = directions[d].tasks.firstIndex(where: { $0.text == text }) {
                directions[d].tasks[t].years.insert(year)
            } else {
                directions[d].tasks.append(TaskDraft(text: text, years: [year], place: place))
            }
        }

        /// A heading's meaning: a year («2025 год»), a section («1. …») or a direction («1.1 …»).
        /// False when it is none of them.
        mutating func heading(_ text: String, at place: Place, weak: Bool, year: inout Int?, direction current: inout Int?, section: inout Int?) -> Bool {
            if let y = ProgrammeFile.year(heading: text) { year = y; return true }
            guard let n = ProgrammeFile.numbered(text), !n.rest.isEmpty else { return false }
            switch n.numbers.count {
            case 1:
                self.section(n.numbers[0], title: n.rest, weak: weak, at: place)
                section = n.numbers[0]
                current = nil
                return true
            case 2 where !weak:
                current = direction(n.numbers, title: n.rest, at: place)
                section = n.numbers[0]
                return true
            default:
                return false
            }
        }

        /// The draft made a programme, with every problem that stops it.
        func reading(name: String?) -> Reading {
            var draft = self
            var sectionsOut: [ProgrammeTemplate.Section] = []
            for number in Set(sections.keys).union(directions.map(\.section)).sorted() {
                let own = directions.filter { $0.section == number }
                let s = sections[number]
                if own.isEmpty {
                    if let s, let title = s.title { draft.problem(s.place, nil, "в разделе «\(number). \(title)» нет ни одного направления") }
                    continue
                }
                guard let title = s?.title ?? s?.weakTitle else {
                    draft.problem(own[0].place, nil, "у раздела \(number) нет названия: перед его направлениями нужна строка «\(number). Название раздела»")
                    continue
                }
                sectionsOut.append(ProgrammeTemplate.Section(number: number, title: title, expectedResult: s?.expectedResult ?? "",
                                                             directions: own.map { draft.assemble($0) }))
            }
            var template = ProgrammeTemplate.empty(name: "", years: years)
            template.key = "file-\(years.lowerBound)-\(years.upperBound)"
            template.passport = passport
            template.passport.startYear = years.lowerBound
            template.passport.endYear = years.upperBound
            if let name = name?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty { template.passport.name = name }
            // A file not read for its other problems is not asked for its name as well.
            if template.passport.name.isEmpty && draft.problems.isEmpty {
                draft.problem(nil, nil, "Назовите программу: в форме или в листе «Паспорт» (поле «Наименование программы»).")
            }
            template.analysis = analysis
            template.sections = sectionsOut
            template.indicators = indicators
            if draft.problems.isEmpty {
                for p in template.problems() { draft.problem(nil, nil, "Программа не складывается: \(p).") }
            }
            return Reading(template: template, problems: draft.problems, recognised: recognised, notLoaded: notLoaded)
        }

        /// A direction's tasks and measures: each measure gets the task its row names, else its
        /// direction's task for its year, else a task named after the direction.
        mutating func assemble(_ d: DirectionDraft) -> ProgrammeTemplate.Direction {
            var tasks = d.tasks
            var measures: [ProgrammeTemplate.Measure] = []
            let title = d.title ?? ""
            if d.title == nil { problem(d.place, nil, "у направления \(d.code) нет названия") }
            for m in d.measures {
                let text: String
                if let named = m.task {
                    text = named
                    if let t = tasks.firstIndex(where: { $0.text == named }) {
                        if tasks[t].fromMeasures { tasks[t].years.insert(m.year) }
                    } else {
                        tasks.append(TaskDraft(text: named, years: [m.year], place: m.place, fromMeasures: true))
                    }
                } else if let t = tasks.first(where: { !$0.fromMeasures && $0.years.contains(m.year) }) {
                    text = t.text
                } else {
                    text = title
                    if !tasks.contains(where: { $0.text == title }) {
                        tasks.append(TaskDraft(text: title, years: Set(years), place: m.place))
                    }
                }
                measures.append(ProgrammeTemplate.Measure(task: text, year: m.year, name: m.name, deadline: m.deadline, deadlineText: m.deadlineText,
                                                          responsible: m.responsible, product: m.product, level: m.level))
            }
            let out = tasks.map { t -> ProgrammeTemplate.YearTask in
                var ys = t.years.sorted()
                if t.fromMeasures, let low = ys.first, let high = ys.last { ys = Array(low...high) }
                if let low = ys.first, let high = ys.last, ys != Array(low...high) {
                    problem(t.place, nil, "задача «\(t.text.prefix(80))» направления \(d.code) стоит в годах \(ys.map(String.init).joined(separator: ", ")) с пропуском: впишите её во все годы между ними или разбейте на две")
                }
                return ProgrammeTemplate.YearTask(text: t.text, years: ys)
            }
            return ProgrammeTemplate.Direction(code: d.code, title: title, tasks: out, measures: measures)
        }
    }
}
