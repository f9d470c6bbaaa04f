/// The rules of what a user types into a programme's plan: a yearly task, an indicator, a measure.
/// Each draft is checked whole before anything is written; every problem is named by its field in
/// Russian, so the form keeps what was typed and says what to mend.
public enum PlanText {
    public static let maxTitle = 2000
    public static let maxText = 20000

    /// The trimmed text of a field: required or not, never longer than `max`.
    public static func read(_ raw: String?, field: String, label: String, required: Bool = true, max: Int = maxTitle,
                            errors: inout FieldErrors) -> String? {
        let text = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            if required { errors.add(field, "\(label): поле не заполнено.") }
            return nil
        }
        if text.count > max { errors.add(field, "\(label) — не длиннее \(max) знаков.") }
        return text
    }

    /// A whole year typed into a field, or a problem.
    public static func year(_ raw: String?, field: String, label: String, errors: inout FieldErrors) -> Int? {
        let text = (raw ?? "").trimmingCharacters(in: .whitespaces)
        guard let year = Int(text), ProgrammePeriod.allowedYears.contains(year) else {
            errors.add(field, "\(label) — год от \(ProgrammePeriod.allowedYears.lowerBound) до \(ProgrammePeriod.allowedYears.upperBound).")
            return nil
        }
        return year
    }
}

/// A task of a direction for some of the programme's years (Приложение 1).
public struct TaskDraft: Sendable, Equatable {
    public var text: String
    public var years: ClosedRange<Int>

    public static func validate(text: String?, firstYear: String?, lastYear: String?, programme: ClosedRange<Int>,
                                otherTexts: [String]) -> Result<TaskDraft, FieldErrors> {
        var errors = FieldErrors()
        let text = PlanText.read(text, field: "text", label: "Задача", errors: &errors)
        let first = PlanText.year(firstYear, field: "first_year", label: "Первый год задачи", errors: &errors)
        let last = PlanText.year(lastYear, field: "last_year", label: "Последний год задачи", errors: &errors)
        if let text, otherTexts.contains(text) { errors.add("text", "У направления уже есть такая задача.") }
        if let first, let last {
            if last < first { errors.add("last_year", "Последний год задачи раньше первого.") }
            if !programme.contains(first) || !programme.contains(last) {
                errors.add("first_year", "Годы задачи — внутри периода программы \(programme.lowerBound)–\(programme.upperBound).")
            }
        }
        guard errors.isEmpty, let text, let first, let last else { return .failure(errors) }
        return .success(TaskDraft(text: text, years: first...last))
    }
}

/// A target indicator: its name, unit, starting point, a target for each programme year and how its
/// value is obtained.
public struct IndicatorDraft: Sendable, Equatable {
    public var title: String
    public var unit: String
    public var baselineYear: Int
    public var baseline: Double?
    public var targets: [Int: Double]
    public var formula: IndicatorFormula?
    public var source: String?

    /// The field of the target of `year` in a form: `target_2026`.
    public static func targetField(_ year: Int) -> String { "target_\(year)" }
    /// The form's value of «entered by hand» in the formula choice.
    public static let manual = "manual"

    /// `fields` holds the form as typed: `title`, `unit`, `baseline_year`, `baseline`, `formula`,
    /// `source` and `target_<year>` for each programme year.
    public static func validate(_ fields: [String: String], programme: ClosedRange<Int>) -> Result<IndicatorDraft, FieldErrors> {
        var errors = FieldErrors()
        let title = PlanText.read(fields["title"], field: "title", label: "Название индикатора", errors: &errors)
        let unit = PlanText.read(fields["unit"], field: "unit", label: "Единица измерения", max: 50, errors: &errors)
        let baselineYear = PlanText.year(fields["baseline_year"], field: "baseline_year", label: "Год исходного значения", errors: &errors)
        let isPercent = unit?.contains("%") ?? false
        func number(_ field: String, _ label: String) -> Double? {
            let text = (fields[field] ?? "").trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return nil }
            guard let value = PlainNumber.decimal(text) else {
                errors.add(field, "\(label) — число, например 75 или 12,5.")
                return nil
            }
            if isPercent && !(0...100).contains(value) { errors.add(field, "\(label) — процент от 0 до 100.") }
            return value
        }
        let baseline = number("baseline", "Исходное значение")
        var targets: [Int: Double] = [:]
        for year in programme { targets[year] = number(targetField(year), "Цель на \(year) год") }
        var formula: IndicatorFormula?
        switch fields["formula"] ?? "" {
        case manual: formula = nil
        case let key:
            formula = IndicatorFormula(rawValue: key)
            if formula == nil { errors.add("formula", "Выберите, как получается значение: одна из формул Опоры или ввод вручную.") }
        }
        let source = PlanText.read(fields["source"], field: "source", label: "Источник значения", required: false, errors: &errors)
        if fields["formula"] == manual && source == nil {
            errors.add("source", "Значение вносится вручную: укажите источник (например, «отчёт ОО-1» или «данные ЦНППМ»).")
        }
        guard errors.isEmpty, let title, let unit, let baselineYear else { return .failure(errors) }
        return .success(IndicatorDraft(title: title, unit: unit, baselineYear: baselineYear, baseline: baseline, targets: targets,
                                       formula: formula, source: formula == nil ? source : nil))
    }
}

/// A measure of the plan as its author describes it: what, by when, who and with what product.
public struct MeasureDraft: Sendable, Equatable {
    public var name: String
    public var deadline: Day?
    public var responsible: String?
    public var product: String?
    public var level: MeasureLevel
    /// Said to the user, not refused: a deadline outside the programme's period.
    public var warning: String?

    public static func validate(name: String?, deadline: String?, responsible: String?, product: String?, level: String?,
                                programme: ClosedRange<Int>) -> Result<MeasureDraft, FieldErrors> {
        var errors = FieldErrors()
        let name = PlanText.read(name, field: "name", label: "Наименование мероприятия", errors: &errors)
        let responsible = PlanText.read(responsible, field: "responsible", label: "Ответственные", required: false, errors: &errors)
        let product = PlanText.read(product, field: "product", label: "Продукт, результат", required: false, errors: &errors)
        let level = MeasureLevel(rawValue: level ?? "")
        if level == nil { errors.add("level", "Выберите, кто выполняет мероприятие.") }
        var day: Day?
        let deadlineText = (deadline ?? "").trimmingCharacters(in: .whitespaces)
        if !deadlineText.isEmpty {
            day = Day(deadlineText)
            if day == nil { errors.add("deadline", "Срок — дата вида ДД.ММ.ГГГГ.") }
        }
        guard errors.isEmpty, let name, let level else { return .failure(errors) }
        let warning = day.flatMap { programme.contains($0.year) ? nil
            : "Срок \($0.russian) — вне периода программы \(programme.lowerBound)–\(programme.upperBound). Мероприятие сохранено; проверьте срок." }
        return .success(MeasureDraft(name: name, deadline: day, responsible: responsible, product: product, level: level, warning: warning))
    }

    /// The year a measure belongs to: its task's only year, else its deadline's within the task's
    /// years, else the task's first year.
    public static func year(task: ClosedRange<Int>, deadline: Day?) -> Int {
        if let d = deadline, task.contains(d.year) { return d.year }
        return task.lowerBound
    }
}
