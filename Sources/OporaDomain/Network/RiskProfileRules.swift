/// What the rules of the risk profile read about one school in one year. The arrays may hold other schools
/// and years: the rules pick the school's rows themselves, so a caller can pass what it loaded for a page.
public struct RiskInputs: Hashable, Codable, Sendable {
    public var schoolCode: String
    public var year: Int
    /// The current equal-access checklist: rows for other items are not counted.
    public var checklistItems: [String]
    public var checklists: [ChecklistFact]
    public var positions: [StaffPositionFact]
    public var teachers: [TeacherFact]
    public var trainings: [TrainingFact]
    public var diagnostics: [DiagnosticFact]
    public var areas: [CompetenceArea]
    public var results: [ResultRow]
    /// A result row with fewer participants says too little about a school to count.
    public var minParticipants: Int
    /// The school's social context of `year`; a context of another school or year is ignored.
    public var context: SocialContext?
    public var support: [StudentSupportFact]
    /// Families «зоны риска» of the school, nil where unknown.
    public var atRiskFamilies: Int?

    public init(schoolCode: String, year: Int, checklistItems: [String] = [], checklists: [ChecklistFact] = [],
                positions: [StaffPositionFact] = [], teachers: [TeacherFact] = [], trainings: [TrainingFact] = [],
                diagnostics: [DiagnosticFact] = [], areas: [CompetenceArea] = [], results: [ResultRow] = [],
                minParticipants: Int, context: SocialContext? = nil, support: [StudentSupportFact] = [],
                atRiskFamilies: Int? = nil) {
        self.schoolCode = schoolCode
        self.year = year
        self.checklistItems = checklistItems
        self.checklists = checklists
        self.positions = positions
        self.teachers = teachers
        self.trainings = trainings
        self.diagnostics = diagnostics
        self.areas = areas
        self.results = results
        self.minParticipants = minParticipants
        self.context = context
        self.support = support
        self.atRiskFamilies = atRiskFamilies
    }
}

/// A level the data suggest for one risk factor, which the methodist confirms or changes.
public struct RiskSuggestion: Hashable, Codable, Sendable {
    /// The key of the `RiskFactor`.
    public var factor: String
    /// nil: Opora has no data to suggest a level.
    public var level: RiskLevel?
    /// In Russian: the figure and the threshold it was compared with, or why there is no suggestion.
    public var reason: String
    /// In Russian, one per source row the suggestion stands on.
    public var rows: [String]

    public init(factor: String, level: RiskLevel?, reason: String, rows: [String]) {
        self.factor = factor
        self.level = level
        self.reason = reason
        self.rows = rows
    }
}

/// Thresholds that grade a figure into a risk level.
struct RiskScale: Sendable {
    enum Unit: Sendable {
        /// A share 0…1, shown in percent.
        case share
        /// A number per 100 students.
        case perHundred
    }

    /// Where the low level begins; nil: at any figure above zero, so only zero is no risk.
    var low: Double?
    var medium: Double
    var high: Double
    /// true: a level begins above its threshold, and a figure equal to it stays in the level below;
    /// false: a level begins at its threshold.
    var aboveThreshold: Bool
    var unit: Unit

    /// Shares are quotients of sums, so a figure equal to a threshold on paper may differ in the last bit.
    private static let tolerance = 1e-9

    func level(_ x: Double) -> RiskLevel {
        if reaches(x, high) { return .high }
        if reaches(x, medium) { return .medium }
        guard let low else { return x > RiskScale.tolerance ? .low : .none }
        return reaches(x, low) ? .low : .none
    }

    private func reaches(_ x: Double, _ threshold: Double) -> Bool {
        aboveThreshold ? x > threshold + RiskScale.tolerance : x >= threshold - RiskScale.tolerance
    }

    func format(_ x: Double) -> String {
        switch unit {
        case .share: return RussianNumberFormat.percent(x)
        case .perHundred: return RussianNumberFormat.decimal(x, fractionDigits: 0...1) + " на 100"
        }
    }

    /// «порог среднего уровня 25 %, высокого — 50 %»: the threshold the figure reached and the next one.
    func thresholds(for level: RiskLevel) -> String {
        let below = aboveThreshold ? "не выше" : "ниже"
        switch level {
        case .high:
            return "порог высокого уровня \(format(high))"
        case .medium:
            return "порог среднего уровня \(format(medium)), высокого — \(format(high))"
        case .low:
            guard let low else { return "\(below) порога среднего уровня \(format(medium))" }
            return "порог низкого уровня \(format(low)), среднего — \(format(medium))"
        case .none:
            guard let low else { return "риска нет: низкий уровень — при любом значении больше нуля" }
            return "\(below) порога низкого уровня \(format(low))"
        }
    }
}

/// The levels of the risk factors that the school's data suggest. Each rule grades one figure of the
/// school's year with a `RiskScale`; where the data are missing the level is nil and the reason says what
/// is missing, because «no data» must not read as «no risk». The methodist sets the final level.
public enum RiskProfileRules {
    /// One suggestion per default factor, in the order of `RiskFactors.defaults`.
    public static func suggest(_ i: RiskInputs) -> [RiskSuggestion] {
        RiskFactors.defaults.map { factor in
            switch factor.key {
            case "equipment": return equipment(i)
            case "staffShortage": return staffShortage(i)
            case "competence": return competence(i)
            case "adaptivity": return none(factor.key, adaptivityReason)
            case "professionalDevelopment": return professionalDevelopment(i)
            case "languageBarriers": return languageBarriers(i)
            case "environment": return environment(i)
            case "studentsAtRisk": return studentsAtRisk(i)
            case "parents": return parents(i)
            case "motivation": return motivation(i)
            default: return none(factor.key, noRuleReason)
            }
        }
    }

    /// The suggestion for `factor`; a factor the admin added has no rule, and its level is left to the methodist.
    public static func suggestion(for factor: RiskFactor, in suggestions: [RiskSuggestion]) -> RiskSuggestion {
        suggestions.first { $0.factor == factor.key } ?? none(factor.key, noRuleReason)
    }

    static let adaptivityReason = "Опора не хранит данных для этого фактора: уровень ставит методист по своим наблюдениям."
    static let noRuleReason = "Для этого фактора нет автоматической подсказки: уровень ставит методист."

    // MARK: - Scales

    /// Equipment: the share of checklist items the school lacks. Any missing item is a risk; more than a
    /// quarter of the list is medium, more than half high.
    static let equipmentScale = RiskScale(low: nil, medium: 0.25, high: 0.5, aboveThreshold: true, unit: .share)
    /// Staff shortage: the share of vacant pedagogical positions; 5 % is about one teacher in a small school.
    static let staffShortageScale = RiskScale(low: nil, medium: 0.05, high: 0.15, aboveThreshold: false, unit: .share)
    /// Competence: the share of diagnosed teachers with a subject or methodical deficit.
    static let competenceScale = RiskScale(low: nil, medium: 0.25, high: 0.5, aboveThreshold: false, unit: .share)
    /// Professional development: the share of teachers without a course on the quality of education in three years,
    /// the period in which a teacher is expected to take one.
    static let professionalDevelopmentScale = RiskScale(low: nil, medium: 0.25, high: 0.5, aboveThreshold: false, unit: .share)
    /// Language barriers: the share of students for whom Russian is not the native language.
    static let languageBarriersScale = RiskScale(low: nil, medium: 0.05, high: 0.15, aboveThreshold: false, unit: .share)
    /// Environment: the share of students on a preventive register.
    static let environmentScale = RiskScale(low: nil, medium: 0.01, high: 0.03, aboveThreshold: false, unit: .share)
    /// Students at risk: the share of fails over the counted result rows. A few fails are usual, so the low
    /// level begins at 5 %; 30 % is the fail threshold of the identification's default parameters.
    static let studentsAtRiskScale = RiskScale(low: 0.05, medium: 0.15, high: 0.30, aboveThreshold: false, unit: .share)
    /// Parents: families at risk per 100 students.
    static let parentsScale = RiskScale(low: nil, medium: 3, high: 7, aboveThreshold: false, unit: .perHundred)
    /// Motivation: the share of low motivation among the diagnosed students; some low motivation is usual,
    /// so the low level begins at 10 %.
    static let motivationScale = RiskScale(low: 0.10, medium: 0.20, high: 0.35, aboveThreshold: false, unit: .share)

    // MARK: - Rules

    /// Equipment: the school's checklist rows of the year for the items of the current list; an item is
    /// missing when a row says «нет» (should two rows of an item slip in, one «нет» makes it missing).
    /// Items without a row are not counted: the school did not report them, which is not the same as lacking them.
    static func equipment(_ i: RiskInputs) -> RiskSuggestion {
        let rows = i.checklists.filter { $0.schoolCode == i.schoolCode && $0.year == i.year }
        var seen = Set<String>(), entries = 0, missing: [String] = []
        for item in i.checklistItems where seen.insert(item).inserted {
            let itemRows = rows.filter { $0.item == item }
            guard !itemRows.isEmpty else { continue }
            entries += 1
            if itemRows.contains(where: { !$0.available }) { missing.append(item) }
        }
        guard entries > 0 else {
            return none("equipment", "Нет данных: нет сведений по пунктам перечня равного доступа за \(i.year) год.")
        }
        let share = Double(missing.count) / Double(entries)
        let figure = "\(missedVerb.form(for: missing.count).capitalisedFirst) \(missing.count) из \(entries) "
            + "\(ofItems.form(for: entries)) перечня равного доступа (\(RussianNumberFormat.percent(share)))"
        return graded("equipment", figure, share, equipmentScale,
                      rows: missing.map { "Перечень равного доступа, \(i.year): «\($0)» — нет" })
    }

    /// Staff shortage: Σ vacancies / Σ positions over the school's pedagogical positions of the year. A row
    /// filled beyond its positions has no vacancy and does not make up for another row's.
    static func staffShortage(_ i: RiskInputs) -> RiskSuggestion {
        let rows = i.positions.filter { $0.schoolCode == i.schoolCode && $0.year == i.year && $0.pedagogical }
        let total = rows.map(\.positions).reduce(0, +)
        guard total > 0 else {
            return none("staffShortage", "Нет данных: нет штатного расписания педагогических должностей школы за \(i.year) год.")
        }
        let vacant = rows.map(\.vacancies).reduce(0, +)
        let share = vacant / total
        let figure = "Педагогических ставок \(amount(total)), вакантно \(amount(vacant)) (\(RussianNumberFormat.percent(share)))"
        return graded("staffShortage", figure, share, staffShortageScale,
                      rows: rows.filter { $0.vacancies > 0 }.map { "\($0.position): ставок \(amount($0.positions)), занято \(amount($0.filled))" })
    }

    /// Competence: the school's pedagogical workers employed in the year who were diagnosed by its end. By
    /// each one's latest diagnostics of that time (`DeficitAnalysis`), a deficit in the subject or methodical
    /// area marks the teacher; share = marked / diagnosed.
    static func competence(_ i: RiskInputs) -> RiskSuggestion {
        let areas = i.areas.filter { competenceAreaKeys.contains($0.key) }
        guard !areas.isEmpty else {
            return none("competence", "Нет данных: среди областей диагностики нет предметной и методической компетентности.")
        }
        guard let end = Day(year: i.year, month: 12, day: 31) else {
            return none("competence", "Нет данных: нет диагностики за \(i.year) год.")
        }
        let facts = i.diagnostics.filter { $0.date <= end }
        let diagnosed = employedTeachers(i).filter { t in facts.contains { $0.teacherID == t.id } }
        guard !diagnosed.isEmpty else {
            return none("competence", "Нет данных: ни один педагог школы, работавший в \(i.year) году, "
                + "не проходил диагностику профессиональных дефицитов до конца года.")
        }
        var marked = 0, rows: [String] = []
        for teacher in diagnosed {
            let deficits = DeficitAnalysis.deficits(of: teacher.id, facts: facts, areas: areas)
            if !deficits.isEmpty { marked += 1 }
            rows += deficits.map { "\(teacher.name) — \($0.russian(areas: i.areas))" }
        }
        let share = Double(marked) / Double(diagnosed.count)
        let figure = "Дефициты предметной или методической компетентности у \(marked) из \(diagnosed.count) "
            + "\(ofDiagnosedTeachers.form(for: diagnosed.count)) (\(RussianNumberFormat.percent(share)))"
        return graded("competence", figure, share, competenceScale, rows: rows)
    }

    static let competenceAreaKeys: Set<String> = ["subject", "methodical"]

    /// Professional development: the share of the school's pedagogical workers employed in the year without
    /// a course on the quality of education completed in the year or the two before it.
    static func professionalDevelopment(_ i: RiskInputs) -> RiskSuggestion {
        let teachers = employedTeachers(i)
        guard !teachers.isEmpty else {
            return none("professionalDevelopment", "Нет данных: нет сведений о педагогических работниках школы в \(i.year) году.")
        }
        let period = (i.year - 2)...i.year
        let without = teachers.filter { t in
            !i.trainings.contains { $0.teacherID == t.id && $0.concernsQuality && period.contains($0.completedOn.year) }
        }
        let years = "\(period.lowerBound)–\(period.upperBound) годах"
        let share = Double(without.count) / Double(teachers.count)
        let figure = "Без курсов повышения квалификации по вопросам качества образования в \(years): \(without.count) из "
            + "\(teachers.count) \(ofTeachers.form(for: teachers.count)) (\(RussianNumberFormat.percent(share)))"
        return graded("professionalDevelopment", figure, share, professionalDevelopmentScale,
                      rows: without.map { "\($0.name), \($0.position): нет курсов по вопросам качества образования в \(years)" })
    }

    /// Language barriers: the share of students for whom Russian is not the native language, from the context.
    static func languageBarriers(_ i: RiskInputs) -> RiskSuggestion {
        contextShare("languageBarriers", i, .nonNative, \.nonNativeShare, languageBarriersScale)
    }

    /// Environment: the share of students on a preventive register, from the context.
    static func environment(_ i: RiskInputs) -> RiskSuggestion {
        contextShare("environment", i, .preventiveRegister, \.preventiveRegisterShare, environmentScale)
    }

    /// Students at risk: Σ fails / Σ participants over the school's result rows of the year with at least
    /// `minParticipants` participants (as in the identification, a smaller row says too little).
    static func studentsAtRisk(_ i: RiskInputs) -> RiskSuggestion {
        let rows = i.results
            .filter { $0.schoolCode == i.schoolCode && $0.year == i.year && $0.participants >= i.minParticipants && $0.participants > 0 }
            .sorted { $0.procedure < $1.procedure }
        let counted = "Учтены процедуры, в которых не меньше \(i.minParticipants) \(ofParticipants.form(for: i.minParticipants))."
        guard !rows.isEmpty else {
            return none("studentsAtRisk", "Нет данных: у школы нет результатов оценочных процедур \(i.year) года. " + counted)
        }
        let fails = rows.map(\.fails).reduce(0, +), participants = rows.map(\.participants).reduce(0, +)
        let share = Double(fails) / Double(participants)
        let figure = "Не справились с оценочными процедурами \(i.year) года: \(fails) из \(participants) "
            + "\(ofParticipants.form(for: participants)) (\(RussianNumberFormat.percent(share)))"
        var suggestion = graded("studentsAtRisk", figure, share, studentsAtRiskScale,
                                rows: rows.map { "\($0.procedure.russian): \($0.fails) из \($0.participants) \(failedVerb.form(for: $0.fails))" })
        suggestion.reason += " " + counted
        return suggestion
    }

    /// Parents: families «зоны риска» per 100 students of the school's context.
    static func parents(_ i: RiskInputs) -> RiskSuggestion {
        guard let families = i.atRiskFamilies else {
            return none("parents", "Нет данных: не указано число семей «зоны риска».")
        }
        guard let students = context(i)?.students, students > 0 else {
            return none("parents", "Нет данных: в социальном контексте школы за \(i.year) год не указано число обучающихся.")
        }
        let perHundred = Double(families) * 100 / Double(students)
        let figure = "Семей «зоны риска» \(families) на \(students) \(perStudents.form(for: students)), "
            + "то есть \(parentsScale.format(perHundred)) \(perStudents.form(for: 100))"
        return graded("parents", figure, perHundred, parentsScale,
                      rows: ["Социальный контекст школы, \(i.year): обучающихся \(students)", "Семей «зоны риска»: \(families)"])
    }

    /// Motivation: Σ low / Σ diagnosed over the school's support rows of the year that give all three levels.
    static func motivation(_ i: RiskInputs) -> RiskSuggestion {
        let facts = i.support
            .filter { $0.schoolCode == i.schoolCode && $0.year == i.year }
            .filter { $0.motivationLow != nil && $0.motivationMedium != nil && $0.motivationHigh != nil && ($0.motivationTotal ?? 0) > 0 }
            .sorted { $0.grade < $1.grade }
        let sum = MotivationDistribution.sum(facts)
        guard sum.total > 0 else {
            return none("motivation", "Нет данных: нет диагностики учебной мотивации обучающихся школы за \(i.year) год.")
        }
        let share = Double(sum.low) / Double(sum.total)
        let figure = "Низкая учебная мотивация у \(sum.low) из \(sum.total) \(ofDiagnosedStudents.form(for: sum.total)) "
            + "(\(RussianNumberFormat.percent(share)))"
        return graded("motivation", figure, share, motivationScale,
                      rows: facts.map { "\($0.grade) класс: низкая мотивация у \($0.motivationLow ?? 0) из \($0.motivationTotal ?? 0)" })
    }

    // MARK: - Helpers

    static func graded(_ factor: String, _ figure: String, _ value: Double, _ scale: RiskScale, rows: [String]) -> RiskSuggestion {
        let level = scale.level(value)
        return RiskSuggestion(factor: factor, level: level, reason: "\(figure) — \(scale.thresholds(for: level)).", rows: rows)
    }

    static func none(_ factor: String, _ reason: String) -> RiskSuggestion {
        RiskSuggestion(factor: factor, level: nil, reason: reason, rows: [])
    }

    /// The context of the school and year, or nil.
    static func context(_ i: RiskInputs) -> SocialContext? {
        guard let c = i.context, c.schoolCode == i.schoolCode, c.year == i.year else { return nil }
        return c
    }

    static func contextShare(_ factor: String, _ i: RiskInputs, _ criterion: SocialCriterion,
                             _ field: KeyPath<SocialContext, Double?>, _ scale: RiskScale) -> RiskSuggestion {
        guard let share = context(i)?[keyPath: field] else {
            return none(factor, "Нет данных: в социальном контексте школы за \(i.year) год не указана "
                + "\(criterion.russian.lowercasedFirst).")
        }
        let figure = "\(criterion.russian): \(RussianNumberFormat.percent(share))"
        return graded(factor, figure, share, scale,
                      rows: ["Социальный контекст школы, \(i.year): \(criterion.russian.lowercasedFirst) — \(RussianNumberFormat.percent(share))"])
    }

    /// The school's pedagogical workers employed at some time in the year.
    static func employedTeachers(_ i: RiskInputs) -> [TeacherFact] {
        i.teachers.filter { $0.schoolCode == i.schoolCode && $0.pedagogical && $0.isEmployed(in: i.year) }
    }

    /// Staff positions with up to two decimals: «12», «10,5».
    static func amount(_ x: Double) -> String { RussianNumberFormat.decimal(x, fractionDigits: 0...2) }

    // After «из» and «на» the noun takes the genitive or accusative: из 1 пункта, из 5 пунктов, на 1 обучающегося.
    static let ofItems = RussianNoun("пункта", "пунктов", "пунктов")
    static let ofTeachers = RussianNoun("педагога", "педагогов", "педагогов")
    static let ofDiagnosedTeachers = RussianNoun("педагога, прошедшего диагностику", "педагогов, прошедших диагностику",
                                                 "педагогов, прошедших диагностику")
    static let ofDiagnosedStudents = RussianNoun("обучающегося, прошедшего диагностику", "обучающихся, прошедших диагностику",
                                                 "обучающихся, прошедших диагностику")
    static let ofParticipants = RussianNoun("участника", "участников", "участников")
    static let perStudents = RussianNoun("обучающегося", "обучающихся", "обучающихся")
    // The verb agrees with the number: пропущен 1 (21) пункт, пропущено 3 пункта; 1 не справился, 4 не справились.
    static let missedVerb = RussianNoun("пропущен", "пропущено", "пропущено")
    static let failedVerb = RussianNoun("не справился", "не справились", "не справились")
}

extension String {
    /// «Доля …» → «доля …», to put a title inside a sentence.
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
    /// «пропущено» → «Пропущено», to start a sentence.
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
