/// The rows the five target indicators are computed from. Each has a stable `id` so that every
/// figure can list the rows it stands on.

/// A pedagogical or other worker of a school. Teachers are named (their development plans need it)
/// and visible only inside their municipality.
public struct TeacherFact: Hashable, Codable, Sendable {
    public var id: String
    public var schoolCode: String
    /// The school's own number for the teacher (табельный номер); unique within the school.
    public var teacherCode: String
    public var name: String
    public var position: String
    public var pedagogical: Bool
    /// «высшая», «первая», «соответствие занимаемой должности», or nil.
    public var qualification: String?
    public var employedFrom: Day?
    public var employedTo: Day?

    public init(id: String, schoolCode: String, teacherCode: String, name: String, position: String, pedagogical: Bool,
                qualification: String?, employedFrom: Day?, employedTo: Day?) {
        self.id = id
        self.schoolCode = schoolCode
        self.teacherCode = teacherCode
        self.name = name
        self.position = position
        self.pedagogical = pedagogical
        self.qualification = qualification
        self.employedFrom = employedFrom
        self.employedTo = employedTo
    }

    /// Employed at some time in calendar year `year`.
    public func isEmployed(in year: Int) -> Bool {
        let start = Day(year: year, month: 1, day: 1)!, end = Day(year: year, month: 12, day: 31)!
        return (employedFrom.map { $0 <= end } ?? true) && (employedTo.map { $0 >= start } ?? true)
    }
}

/// A completed course of professional development or retraining.
public struct TrainingFact: Hashable, Codable, Sendable {
    public var id: String
    public var teacherID: String
    public var title: String
    public var provider: String?
    public var hours: Int?
    public var completedOn: Day
    /// Concerns the quality of education per ФГОС: only these count for indicator 2.
    public var concernsQuality: Bool
    public var certificate: String?

    public init(id: String, teacherID: String, title: String, provider: String?, hours: Int?, completedOn: Day,
                concernsQuality: Bool, certificate: String?) {
        self.id = id
        self.teacherID = teacherID
        self.title = title
        self.provider = provider
        self.hours = hours
        self.completedOn = completedOn
        self.concernsQuality = concernsQuality
        self.certificate = certificate
    }
}

/// Staff positions (ставки) of one kind at a school in a year.
public struct StaffPositionFact: Hashable, Codable, Sendable {
    public var id: String
    public var schoolCode: String
    public var year: Int
    public var position: String
    public var pedagogical: Bool
    public var positions: Double
    public var filled: Double
    public var filledQualified: Double

    public init(id: String, schoolCode: String, year: Int, position: String, pedagogical: Bool, positions: Double,
                filled: Double, filledQualified: Double) {
        self.id = id
        self.schoolCode = schoolCode
        self.year = year
        self.position = position
        self.pedagogical = pedagogical
        self.positions = positions
        self.filled = filled
        self.filledQualified = filledQualified
    }

    public var vacancies: Double { max(0, positions - filled) }
}

/// One item of the equal-access checklist at a school in a year.
public struct ChecklistFact: Hashable, Codable, Sendable {
    public var id: String
    public var schoolCode: String
    public var year: Int
    public var item: String
    public var available: Bool

    public init(id: String, schoolCode: String, year: Int, item: String, available: Bool) {
        self.id = id
        self.schoolCode = schoolCode
        self.year = year
        self.item = item
        self.available = available
    }
}

/// ГИА of a school in a year: how many took it and how many passed (every mandatory subject).
public struct GIAOutcomeFact: Hashable, Codable, Sendable {
    public var id: String
    public var schoolCode: String
    public var year: Int
    public var participants: Int
    public var passed: Int

    public init(id: String, schoolCode: String, year: Int, participants: Int, passed: Int) {
        self.id = id
        self.schoolCode = schoolCode
        self.year = year
        self.participants = participants
        self.passed = passed
    }
}

/// The default equal-access checklist (the admin can edit the list).
public enum EqualAccessChecklist {
    public static let defaultItems = [
        "Широкополосный доступ в интернет",
        "Платформа дистанционного обучения в работе",
        "Компьютерный класс",
        "Педагог-психолог (в штате или по сетевому договору)",
        "Учитель-логопед (в штате или по сетевому договору)",
        "Социальный педагог (в штате или по сетевому договору)",
        "Учитель-дефектолог (в штате или по сетевому договору)",
    ]
}
