import Foundation

/// A whole programme as a data file: the passport, the analysis, the plan (sections, directions,
/// yearly tasks, measures) and the target indicators. The seed programme ships as one of these.
public struct ProgrammeTemplate: Codable, Sendable {
    public var key: String
    public var passport: ProgrammePassport
    public var analysis: Analysis
    public var sections: [Section]
    public var indicators: [Indicator]
    /// How the template names its own municipality; nil when it names none.
    public var ownName: OwnName?

    public struct Analysis: Codable, Sendable {
        public var title: String
        public var paragraphs: [String]

        public init(title: String, paragraphs: [String]) {
            self.title = title
            self.paragraphs = paragraphs
        }
    }

    public struct Section: Codable, Sendable {
        public var number: Int
        public var title: String
        public var expectedResult: String
        public var directions: [Direction]
    }

    public struct Direction: Codable, Sendable {
        /// "1.1" … "4.6"
        public var code: String
        public var title: String
        public var tasks: [YearTask]
        public var measures: [Measure]
    }

    /// A task of a direction (Приложение 1) and the calendar years it is set for.
    public struct YearTask: Codable, Sendable {
        public var text: String
        public var years: [Int]
    }

    public struct Measure: Codable, Sendable {
        /// The text of the direction's task this measure carries out.
        public var task: String
        public var year: Int
        public var name: String
        public var deadline: Day?
        public var deadlineText: String?
        public var responsible: String?
        public var product: String?
        /// Who carries it out; a template that does not say means both the municipality and each school.
        public var level: MeasureLevel? = nil
    }

    public struct Indicator: Codable, Sendable {
        public var number: Int
        public var title: String
        public var unit: String
        public var baselineYear: Int
        public var baseline: Double?
        public var targets: [Target]
        /// The built-in formula of its value; nil when the value is entered by hand from `source`.
        public var formula: IndicatorFormula? = nil
        public var source: String? = nil

        public struct Target: Codable, Sendable {
            public var year: Int
            public var value: Double
        }
    }

    public var directions: [Direction] { sections.flatMap(\.directions) }
    public var measureCount: Int { directions.reduce(0) { $0 + $1.measures.count } }
}

public struct ProgrammePassport: Codable, Sendable, Equatable {
    public var name: String
    public var basis: [String]
    public var terms: [String]
    public var developers: String
    public var executors: String
    public var goal: String
    public var tasks: [String]
    public var indicatorsIntro: String
    public var indicators: [String]
    public var term: String
    public var startYear: Int
    public var endYear: Int
    public var mechanism: String
    public var expectedResults: [String]
    public var control: String

    public var years: ClosedRange<Int> { startYear...endYear }
}

extension ProgrammeTemplate {
    public enum LoadError: Error, CustomStringConvertible {
        case missingResource(String)
        case invalid([String])

        public var description: String {
            switch self {
            case .missingResource(let name): return "programme template \(name) is not in the bundle"
            case .invalid(let problems): return "programme template is invalid:\n" + problems.joined(separator: "\n")
            }
        }
    }

    /// The seed programme of the Balagansky district, as its data file gives it.
    public static func balagansky() throws -> ProgrammeTemplate {
        let name = "programme-template-balagansky"
        guard let url = Bundle.module.url(forResource: name, withExtension: "json") else {
            throw LoadError.missingResource(name)
        }
        return try load(from: Data(contentsOf: url))
    }

    public static func load(from data: Data) throws -> ProgrammeTemplate {
        let template = try JSONDecoder().decode(ProgrammeTemplate.self, from: data)
        let problems = template.problems()
        guard problems.isEmpty else { throw LoadError.invalid(problems) }
        return template
    }

    /// Everything that makes a template unusable; empty when it is sound.
    public func problems() -> [String] {
        var problems: [String] = []
        let years = passport.years
        if passport.name.isEmpty { problems.append("passport: empty name") }
        if Set(sections.map(\.number)).count != sections.count { problems.append("sections: duplicate numbers") }
        var codes = Set<String>()
        for section in sections {
            if section.directions.isEmpty { problems.append("section \(section.number): no directions") }
            for direction in section.directions {
                let code = direction.code
                if !codes.insert(code).inserted { problems.append("direction \(code): duplicate code") }
                if !code.hasPrefix("\(section.number).") { problems.append("direction \(code): not in section \(section.number)") }
                var texts = Set<String>()
                for task in direction.tasks {
                    if task.text.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("direction \(code): empty task") }
                    if !texts.insert(task.text).inserted { problems.append("direction \(code): task given twice: \(task.text)") }
                    if task.years.isEmpty || !task.years.allSatisfy(years.contains) {
                        problems.append("direction \(code): task years \(task.years) outside \(years)")
                    } else if task.years.sorted() != Array(task.years.min()!...task.years.max()!) {
                        // A task is stored as a span of years; a gap would be lost.
                        problems.append("direction \(code): task years \(task.years) are not consecutive")
                    }
                }
                for measure in direction.measures {
                    if !texts.contains(measure.task) { problems.append("direction \(code): measure \"\(measure.name)\" names an unknown task") }
                    if !years.contains(measure.year) { problems.append("direction \(code): measure year \(measure.year) outside \(years)") }
                    if measure.name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("direction \(code): measure without a name") }
                }
            }
        }
        if Set(indicators.map(\.number)).count != indicators.count { problems.append("indicators: duplicate numbers") }
        for indicator in indicators where !indicator.targets.allSatisfy({ years.contains($0.year) }) {
            problems.append("indicator \(indicator.number): target outside \(years)")
        }
        return problems
    }
}
