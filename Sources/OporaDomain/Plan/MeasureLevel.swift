/// Who carries out a measure: the municipality, each participating school in its own plan, or both.
/// A school plan holds only the measures for schools.
public enum MeasureLevel: String, CaseIterable, Codable, Sendable {
    case municipal
    case school
    case both

    public var russian: String {
        switch self {
        case .municipal: return "муниципалитет"
        case .school: return "каждая участвующая школа"
        case .both: return "муниципалитет и каждая участвующая школа"
        }
    }

    /// Whether each participating school's plan holds the measure.
    public var inSchoolPlans: Bool { self != .municipal }
}
