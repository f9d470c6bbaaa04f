import Foundation

extension ProgrammeTemplate {
    /// How a template names its own municipality, so that a programme made from it names the new one.
    public struct OwnName: Codable, Sendable, Equatable {
        /// The municipality as the template names it («… район»): replaced by the new municipality's name.
        public var nominative: String
        /// The same in the genitive («… района»): replaced by «муниципального образования «…»».
        public var genitive: String

        public init(nominative: String, genitive: String) {
            self.nominative = nominative
            self.genitive = genitive
        }
    }

    /// This template made into a programme of `municipality` for `years`. Every year of the
    /// template's period (and the year before it, the baseline) moves by the same offset, in numbers
    /// and in texts; a task or measure that would fall after the new period's end goes to its last
    /// year. The template's own municipality is replaced by the new one wherever the template names
    /// it. The template's analysis describes its own district and its baselines are that district's
    /// figures: neither is carried over (the analysis is left to be written, the baselines to be set);
    /// the targets are kept as a starting point. The legal basis is kept as it is.
    public func adapted(to municipality: String, years: ClosedRange<Int>) -> ProgrammeTemplate {
        let offset = years.lowerBound - passport.startYear
        let known = (passport.startYear - 1)...passport.endYear
        func year(_ y: Int) -> Int { min(y + offset, years.upperBound) }
        func text(_ s: String) -> String { rename(shiftYears(in: s, known: known, by: offset), to: municipality) }
        func optional(_ s: String?) -> String? { s.map(text) }

        var t = self
        t.key = "\(key)-\(years.lowerBound)-\(years.upperBound)"
        t.ownName = OwnName(nominative: municipality, genitive: "муниципального образования «\(municipality)»")
        t.passport.name = text(passport.name)
        t.passport.developers = rename(passport.developers, to: municipality)
        t.passport.executors = text(passport.executors)
        t.passport.goal = text(passport.goal)
        t.passport.tasks = passport.tasks.map(text)
        t.passport.indicatorsIntro = text(passport.indicatorsIntro)
        t.passport.indicators = passport.indicators.map(text)
        t.passport.term = text(passport.term)
        t.passport.startYear = years.lowerBound
        t.passport.endYear = years.upperBound
        t.passport.mechanism = text(passport.mechanism)
        t.passport.expectedResults = passport.expectedResults.map(text)
        t.passport.control = text(passport.control)
        t.analysis = Analysis(title: "Анализ ситуации", paragraphs: [])
        t.sections = sections.map { s in
            var s = s
            s.title = text(s.title)
            s.expectedResult = text(s.expectedResult)
            s.directions = s.directions.map { d in
                var d = d
                d.tasks = d.tasks.map { task in
                    var task = task
                    task.text = text(task.text)
                    task.years = Array(Set(task.years.map(year))).sorted()
                    return task
                }
                d.measures = d.measures.map { m in
                    var m = m
                    m.task = text(m.task)
                    m.year = year(m.year)
                    m.name = text(m.name)
                    let moved = m.deadline.flatMap { $0.movedBy(years: offset) }
                    let last = Day(year: years.upperBound, month: 12, day: 31)!
                    m.deadline = moved.map { min($0, last) }
                    m.deadlineText = moved.map { $0 > last } == true ? "До \(last.russian)" : optional(m.deadlineText)
                    m.responsible = optional(m.responsible)
                    m.product = optional(m.product)
                    return m
                }
                return d
            }
            return s
        }
        t.indicators = indicators.map { i in
            var i = i
            i.title = text(i.title)
            i.baselineYear = years.lowerBound - 1
            i.baseline = nil
            i.targets = i.targets.map { .init(year: $0.year + offset, value: $0.value) }.filter { years.contains($0.year) }
            return i
        }
        return t
    }

    /// Every year of `known` written in `s` as a number of its own moved by `offset`.
    func shiftYears(in s: String, known: ClosedRange<Int>, by offset: Int) -> String {
        guard offset != 0 else { return s }
        var out = ""
        var digits = ""
        func flush() {
            if digits.count == 4, let y = Int(digits), known.contains(y) { out += String(y + offset) } else { out += digits }
            digits = ""
        }
        for c in s {
            if c.isASCII && c.isNumber { digits.append(c) } else { flush(); out.append(c) }
        }
        flush()
        return out
    }

    /// The template's own municipality replaced by `municipality` (the genitive first: it is longer).
    func rename(_ s: String, to municipality: String) -> String {
        guard let own = ownName else { return s }
        return s.replacingOccurrences(of: own.genitive, with: "муниципального образования «\(municipality)»")
            .replacingOccurrences(of: own.nominative, with: municipality)
    }
}

extension Day {
    /// The same day `years` later (29 February becomes 28 February in a year that has none).
    public func movedBy(years: Int) -> Day? {
        Day(year: year + years, month: month, day: min(day, Day.daysIn(month: month, year: year + years)))
    }
}

extension ProgrammeTemplate {
    /// A programme with a name and a period and nothing else yet: its plan is written in Opora.
    public static func empty(name: String, years: ClosedRange<Int>) -> ProgrammeTemplate {
        let term = "\(years.lowerBound)-\(years.upperBound) гг."
        return ProgrammeTemplate(
            key: "empty-\(years.lowerBound)-\(years.upperBound)",
            passport: ProgrammePassport(name: name, basis: [], terms: [], developers: "", executors: "", goal: "", tasks: [],
                                        indicatorsIntro: "", indicators: [], term: term, startYear: years.lowerBound,
                                        endYear: years.upperBound, mechanism: "", expectedResults: [], control: ""),
            analysis: Analysis(title: "Анализ ситуации", paragraphs: []), sections: [], indicators: [], ownName: nil)
    }
}

extension ProgrammeTemplate {
    /// The plan of a stored programme, as the app reads it, for starting its successor.
    public struct StoredPlan: Sendable {
        public struct Task: Sendable {
            public var text: String
            public var years: [Int]
            public init(text: String, years: [Int]) { self.text = text; self.years = years }
        }
        public struct Measure: Sendable {
            public var task: String
            public var year: Int
            public var name: String
            public var deadline: Day?
            public var responsible: String?
            public var product: String?
            public var level: MeasureLevel
            public init(task: String, year: Int, name: String, deadline: Day?, responsible: String?, product: String?, level: MeasureLevel = .both) {
                self.task = task; self.year = year; self.name = name; self.deadline = deadline
                self.responsible = responsible; self.product = product; self.level = level
            }
        }
        public struct Direction: Sendable {
            public var code: String
            public var title: String
            public var tasks: [Task]
            public var measures: [Measure]
            public init(code: String, title: String, tasks: [Task], measures: [Measure]) {
                self.code = code; self.title = title; self.tasks = tasks; self.measures = measures
            }
        }
        public struct Section: Sendable {
            public var number: Int
            public var title: String
            public var expectedResult: String
            public var directions: [Direction]
            public init(number: Int, title: String, expectedResult: String, directions: [Direction]) {
                self.number = number; self.title = title; self.expectedResult = expectedResult; self.directions = directions
            }
        }
        public struct Indicator: Sendable {
            public var number: Int
            public var title: String
            public var unit: String
            public var targets: [Int: Double]
            public var formula: IndicatorFormula?
            public var source: String?
            public init(number: Int, title: String, unit: String, targets: [Int: Double], formula: IndicatorFormula?, source: String? = nil) {
                self.number = number; self.title = title; self.unit = unit; self.targets = targets
                self.formula = formula; self.source = source
            }
        }

        public var passport: ProgrammePassport
        public var sections: [Section]
        public var indicators: [Indicator]
        public init(passport: ProgrammePassport, sections: [Section], indicators: [Indicator]) {
            self.passport = passport; self.sections = sections; self.indicators = indicators
        }
    }

    /// The successor of a stored programme for `years`: its passport, sections, directions, tasks
    /// and indicators moved to the new period, only the measures the caller carries over (those not
    /// done), and each indicator's target for the old programme's last year as the new baseline.
    public static func successor(of previous: StoredPlan, years: ClosedRange<Int>) -> ProgrammeTemplate {
        let last = previous.passport.endYear
        let template = ProgrammeTemplate(
            key: "successor-\(years.lowerBound)-\(years.upperBound)", passport: previous.passport,
            analysis: Analysis(title: "Анализ ситуации", paragraphs: []),
            sections: previous.sections.map { s in
                Section(number: s.number, title: s.title, expectedResult: s.expectedResult, directions: s.directions.map { d in
                    Direction(code: d.code, title: d.title, tasks: d.tasks.map { YearTask(text: $0.text, years: $0.years) },
                              measures: d.measures.map { m in
                                  Measure(task: m.task, year: m.year, name: m.name, deadline: m.deadline,
                                          deadlineText: m.deadline.map { "До \($0.russian)" }, responsible: m.responsible, product: m.product,
                                          level: m.level)
                              })
                })
            },
            indicators: previous.indicators.map { i in
                Indicator(number: i.number, title: i.title, unit: i.unit, baselineYear: last, baseline: nil,
                          targets: i.targets.sorted { $0.key < $1.key }.map { .init(year: $0.key, value: $0.value) },
                          formula: i.formula, source: i.source)
            },
            ownName: nil)
        var next = template.adapted(to: "", years: years)
        next.key = template.key
        next.ownName = nil
        // The last targets of the old programme are where the new one starts from, and each new year
        // keeps at least that level until the new targets are set.
        for (n, i) in previous.indicators.enumerated() {
            next.indicators[n].baselineYear = last
            next.indicators[n].baseline = i.targets[last]
            next.indicators[n].targets = i.targets[last].map { v in years.map { .init(year: $0, value: v) } } ?? []
        }
        // A measure carried over from a year before the new period starts in its first year.
        for s in next.sections.indices {
            for d in next.sections[s].directions.indices {
                for m in next.sections[s].directions[d].measures.indices where next.sections[s].directions[d].measures[m].year < years.lowerBound {
                    next.sections[s].directions[d].measures[m].year = years.lowerBound
                }
            }
        }
        return next
    }
}
