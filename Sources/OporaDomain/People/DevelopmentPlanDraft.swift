/// The kinds of steps of an individual professional development plan (ИОМ).
public enum StepKind: String, CaseIterable, Codable, Sendable {
    case course
    case consultation
    case mentoring
    case practice
    case selfStudy

    public var russian: String {
        switch self {
        case .course: return "Курс повышения квалификации"
        case .consultation: return "Консультация на консультационном пункте"
        case .mentoring: return "Работа с наставником"
        case .practice: return "Изучение успешной практики"
        case .selfStudy: return "Самообразование"
        }
    }
}

/// One proposed step of a development plan, addressing one deficit.
public struct StepDraft: Hashable, Codable, Sendable {
    /// The key of the `CompetenceArea` of the deficit.
    public var area: String
    public var kind: StepKind
    public var title: String
    public var courseID: String?
    public var form: String
    public var expectedResult: String
    public var deadline: Day

    public init(area: String, kind: StepKind, title: String, courseID: String?, form: String, expectedResult: String, deadline: Day) {
        self.area = area
        self.kind = kind
        self.title = title
        self.courseID = courseID
        self.form = form
        self.expectedResult = expectedResult
        self.deadline = deadline
    }
}

/// A consultation point of the methodical centre and the areas it consults on.
public struct ConsultationOffer: Hashable, Codable, Sendable {
    public var name: String
    /// Keys of `CompetenceArea`s.
    public var areas: [String]

    public init(name: String, areas: [String]) {
        self.name = name
        self.areas = areas
    }
}

/// A successful practice of the municipal database and the areas it helps with.
public struct PracticeOffer: Hashable, Codable, Sendable {
    public var title: String
    /// Keys of `CompetenceArea`s.
    public var areas: [String]

    public init(title: String, areas: [String]) {
        self.title = title
        self.areas = areas
    }
}

/// A first draft of a development plan from the teacher's deficits, which the methodist then edits.
///
/// For each deficit in the given order (the i-th, from 0):
/// a. if a catalogue course covers its area, a course step with the best of them: one on the quality of
///    education first, then the most focused (fewest areas), then by title; due start + 90 + 30·i days,
///    so that the courses of several deficits do not all fall on one term;
/// b. if a consultation point covers it, a consultation step due start + 60 days;
/// c. if a practice covers it, a practice step due start + 120 days;
/// d. if none of these applies, work with the mentor when the teacher has one, otherwise self-study,
///    due start + 90 days.
/// So every deficit gets at least one step, and no deficits give no steps.
public enum DevelopmentPlanDraft {
    public static func make(deficits: [Deficit], areas: [CompetenceArea], courses: [CourseFact], consultations: [ConsultationOffer],
                            practices: [PracticeOffer], hasMentor: Bool, start: Day) -> [StepDraft] {
        deficits.enumerated().flatMap { i, deficit -> [StepDraft] in
            let key = deficit.area
            let title = areas.first { $0.key == key }?.title ?? key
            let eliminated = "Дефицит «\(title)» устранён: результат повторной диагностики не ниже \(Deficit.percent(deficit.threshold))"
            var steps: [StepDraft] = []
            if let course = best(courses.filter { $0.areas.contains(key) }) {
                let form = "Курсы повышения квалификации" + (course.hours.map { " (\($0) ч)" } ?? "")
                steps.append(StepDraft(area: key, kind: .course, title: course.title, courseID: course.id, form: form,
                                       expectedResult: eliminated, deadline: start.adding(days: 90 + 30 * i)))
            }
            if let point = consultations.first(where: { $0.areas.contains(key) }) {
                steps.append(StepDraft(area: key, kind: .consultation, title: point.name, courseID: nil, form: "Индивидуальная консультация",
                                       expectedResult: "Получены адресные рекомендации по теме «\(title)»",
                                       deadline: start.adding(days: 60)))
            }
            if let practice = practices.first(where: { $0.areas.contains(key) }) {
                steps.append(StepDraft(area: key, kind: .practice, title: practice.title, courseID: nil,
                                       form: "Посещение занятий и изучение материалов практики",
                                       expectedResult: "Приёмы практики «\(practice.title)» применены в своей работе",
                                       deadline: start.adding(days: 120)))
            }
            if steps.isEmpty {
                let kind: StepKind = hasMentor ? .mentoring : .selfStudy
                let form = hasMentor ? "Совместное планирование и взаимопосещение уроков" : "Изучение методической литературы и материалов"
                steps.append(StepDraft(area: key, kind: kind, title: "\(kind.russian): \(title)", courseID: nil, form: form,
                                       expectedResult: eliminated, deadline: start.adding(days: 90)))
            }
            return steps
        }
    }

    /// On the quality of education first, then the fewest areas, then by title.
    static func best(_ courses: [CourseFact]) -> CourseFact? {
        courses.min { a, b in
            (a.concernsQuality ? 0 : 1, a.areas.count, a.title) < (b.concernsQuality ? 0 : 1, b.areas.count, b.title)
        }
    }
}

/// How far a development plan has come.
public struct PlanProgress: Hashable, Codable, Sendable {
    public var total: Int
    public var done: Int
    /// Not done, with the deadline before today.
    public var overdue: Int
    /// Done among all, rounded; 0 for a plan without steps.
    public var percent: Int

    public init(total: Int, done: Int, overdue: Int, percent: Int) {
        self.total = total
        self.done = done
        self.overdue = overdue
        self.percent = percent
    }

    public static func of(steps: [(deadline: Day, completedOn: Day?)], today: Day) -> PlanProgress {
        let done = steps.filter { $0.completedOn != nil }.count
        let overdue = steps.filter { $0.completedOn == nil && $0.deadline < today }.count
        let percent = steps.isEmpty ? 0 : Int((Double(done) * 100 / Double(steps.count)).rounded())
        return PlanProgress(total: steps.count, done: done, overdue: overdue, percent: percent)
    }

    /// «выполнено 2 из 5 шагов (40 %)», «выполнено 0 из 1 шага (0 %)».
    public var russian: String {
        "выполнено \(done) из \(total) \(PlanProgress.ofSteps.form(for: total)) (\(percent) %)"
    }

    /// After «из» the noun is genitive: из 1 шага, из 21 шага, из 2 шагов, из 5 шагов.
    private static let ofSteps = RussianNoun("шага", "шагов", "шагов")
}
