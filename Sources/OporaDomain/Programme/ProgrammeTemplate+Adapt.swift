import Foundation

extension ProgrammeTemplate {
    /// How a template names its own municipality, so that a programme made from it names the new one.
    public struct OwnName: Codable, Sendable, Equatable {
        /// «Балаганский район»: replaced by the new municipality's name.
        public var nominative: String
        /// «Балаганского района»: replaced by «муниципального образования «…»».
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
