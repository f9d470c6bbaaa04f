/// Where a reference success share came from: shown next to every figure compared with it.
public enum ReferenceSource: String, Codable, Sendable {
    /// The imported regional reference row (`ResultRow.regionCode`).
    case regional
    /// Pooled over all schools' valid rows of the procedure and year.
    case pooled
    /// Pooled over the valid rows of every school of the region (`ReferenceScope.region`).
    case regionPooled
    /// A pooled row's (rule 1a): the participant-weighted mean of the references of its rows.
    case smallGroups

    /// «успеваемость по региону 78 %», «успеваемость по муниципалитету 78 %»
    public var russian: String {
        switch self {
        case .regional: return "по региону"
        case .pooled: return "по муниципалитету"
        case .regionPooled: return "по школам региона"
        case .smallGroups: return "малых групп по их процедурам (средняя, с весами по числу участников)"
        }
    }
}

/// The reference success share (успеваемость) of one procedure in one year, with the counts it was
/// computed from, so every composite can be traced to the rows behind it.
public struct ReferenceValue: Codable, Sendable, Equatable {
    public var procedure: Procedure
    public var year: Int
    /// `1 − fails / participants`
    public var value: Double
    public var source: ReferenceSource
    public var participants: Int
    public var fails: Int

    public init(procedure: Procedure, year: Int, source: ReferenceSource, participants: Int, fails: Int) {
        self.procedure = procedure
        self.year = year
        self.value = 1 - Double(fails) / Double(participants)
        self.source = source
        self.participants = participants
        self.fails = fails
    }
}
