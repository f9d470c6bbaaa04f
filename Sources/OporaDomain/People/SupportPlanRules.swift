import Foundation

/// An individual plan of psychological-pedagogical support of one student, who is known to Opora only
/// by the participant code the school gave: never by name.
public struct SupportPlanInput: Hashable, Codable, Sendable {
    public var participantCode: String
    public var grade: Int?
    public var goal: String
    public var measures: String
    public var specialistRole: String
    /// Sorted, at least one.
    public var reviewDates: [Day]
    public var outcome: String?

    public init(participantCode: String, grade: Int?, goal: String, measures: String, specialistRole: String,
                reviewDates: [Day], outcome: String?) {
        self.participantCode = participantCode
        self.grade = grade
        self.goal = goal
        self.measures = measures
        self.specialistRole = specialistRole
        self.reviewDates = reviewDates
        self.outcome = outcome
    }
}

/// The checks of a support plan form; the messages are keyed by the form's field names.
public enum SupportPlanRules {
    public static let specialistRoles = ["педагог-психолог", "учитель-логопед", "учитель-дефектолог", "социальный педагог", "тьютор",
                                         "классный руководитель", "учитель-предметник"]

    /// Why `code` is not a participant code, or nil. A code is 3…32 letters, digits, «-», «_» or «/» with at
    /// least one digit, so that a surname or a first name typed into the field is refused.
    public static func participantCodeProblem(_ code: String) -> String? {
        let c = code.trimmingCharacters(in: .whitespacesAndNewlines)
        if c.isEmpty { return "Укажите код обучающегося." }
        if !c.contains(where: isDigit) {
            return "В коде нет ни одной цифры: похоже на имя или фамилию. Опора не хранит имён обучающихся — только код, например 7А-015."
        }
        if c.contains(where: \.isWhitespace) { return "Код пишется без пробелов, например 7А-015." }
        if let bad = c.first(where: { !isDigit($0) && !isLetter($0) && !"-_/".contains($0) }) {
            return "В коде недопустимый знак «\(bad)»: только буквы, цифры, «-», «_» и «/»."
        }
        if !(3...32).contains(c.count) { return "Код — от 3 до 32 знаков." }
        return nil
    }

    public static func validate(participantCode: String, grade: String, goal: String, measures: String, specialistRole: String,
                                reviewDates: String, outcome: String) -> Result<SupportPlanInput, FieldErrors> {
        var errors = FieldErrors()
        let code = participantCode.trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = participantCodeProblem(code) { errors.add("participant_code", problem) }

        var gradeValue: Int?
        let g = grade.trimmingCharacters(in: .whitespacesAndNewlines)
        if !g.isEmpty {
            if let n = Int(g), (1...11).contains(n) { gradeValue = n } else { errors.add("grade", "Класс — число от 1 до 11 или пусто.") }
        }

        let goalText = goal.trimmingCharacters(in: .whitespacesAndNewlines)
        if goalText.isEmpty { errors.add("goal", "Укажите цель сопровождения.") }
        let measuresText = measures.trimmingCharacters(in: .whitespacesAndNewlines)
        if measuresText.isEmpty { errors.add("measures", "Укажите меры сопровождения.") }

        let role = specialistRoles.first { ColumnSet.normalise($0) == ColumnSet.normalise(specialistRole) }
        if role == nil { errors.add("specialist_role", "Специалист — один из: \(specialistRoles.joined(separator: ", ")).") }

        let words = reviewDates.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }).map(String.init)
        var days: [Day] = []
        if words.isEmpty { errors.add("review_dates", "Укажите хотя бы одну дату пересмотра плана (ДД.ММ.ГГГГ).") }
        for w in words {
            if let d = Day(w) { days.append(d) } else { errors.add("review_dates", "«\(w)» — не дата: даты пишутся как ДД.ММ.ГГГГ через запятую.") }
        }

        let outcomeText = outcome.trimmingCharacters(in: .whitespacesAndNewlines)
        guard errors.isEmpty, let role else { return .failure(errors) }
        return .success(SupportPlanInput(participantCode: code, grade: gradeValue, goal: goalText, measures: measuresText,
                                         specialistRole: role, reviewDates: Array(Set(days)).sorted(),
                                         outcome: outcomeText.isEmpty ? nil : outcomeText))
    }

    private static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    /// Latin or Cyrillic, one scalar: no accents or look-alike symbols.
    private static func isLetter(_ c: Character) -> Bool {
        guard c.unicodeScalars.count == 1, let v = c.unicodeScalars.first?.value else { return false }
        return (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || (0x410...0x44F).contains(v) || v == 0x401 || v == 0x451
    }
}
