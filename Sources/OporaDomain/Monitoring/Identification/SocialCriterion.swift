/// A criterion of adverse social conditions (НСУ): five shares from the school's social context of the
/// year and the distance from the school registry.
public enum SocialCriterion: String, CaseIterable, Codable, Sendable {
    case lowIncome
    case incompleteFamily
    case noHigherEducation
    case nonNative
    case preventiveRegister
    case distance

    public var russian: String {
        switch self {
        case .lowIncome: return "Доля малоимущих семей"
        case .incompleteFamily: return "Доля неполных семей"
        case .noHigherEducation: return "Доля обучающихся, у которых ни один из родителей не имеет высшего образования"
        case .nonNative: return "Доля обучающихся, для которых русский язык не родной"
        case .preventiveRegister: return "Доля обучающихся на профилактическом учёте (внутришкольный учёт, ПДН, КДН)"
        case .distance: return "Удалённость от муниципального центра"
        }
    }

    /// Five criteria are shares 0…1; the distance is in kilometres.
    public var isShare: Bool { self != .distance }

    /// «35 %» for a share, «62 км» for the distance.
    public func formatted(_ value: Double) -> String {
        isShare ? RussianNumberFormat.percent(value) : RussianNumberFormat.decimal(value, fractionDigits: 0...1) + " км"
    }

    /// The field of `MethodologyParameters` that holds this criterion's threshold.
    public var parameterKey: String { self == .distance ? "distanceKm" : rawValue }

    /// The school's value of the criterion, nil where unknown.
    func value(context: SocialContext?, school: SchoolFacts) -> Double? {
        switch self {
        case .lowIncome: return context?.lowIncomeShare
        case .incompleteFamily: return context?.incompleteFamilyShare
        case .noHigherEducation: return context?.noHigherEducationShare
        case .nonNative: return context?.nonNativeShare
        case .preventiveRegister: return context?.preventiveRegisterShare
        case .distance: return school.distanceKm
        }
    }
}

/// One social criterion checked for one school: an unknown value is shown as such and is not met.
public struct CriterionResult: Codable, Sendable, Equatable {
    public var criterion: SocialCriterion
    public var value: Double?
    public var threshold: Double
    public var met: Bool

    public init(criterion: SocialCriterion, value: Double?, threshold: Double, met: Bool) {
        self.criterion = criterion
        self.value = value
        self.threshold = threshold
        self.met = met
    }
}
