/// What the programme's effect is estimated from: for every school of the scope, whether it takes part, its
/// composite of each year (rule 5, as the monitoring of that year computed it) and its social index of the
/// baseline year.
public struct EffectSchool: Sendable, Equatable {
    public var code: String
    public var participating: Bool
    public var composites: [Int: Double]
    public var socialIndex: Double?

    public init(code: String, participating: Bool, composites: [Int: Double], socialIndex: Double?) {
        self.code = code
        self.participating = participating
        self.composites = composites
        self.socialIndex = socialIndex
    }
}

/// The fixed choices of the estimate, stated on the page beside it.
public struct EffectSettings: Sendable, Equatable {
    /// Comparison schools per participating school (nearest, with replacement).
    public var neighbours = 3
    /// Bootstrap resamples of the schools.
    public var resamples = 2_000
    /// The bootstrap's seed: the same rows give the same interval.
    public var seed: UInt64 = 20_200_101
    /// Fewer schools than this on either side support no conclusion.
    public var minimumSchools = 3
    /// A mean match distance above this many standard deviations: the matches are too far to compare with.
    public var maxMeanDistance = 1.0

    public init() {}
}

/// A small, fixed pseudo-random generator (SplitMix64): the bootstrap must give the same interval on every
/// machine and every run, which the system's generator does not promise.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
