/// A requested change of a measure's status, responsible, deadline or completion, validated
/// against the rules of the plan before anything is written.
public struct MeasureChange: Sendable, Equatable {
    public var status: MeasureStatus
    public var responsible: String
    public var deadline: String
    public var completedOn: String
    public var completedBy: String
    public var comment: String
    public var cancelReason: String
    public var evidenceLink: String

    public init(status: MeasureStatus, responsible: String = "", deadline: String = "",
                completedOn: String = "", completedBy: String = "", comment: String = "",
                cancelReason: String = "", evidenceLink: String = "") {
        self.status = status
        self.responsible = responsible
        self.deadline = deadline
        self.completedOn = completedOn
        self.completedBy = completedBy
        self.comment = comment
        self.cancelReason = cancelReason
        self.evidenceLink = evidenceLink
    }

    /// What the change means once it is valid.
    public struct Valid: Sendable, Equatable {
        public var status: MeasureStatus
        public var responsible: String?
        public var deadline: Day?
        public var completedOn: Day?
        public var completedBy: String?
        public var comment: String?
        public var cancelReason: String?
        public var evidenceLink: String?
    }

    /// - Parameters:
    ///   - current: the measure's status now.
    ///   - hasEvidence: whether the measure already has evidence or a file comes with this change.
    ///   - today: completion cannot be dated in the future.
    public func validate(current: MeasureStatus, hasEvidence: Bool, today: Day) -> Result<Valid, FieldErrors> {
        var errors = FieldErrors()
        let clean = { (s: String) -> String? in
            let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty ? nil : t
        }
        if status != current && !current.next.contains(status) {
            errors.add("status", "Из состояния «\(current.russian)» нельзя перейти в «\(status.russian)».")
        }
        var deadlineDay: Day?
        if let text = clean(deadline) {
            deadlineDay = Day(text)
            if deadlineDay == nil { errors.add("deadline", "Срок должен быть датой вида ДД.ММ.ГГГГ.") }
        }
        var link = clean(evidenceLink)
        if let l = link {
            let lower = l.lowercased()
            if !(lower.hasPrefix("https://") || lower.hasPrefix("http://")) || l.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" }) {
                errors.add("evidenceLink", "Ссылка должна начинаться с https:// или http:// и не содержать пробелов.")
                link = nil
            }
        }
        var doneOn: Day?
        var doneBy: String?
        if status == .done {
            if let text = clean(completedOn) {
                doneOn = Day(text)
                if doneOn == nil { errors.add("completedOn", "Дата выполнения должна быть датой вида ДД.ММ.ГГГГ.") }
                else if doneOn! > today { errors.add("completedOn", "Дата выполнения не может быть позже сегодняшнего дня.") }
            } else {
                errors.add("completedOn", "Укажите дату выполнения.")
            }
            doneBy = clean(completedBy)
            if doneBy == nil { errors.add("completedBy", "Укажите, кто выполнил мероприятие.") }
            if !hasEvidence && link == nil && errors["evidenceLink"] == nil {
                errors.add("evidence", "Приложите подтверждение: файл или ссылку.")
            }
        }
        let reason = clean(cancelReason)
        if status == .cancelled && reason == nil {
            errors.add("cancelReason", "Укажите причину отмены.")
        }
        guard errors.isEmpty else { return .failure(errors) }
        return .success(Valid(
            status: status, responsible: clean(responsible), deadline: deadlineDay,
            completedOn: status == .done ? doneOn : nil, completedBy: status == .done ? doneBy : nil,
            comment: clean(comment), cancelReason: status == .cancelled ? reason : nil, evidenceLink: link))
    }
}
