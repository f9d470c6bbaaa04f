/// Where a targeted recommendation stands.
public enum RecommendationStatus: String, CaseIterable, Codable, Sendable {
    case proposed, accepted, inProgress, done, declined

    public var russian: String {
        switch self {
        case .proposed: return "предложена"
        case .accepted: return "принята школой"
        case .inProgress: return "выполняется"
        case .done: return "выполнена"
        case .declined: return "отклонена"
        }
    }
}

/// Who a school works with.
public enum PartnerKind: String, CaseIterable, Codable, Sendable {
    case school, university, pdn, culture, additionalEducation, parents, other

    public var russian: String {
        switch self {
        case .school: return "Школа"
        case .university: return "Вуз, институт развития образования"
        case .pdn: return "ПДН (подразделение по делам несовершеннолетних)"
        case .culture: return "Учреждение культуры"
        case .additionalEducation: return "Дополнительное образование"
        case .parents: return "Родительская общественность"
        case .other: return "Другое"
        }
    }
}

/// What kind of event the network holds.
public enum EventKind: String, CaseIterable, Codable, Sendable {
    case seminar, internship, olympiad, subjectDay, parentMeeting, other

    public var russian: String {
        switch self {
        case .seminar: return "Семинар"
        case .internship: return "Стажировка"
        case .olympiad: return "Олимпиада"
        case .subjectDay: return "Предметный день (неделя)"
        case .parentMeeting: return "Родительское собрание"
        case .other: return "Другое"
        }
    }
}

/// The resources a school inventories besides the equal-access checklist, which the inventory
/// also holds (and writes, for indicator 1).
public enum ResourceInventory {
    public static let extraItems = [
        "Локальная сеть",
        "Медиатека (библиотечно-информационный центр)",
        "Интерактивное оборудование в учебных кабинетах",
        "Лаборатория (естественно-научная)",
    ]
}
