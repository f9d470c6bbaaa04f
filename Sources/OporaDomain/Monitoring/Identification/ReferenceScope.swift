/// Which schools a reference success share is pooled over (rule 5): a versioned parameter, so that a
/// deployment chooses its yardstick and every list says which one it was made with.
public enum ReferenceScope: String, Codable, Sendable, CaseIterable {
    /// The imported regional row (`REGION`) where one exists, the municipality's own schools elsewhere.
    case imported
    /// The municipality's own schools; `REGION` rows are not read.
    case municipality
    /// Every school of the region, all its municipalities; `REGION` rows are not read.
    case region

    /// «Эталон: …», in the words of the pages.
    public var russian: String {
        switch self {
        case .imported: return "загруженная строка региона (REGION), а где её нет — все школы муниципалитета"
        case .municipality: return "все школы муниципалитета"
        case .region: return "все школы региона (всех его муниципалитетов)"
        }
    }
}

/// The counts of the valid rows of a whole region by procedure and year, summed outside the rows a
/// municipality's identification reads: the reference of `ReferenceScope.region`.
public struct ReferencePool: Sendable {
    struct Key: Hashable, Sendable {
        var procedure: Procedure
        var year: Int
    }

    private(set) var counts: [Key: (participants: Int, fails: Int)] = [:]

    public init() {}

    /// Adds the valid rows of a procedure and year (their counts summed).
    public mutating func add(procedure: Procedure, year: Int, participants: Int, fails: Int) {
        let key = Key(procedure: procedure, year: year)
        let old = counts[key] ?? (0, 0)
        counts[key] = (old.participants + participants, old.fails + fails)
    }

    func counts(of procedure: Procedure, year: Int) -> (participants: Int, fails: Int)? {
        counts[Key(procedure: procedure, year: year)]
    }
}
