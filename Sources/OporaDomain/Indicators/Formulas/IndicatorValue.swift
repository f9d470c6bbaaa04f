/// One target indicator of one year as computed from the rows: the value, the share of each participating
/// school, the rows it stands on and the formula in words. The issue asks that every value equal the one
/// recomputed by hand from its drill-down, so the value carries its own drill-down.
public struct IndicatorValue: Codable, Sendable, Equatable {
    /// 1…5, as in the seed table «Результативность».
    public var number: Int
    public var year: Int
    /// The sums of the breakdown: schools, teachers, students or staff positions, by indicator.
    public var numerator: Double
    public var denominator: Double
    /// Percent 0…100, not rounded (the page rounds); nil when the denominator is 0, because «0 %» would claim a
    /// result where there is no data.
    public var value: Double?
    /// Every participating school, sorted by code: which schools pull the value down.
    public var breakdown: [SchoolPart]
    /// Every row the value stands on, including the ones looked at and not counted, with the reason.
    public var sources: [SourceRow]
    /// The formula in words with the figures, in Russian.
    public var explanation: [String]

    /// The totals are the sums of `breakdown`, so the per-school parts always add up to the value shown.
    public init(number: Int, year: Int, breakdown: [SchoolPart], sources: [SourceRow], explanation: [String] = []) {
        self.number = number
        self.year = year
        numerator = breakdown.reduce(0) { $0 + $1.numerator }
        denominator = breakdown.reduce(0) { $0 + $1.denominator }
        value = IndicatorValue.percent(numerator, of: denominator)
        self.breakdown = breakdown
        self.sources = sources
        self.explanation = explanation
    }

    static func percent(_ numerator: Double, of denominator: Double) -> Double? {
        denominator > 0 ? numerator / denominator * 100 : nil
    }
}

extension IndicatorValue {
    /// One participating school's share of the value.
    public struct SchoolPart: Codable, Sendable, Equatable {
        public var schoolCode: String
        public var schoolName: String
        public var numerator: Double
        public var denominator: Double
        /// Percent 0…100; nil when the school's denominator is 0.
        public var value: Double?
        /// Russian, e.g. «нет данных»; nil when there is nothing to add to the figures.
        public var note: String?

        public init(schoolCode: String, schoolName: String, numerator: Double, denominator: Double, note: String? = nil) {
            self.schoolCode = schoolCode
            self.schoolName = schoolName
            self.numerator = numerator
            self.denominator = denominator
            value = IndicatorValue.percent(numerator, of: denominator)
            self.note = note
        }
    }

    /// The kind of row a value stands on; stored as a string.
    public enum SourceKind: String, Codable, Sendable, CaseIterable {
        case checklist, teacher, training, position, gia, composite

        public var russian: String {
            switch self {
            case .checklist: "пункт перечня"
            case .teacher: "работник"
            case .training: "курс"
            case .position: "ставки"
            case .gia: "ГИА"
            case .composite: "сводный результат"
            }
        }
    }

    /// One row a value stands on, so that a reader can find it and check the figure by hand.
    public struct SourceRow: Codable, Sendable, Equatable {
        public var kind: SourceKind
        /// The fact's `id`; for a composite, «код школы/год», because composites are computed, not stored.
        public var id: String
        public var schoolCode: String
        /// In the numerator. A row looked at and left out (a course outside the period, a non-pedagogical
        /// position) is listed with `false`, so that «why is it not counted?» has an answer.
        public var counted: Bool
        /// Russian, with the row's figures and the verdict.
        public var description: String

        public init(kind: SourceKind, id: String, schoolCode: String, counted: Bool, description: String) {
            self.kind = kind
            self.id = id
            self.schoolCode = schoolCode
            self.counted = counted
            self.description = description
        }
    }
}
