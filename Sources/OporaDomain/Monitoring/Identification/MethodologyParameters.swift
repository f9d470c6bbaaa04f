/// The tunable numbers of the identification methodology (DESIGN.md, «Identification methodology»).
/// The admin edits them and every version is kept, so a list can always be recomputed with the
/// parameters it was made with.
public struct MethodologyParameters: Codable, Sendable, Equatable {
    /// A row with fewer participants says too little about a school: it is «мало участников» and used nowhere.
    public var minParticipants: Int
    /// A valid row is low when its fail share is at or above this share.
    public var failThreshold: Double
    /// A year is low when at least this many distinct procedures have a low row: one bad test is not a school's result.
    public var minProcedures: Int
    /// НРО needs this many consecutive low years, so that the list holds stably low schools only.
    public var years: Int
    /// `k`: how many «reference participants» a row is mixed with, so small schools are pulled toward the reference.
    public var priorStrength: Double
    /// Threshold of the share of low-income families.
    public var lowIncome: Double
    /// Threshold of the share of incomplete families.
    public var incompleteFamily: Double
    /// Threshold of the share of students none of whose parents has higher education.
    public var noHigherEducation: Double
    /// Threshold of the share of students whose native language is not Russian.
    public var nonNative: Double
    /// Threshold of the share of students on a preventive register (внутришкольный учёт, ПДН, КДН).
    public var preventiveRegister: Double
    /// Threshold of the distance to the municipal centre, km.
    public var distanceKm: Double
    /// НСУ needs at least this many social criteria met.
    public var minCriteria: Int
    /// The school's ВПР success share is «far above» its reference when it exceeds it by at least this.
    public var vprSuccessMargin: Double
    /// A composite change larger than this many standard deviations of the other schools' changes is suspicious.
    public var jumpSigmas: Double
    /// Which schools the references are pooled over (rule 5).
    public var referenceScope: ReferenceScope
    /// Rule 1a: a school's rows of fewer than `minParticipants` pooled per year and kind, so that a school
    /// whose classes are all small is still judged.
    public var poolSmallGroups: Bool

    public init(minParticipants: Int = 5, failThreshold: Double = 0.30, minProcedures: Int = 2, years: Int = 2,
                priorStrength: Double = 10, lowIncome: Double = 0.30, incompleteFamily: Double = 0.35,
                noHigherEducation: Double = 0.70, nonNative: Double = 0.15, preventiveRegister: Double = 0.05,
                distanceKm: Double = 50, minCriteria: Int = 3, vprSuccessMargin: Double = 0.15, jumpSigmas: Double = 3,
                referenceScope: ReferenceScope = .imported, poolSmallGroups: Bool = true) {
        self.minParticipants = minParticipants
        self.failThreshold = failThreshold
        self.minProcedures = minProcedures
        self.years = years
        self.priorStrength = priorStrength
        self.lowIncome = lowIncome
        self.incompleteFamily = incompleteFamily
        self.noHigherEducation = noHigherEducation
        self.nonNative = nonNative
        self.preventiveRegister = preventiveRegister
        self.distanceKm = distanceKm
        self.minCriteria = minCriteria
        self.vprSuccessMargin = vprSuccessMargin
        self.jumpSigmas = jumpSigmas
        self.referenceScope = referenceScope
        self.poolSmallGroups = poolSmallGroups
    }

    /// The values of DESIGN.md.
    public static let defaults = MethodologyParameters()

    /// Stored versions are kept forever: a field added later reads as its default from an older version,
    /// except `poolSmallGroups`, which reads as off, what the code did then: a version gives the list it gave.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = MethodologyParameters.defaults
        self.init(
            minParticipants: try c.decodeIfPresent(Int.self, forKey: .minParticipants) ?? d.minParticipants,
            failThreshold: try c.decodeIfPresent(Double.self, forKey: .failThreshold) ?? d.failThreshold,
            minProcedures: try c.decodeIfPresent(Int.self, forKey: .minProcedures) ?? d.minProcedures,
            years: try c.decodeIfPresent(Int.self, forKey: .years) ?? d.years,
            priorStrength: try c.decodeIfPresent(Double.self, forKey: .priorStrength) ?? d.priorStrength,
            lowIncome: try c.decodeIfPresent(Double.self, forKey: .lowIncome) ?? d.lowIncome,
            incompleteFamily: try c.decodeIfPresent(Double.self, forKey: .incompleteFamily) ?? d.incompleteFamily,
            noHigherEducation: try c.decodeIfPresent(Double.self, forKey: .noHigherEducation) ?? d.noHigherEducation,
            nonNative: try c.decodeIfPresent(Double.self, forKey: .nonNative) ?? d.nonNative,
            preventiveRegister: try c.decodeIfPresent(Double.self, forKey: .preventiveRegister) ?? d.preventiveRegister,
            distanceKm: try c.decodeIfPresent(Double.self, forKey: .distanceKm) ?? d.distanceKm,
            minCriteria: try c.decodeIfPresent(Int.self, forKey: .minCriteria) ?? d.minCriteria,
            vprSuccessMargin: try c.decodeIfPresent(Double.self, forKey: .vprSuccessMargin) ?? d.vprSuccessMargin,
            jumpSigmas: try c.decodeIfPresent(Double.self, forKey: .jumpSigmas) ?? d.jumpSigmas,
            referenceScope: try c.decodeIfPresent(ReferenceScope.self, forKey: .referenceScope) ?? d.referenceScope,
            poolSmallGroups: try c.decodeIfPresent(Bool.self, forKey: .poolSmallGroups) ?? false
        )
    }

    /// The threshold a social criterion is compared with.
    public func threshold(for criterion: SocialCriterion) -> Double {
        switch criterion {
        case .lowIncome: return lowIncome
        case .incompleteFamily: return incompleteFamily
        case .noHigherEducation: return noHigherEducation
        case .nonNative: return nonNative
        case .preventiveRegister: return preventiveRegister
        case .distance: return distanceKm
        }
    }
}
