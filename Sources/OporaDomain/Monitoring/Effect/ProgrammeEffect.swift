import Foundation

/// The programme's effect (DESIGN.md, «The programme's effect»): how much more the participating schools'
/// composites changed since the baseline year than those of comparable schools that did not take part.
/// Schools chosen for two years of low results tend to look better the next year anyway (regression to the
/// mean); matching on both years before the programme keeps that out of the figure.
public struct ProgrammeEffect: Sendable, Equatable {
    /// One programme year.
    public struct YearEffect: Sendable, Equatable {
        public var year: Int
        /// Participating schools with a composite this year (and their matches).
        public var schools: Int
        /// Mean composite(Y) − composite(B) of the participating schools and of their matches.
        public var changeParticipating: Double?
        public var changeMatched: Double?
        /// The difference of the two changes, and its 90 % bootstrap interval.
        public var effect: Double?
        public var interval: Interval?
    }

    /// Where both groups stood before the programme, and how close the matches are.
    public struct Balance: Sendable, Equatable {
        public var compositeParticipating: Double
        public var compositeMatched: Double
        public var socialParticipating: Double
        public var socialMatched: Double
        /// Mean distance of a match, in standard deviations of the three measures over the scope.
        public var meanDistance: Double
    }

    /// Mean composite of a group in one year: the chart's lines.
    public struct Point: Sendable, Equatable {
        public var year: Int
        public var participating: Double?
        public var matched: Double?
    }

    public var baseline: Int
    public var settings: EffectSettings
    /// Participating schools compared, by code, and those left out with the reason.
    public var participating: [String]
    public var leftOut: [LeftOut]
    /// The comparison pool: schools of the scope not in the programme with both baseline composites and a social index.
    public var pool: [String]
    /// Each participating school's nearest comparison schools.
    public var matches: [String: [String]]
    public var balance: Balance?
    public var years: [YearEffect]
    public var trajectories: [Point]
    /// Why the comparison supports no conclusion, in Russian; empty when it does.
    public var notSupported: [String]

    public var supported: Bool { notSupported.isEmpty }

    /// A participating school the comparison cannot use, and why.
    public struct LeftOut: Sendable, Equatable {
        public var code: String
        public var reason: String
    }
}
