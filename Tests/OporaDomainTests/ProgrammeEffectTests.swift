@testable import OporaDomain
import Foundation
import Testing

/// The programme's effect: participating schools against their nearest non-participating schools on the two
/// baseline composites and the social index, with a reproducible bootstrap interval.
private func effectSchool(_ code: String, _ p: Bool, _ composites: [Int: Double], social: Double? = 1.0) -> EffectSchool {
    EffectSchool(code: code, participating: p, composites: composites, socialIndex: social)
}

@Suite struct ProgrammeEffectTests {
    /// P1–P3 and C1–C3 stand alike before the programme (−10 п. п. in 2018 and 2019, index 1); C4 stands apart.
    /// In 2020 every P gains 5 п. п., C1–C3 gain 2, 1 and 3 (mean 2): effect = 5 − 2 = 3 п. п.
    static let alike: [EffectSchool] = [
        effectSchool("P1", true, [2018: -0.10, 2019: -0.10, 2020: -0.05]),
        effectSchool("P2", true, [2018: -0.10, 2019: -0.10, 2020: -0.05]),
        effectSchool("P3", true, [2018: -0.10, 2019: -0.10, 2020: -0.05]),
        effectSchool("C1", false, [2018: -0.10, 2019: -0.10, 2020: -0.08]),
        effectSchool("C2", false, [2018: -0.10, 2019: -0.10, 2020: -0.09]),
        effectSchool("C3", false, [2018: -0.10, 2019: -0.10, 2020: -0.07]),
        effectSchool("C4", false, [2018: 0.20, 2019: 0.20, 2020: 0.25], social: 0.5),
    ]

    @Test func theEffectIsTheParticipatingSchoolsChangeLessTheirMatchesChange() throws {
        let e = ProgrammeEffect.estimate(schools: Self.alike, baseline: 2019, years: [2020])
        #expect(e.participating == ["P1", "P2", "P3"] && e.pool == ["C1", "C2", "C3", "C4"])
        #expect(e.matches["P1"] == ["C1", "C2", "C3"], "distance 0 to C1–C3, far from C4")
        let y = try #require(e.years.first)
        #expect(y.year == 2020 && y.schools == 3)
        #expect(close(y.changeParticipating, 0.05) && close(y.changeMatched, 0.02) && close(y.effect, 0.03))
        let i = try #require(y.interval)
        #expect(i.low <= 0.03 + 1e-9 && 0.03 - 1e-9 <= i.high)
        let balance = try #require(e.balance)
        #expect(close(balance.compositeParticipating, -0.10) && close(balance.compositeMatched, -0.10))
        #expect(close(balance.socialParticipating, 1) && close(balance.socialMatched, 1) && close(balance.meanDistance, 0))
        #expect(e.supported, "\(e.notSupported)")
        #expect(e.trajectories.map(\.year) == [2018, 2019, 2020])
        #expect(close(e.trajectories.last?.participating, -0.05) && close(e.trajectories.last?.matched, -0.08))
        // The same rows give the same interval, run after run.
        #expect(ProgrammeEffect.estimate(schools: Self.alike, baseline: 2019, years: [2020]) == e)
    }

    /// The hand-made municipality: the programme's schools gain exactly 5 п. п., their matches (and every
    /// other school) nothing: the estimate is 0.05 in every bootstrap draw, so the interval is 0.05…0.05.
    @Test func aGainOfFivePointsAgainstMatchesThatGainNothingIsFivePoints() throws {
        let schools = Self.alike.map { s -> EffectSchool in
            var s = s
            s.composites[2020] = s.composites[2019]! + (s.participating ? 0.05 : 0)
            return s
        }
        let y = try #require(ProgrammeEffect.estimate(schools: schools, baseline: 2019, years: [2020]).years.first)
        #expect(close(y.changeParticipating, 0.05) && close(y.changeMatched, 0) && close(y.effect, 0.05))
        let i = try #require(y.interval)
        #expect(close(i.low, 0.05) && close(i.high, 0.05) && !i.contains(0))
    }

    /// The same with no gain: P gains +1, −1 and 0 п. п., C1–C3 +1, −1 and 0: the estimate is 0 and so is the
    /// middle of the interval, which holds 0 and has a spread (draws that take one school twice move it).
    @Test func noGainGivesZeroInsideTheInterval() throws {
        let gains = ["P1": 0.01, "P2": -0.01, "P3": 0, "C1": 0.01, "C2": -0.01, "C3": 0, "C4": 0]
        let schools = Self.alike.map { s -> EffectSchool in
            var s = s
            s.composites[2020] = s.composites[2019]! + gains[s.code]!
            return s
        }
        let y = try #require(ProgrammeEffect.estimate(schools: schools, baseline: 2019, years: [2020]).years.first)
        #expect(close(y.effect, 0))
        let i = try #require(y.interval)
        #expect(i.contains(0) && i.low < -0.001 && i.high > 0.001, "\(i)")
    }

    @Test func matchingStandardisesEachMeasureOverTheScope() throws {
        // Composite in 2019 spread 0.1 apart, social index 1 apart: in raw units the index would decide; standardised,
        // C1 (same composites, index 2 instead of 1) is as far as C2 (same index, composite one spread away).
        // Over P1, C1, C2: composite(2019) −0.1, −0.1, 0 — mean −0.0667, sd 0.0471; index 1, 2, 1 — mean 1.333, sd 0.4714.
        // d(P1, C1) = |1 − 2| / 0.4714 = 2.1213; d(P1, C2) = |−0.1 − 0| / 0.0471 = 2.1213 (2018 equal throughout).
        let schools = [effectSchool("P1", true, [2018: 0, 2019: -0.1]), effectSchool("C1", false, [2018: 0, 2019: -0.1], social: 2),
                       effectSchool("C2", false, [2018: 0, 2019: 0])]
        let space = MatchSpace(schools: schools, baseline: 2019)
        #expect(close(space.distance(0, 1), 2.1213203, tolerance: 1e-6))
        #expect(close(space.distance(0, 2), 2.1213203, tolerance: 1e-6))
        // Equal distances: the tie goes to the smaller code.
        #expect(space.nearest(to: 0, among: [2, 1], count: 1).map(\.school.code) == ["C1"])
    }

    @Test func tooFewSchoolsOrFarMatchesSupportNoConclusionButTheTrajectoriesAreShown() throws {
        let two = ProgrammeEffect.estimate(schools: Array(Self.alike.dropFirst()), baseline: 2019, years: [2020])
        #expect(two.notSupported == ["В сравнении всего 2 школы программы, а нужно не меньше 3."])
        #expect(two.trajectories.count == 3)
        let fewPool = ProgrammeEffect.estimate(schools: Array(Self.alike.prefix(5)), baseline: 2019, years: [2020])
        #expect(fewPool.notSupported == ["Школ для сравнения (не в программе, со сводным результатом за 2018 и 2019 годы и социальным индексом) всего 2, а нужно не меньше 3."])
        // Only C4 and far copies of it to compare with: the matches are more than a standard deviation away.
        let far = Array(Self.alike.prefix(3)) + [effectSchool("C4", false, [2018: 0.2, 2019: 0.2, 2020: 0.25], social: 0.5),
                                                  effectSchool("C5", false, [2018: 0.25, 2019: 0.2, 2020: 0.25], social: 0.5),
                                                  effectSchool("C6", false, [2018: 0.2, 2019: 0.25, 2020: 0.25], social: 0.5)]
        let apart = ProgrammeEffect.estimate(schools: far, baseline: 2019, years: [2020])
        #expect(apart.notSupported.count == 1 && apart.notSupported[0].hasPrefix("Похожих школ для сравнения нет: пары различаются в среднем на"),
                "\(apart.notSupported)")
        #expect(apart.years.first?.effect != nil, "the figure is still computed and shown with the warning")
    }

    @Test func aSchoolWithoutBaselineFiguresIsLeftOutWithItsReason() throws {
        let schools = Self.alike + [effectSchool("P4", true, [2019: -0.2, 2020: 0]), effectSchool("P5", true, [2018: -0.2, 2019: -0.2], social: nil)]
        let e = ProgrammeEffect.estimate(schools: schools, baseline: 2019, years: [2020, 2021])
        #expect(e.leftOut.map(\.code) == ["P4", "P5"])
        #expect(e.leftOut.map(\.reason) == ["нет сводного результата за 2018 год", "нет социального индекса за 2019 год"])
        #expect(e.years.map(\.year) == [2020, 2021])
        #expect(e.years.last?.effect == nil && e.years.last?.schools == 0, "no composite of 2021 yet")
    }

    /// The case: schools chosen for two low years, no effect at all. 300 schools, each with its own level
    /// (sd 5 п. п.) and yearly noise (sd 5 п. п.); the programme takes 30 of the 60 lowest on 2018 + 2019. Their own
    /// before/after gain is regression to the mean; matched on both baseline years, the estimate stays at 0 with 0
    /// inside. The figures are those of an independent Python run of the same generator, draws and matching
    /// (naive +1,72 п. п., effect −0,0014 п. п., interval −2,77…+2,54 п. п., mean match distance 0,63).
    /// 300 schools, each with its own level (sd 5 п. п.) and yearly noise (sd 5 п. п.), 2018–2020; the programme
    /// takes 30 of the 60 lowest on 2018 + 2019 and adds `planted` to their 2020.
    static func simulated(planted: Double) -> [EffectSchool] {
        var random = SplitMix64(seed: 7)
        func normal() -> Double {
            let u1 = (Double(random.next() >> 11) + 0.5) / 9_007_199_254_740_992, u2 = Double(random.next() >> 11) / 9_007_199_254_740_992
            return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
        }
        var schools: [EffectSchool] = []
        for i in 0..<300 {
            let own = 0.05 * normal()
            var composites: [Int: Double] = [:]
            for y in 2018...2020 { composites[y] = own + 0.05 * normal() }
            schools.append(EffectSchool(code: String(format: "S%03d", i), participating: false, composites: composites, socialIndex: 1 + 0.2 * normal()))
        }
        let lowest = schools.sorted { $0.composites[2018]! + $0.composites[2019]! < $1.composites[2018]! + $1.composites[2019]! }.prefix(60)
        let chosen = Set(lowest.enumerated().filter { $0.offset % 2 == 0 }.map(\.element.code))
        return schools.map {
            var s = $0
            s.participating = chosen.contains(s.code)
            if s.participating { s.composites[2020]! += planted }
            return s
        }
    }

    static func simulatedEffect(planted: Double) throws -> (naive: Double, effect: ProgrammeEffect) {
        let schools = simulated(planted: planted), taking = schools.filter(\.participating)
        let naive = taking.map { $0.composites[2020]! - $0.composites[2019]! }.reduce(0, +) / Double(taking.count)
        var settings = EffectSettings()
        settings.resamples = 300
        return (naive, ProgrammeEffect.estimate(schools: schools, baseline: 2019, years: [2020], settings: settings))
    }

    /// The case: schools chosen for two low years, no effect at all. Their own before/after gain is
    /// regression to the mean; matched on both baseline years, the estimate stays at 0 with 0 inside. The figures
    /// are those of an independent Python run of the same generator, draws and matching (naive +1,72 п. п., effect
    /// −0,0014 п. п., interval −2,77…+2,54 п. п., mean match distance 0,63).
    @Test func regressionToTheMeanStaysOutOfTheFigure() throws {
        let (naive, e) = try Self.simulatedEffect(planted: 0)
        let y = try #require(e.years.first)
        let effect = try #require(y.effect), interval = try #require(y.interval)
        #expect(close(naive, 0.017227444285704472, tolerance: 1e-9))
        #expect(close(effect, -1.4358498030744155e-05, tolerance: 1e-9))
        #expect(close(interval.low, -0.027660789446077277, tolerance: 1e-9) && close(interval.high, 0.025412036984511353, tolerance: 1e-9))
        #expect(close(e.balance?.meanDistance, 0.6275258387894138, tolerance: 1e-9))
        #expect(naive > 0.015 && abs(effect) < naive / 2 && interval.contains(0) && e.supported)
    }

    /// The same schools with a planted effect of +5 п. п. in 2020: every draw moves by exactly 0.05 (the matching
    /// reads only 2018 and 2019), so the interval is the placebo's shifted, and it excludes 0.
    @Test func aPlantedEffectIsFoundAndItsIntervalExcludesZero() throws {
        let y = try #require(try Self.simulatedEffect(planted: 0.05).effect.years.first)
        let interval = try #require(y.interval)
        #expect(close(y.effect, 0.05 - 1.4358498030744155e-05, tolerance: 1e-9))
        #expect(close(interval.low, 0.05 - 0.027660789446077277, tolerance: 1e-9) && close(interval.high, 0.05 + 0.025412036984511353, tolerance: 1e-9))
        #expect(!interval.contains(0))
    }
}
