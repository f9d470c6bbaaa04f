import Foundation

extension ProgrammeEffect {
    /// The estimate for a programme whose baseline year is `baseline` (the year before its first), over its
    /// `years` with data. `schools`: every school of the scope, participating or not.
    public static func estimate(schools: [EffectSchool], baseline b: Int, years: [Int], settings: EffectSettings = .init()) -> ProgrammeEffect {
        var participating: [EffectSchool] = [], pool: [EffectSchool] = [], leftOut: [LeftOut] = []
        for s in schools.sorted(by: { $0.code < $1.code }) {
            let missing = s.composites[b] == nil ? "нет сводного результата за \(b) год"
                : s.composites[b - 1] == nil ? "нет сводного результата за \(b - 1) год"
                : s.socialIndex == nil ? "нет социального индекса за \(b) год" : nil
            if let missing {
                if s.participating { leftOut.append(LeftOut(code: s.code, reason: missing)) }
            } else if s.participating {
                participating.append(s)
            } else {
                pool.append(s)
            }
        }
        // The schools of both groups in one space: participating 0..<P, the pool after them.
        let space = MatchSpace(schools: participating + pool, baseline: b)
        let own = Array(participating.indices), others = Array(participating.count..<(participating.count + pool.count))
        let matches = own.map { space.nearest(to: $0, among: others, count: settings.neighbours) }
        let point = yearEffects(participating, matches, baseline: b, years: years)

        // The bootstrap: schools of both groups drawn again with replacement, the matching redone on each draw.
        var draws = [Int: [Double]]()
        if !own.isEmpty && !others.isEmpty {
            var random = SplitMix64(seed: settings.seed)
            func draw(_ from: [Int]) -> [Int] { from.indices.map { _ in from[Int(random.next() % UInt64(from.count))] } }
            for _ in 0..<settings.resamples {
                let ps = draw(own), cs = draw(others)
                let drawn = yearEffects(ps.map { space.schools[$0] }, ps.map { space.nearest(to: $0, among: cs, count: settings.neighbours) },
                                        baseline: b, years: years)
                for e in drawn { if let effect = e.effect { draws[e.year, default: []].append(effect) } }
            }
        }
        let effects = point.map { e -> YearEffect in
            var e = e
            if let d = draws[e.year], d.count >= settings.resamples / 2 { e.interval = Interval(low: quantile(d, 0.05), high: quantile(d, 0.95)) }
            return e
        }
        let balance = balanceOf(participating, matches, baseline: b)
        var notSupported: [String] = []
        if participating.isEmpty {
            notSupported.append("В программе нет школ со сводным результатом за \(b - 1) и \(b) годы и социальным индексом \(b) года.")
        } else if participating.count < settings.minimumSchools {
            notSupported.append("В сравнении всего \(RussianNoun.school.counted(participating.count)) программы, а нужно не меньше \(settings.minimumSchools).")
        }
        if pool.count < settings.minimumSchools {
            notSupported.append("Школ для сравнения (не в программе, со сводным результатом за \(b - 1) и \(b) годы и социальным индексом)"
                + " всего \(pool.count), а нужно не меньше \(settings.minimumSchools).")
        }
        if let balance, balance.meanDistance > settings.maxMeanDistance {
            notSupported.append("Похожих школ для сравнения нет: пары различаются в среднем на"
                + " \(RussianNumberFormat.decimal(balance.meanDistance, fractionDigits: 2...2)) стандартного отклонения,"
                + " допустимо не больше \(RussianNumberFormat.decimal(settings.maxMeanDistance, fractionDigits: 2...2)).")
        }
        if !effects.contains(where: { $0.effect != nil }) {
            notSupported.append("Ни за один год программы нет сводных результатов школ программы и школ сравнения.")
        }
        let trajectory = ([b - 1, b] + years.filter { $0 > b }).map { y in
            Point(year: y, participating: mean(participating.compactMap { $0.composites[y] }),
                  matched: mean(matches.flatMap { $0.map(\.school) }.compactMap { $0.composites[y] }))
        }
        return ProgrammeEffect(baseline: b, settings: settings, participating: participating.map(\.code), leftOut: leftOut,
                               pool: pool.map(\.code), matches: Dictionary(uniqueKeysWithValues: zip(participating.map(\.code), matches.map { $0.map(\.school.code) })),
                               balance: balance, years: effects, trajectories: trajectory, notSupported: notSupported)
    }

    /// effect(Y) = mean over P of [composite(Y) − composite(B)] − the same mean over each school's matches, for the
    /// schools with a composite in Y (a match without one is left out of its school's mean).
    static func yearEffects(_ participating: [EffectSchool], _ matches: [[MatchSpace.Match]], baseline b: Int, years: [Int]) -> [YearEffect] {
        years.filter { $0 > b }.map { y in
            var own: [Double] = [], matched: [Double] = []
            for (p, m) in zip(participating, matches) {
                guard let now = p.composites[y], let before = p.composites[b] else { continue }
                let changes = m.compactMap { c in c.school.composites[y].map { $0 - c.school.composites[b]! } }
                guard let change = mean(changes) else { continue }
                own.append(now - before)
                matched.append(change)
            }
            let a = mean(own), c = mean(matched)
            return YearEffect(year: y, schools: own.count, changeParticipating: a, changeMatched: c,
                              effect: a.flatMap { a in c.map { a - $0 } }, interval: nil)
        }
    }

    static func balanceOf(_ participating: [EffectSchool], _ matches: [[MatchSpace.Match]], baseline b: Int) -> Balance? {
        let all = matches.flatMap { $0 }
        guard !participating.isEmpty, !all.isEmpty else { return nil }
        return Balance(compositeParticipating: mean(participating.map { $0.composites[b]! })!, compositeMatched: mean(all.map { $0.school.composites[b]! })!,
                       socialParticipating: mean(participating.map { $0.socialIndex! })!, socialMatched: mean(all.map { $0.school.socialIndex! })!,
                       meanDistance: mean(all.map(\.distance))!)
    }

    static func mean(_ xs: [Double]) -> Double? { xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count) }

    /// The `p`-quantile by linear interpolation between the sorted values (R's type 7).
    static func quantile(_ xs: [Double], _ p: Double) -> Double {
        let s = xs.sorted()
        let h = Double(s.count - 1) * p
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, s.count - 1)
        return s[lo] + (h - Double(lo)) * (s[hi] - s[lo])
    }
}

/// The three measures a school is matched on — composite(B), composite(B−1), social index(B) — each
/// standardised over the scope's schools, and the distance between two schools in them. Schools are
/// numbered as given; their standardised measures are worked out once, since the bootstrap asks for
/// millions of distances.
struct MatchSpace {
    struct Match {
        var school: EffectSchool
        var distance: Double
    }

    let schools: [EffectSchool]
    private let measures: [SIMD3<Double>]

    init(schools: [EffectSchool], baseline b: Int) {
        self.schools = schools
        let raw = schools.map { SIMD3($0.composites[b]!, $0.composites[b - 1]!, $0.socialIndex!) }
        guard !raw.isEmpty else { measures = []; return }
        let n = Double(raw.count)
        let mean = raw.reduce(SIMD3<Double>.zero, +) / n
        let variance = raw.reduce(SIMD3<Double>.zero) { $0 + ($1 - mean) * ($1 - mean) } / n
        // A measure all schools share (a spread of 0) says nothing about which is nearer: it counts as 0 everywhere.
        let scale = SIMD3((0..<3).map { variance[$0] > 1e-24 ? 1 / variance[$0].squareRoot() : 0 })
        measures = raw.map { ($0 - mean) * scale }
    }

    func distance(_ i: Int, _ j: Int) -> Double {
        let d = measures[i] - measures[j]
        return (d * d).sum().squareRoot()
    }

    /// The `count` nearest of `pool` (indexes; with replacement: a school may be the match of several, and a
    /// school drawn twice by the bootstrap is two candidates), nearest first, ties by code.
    func nearest(to i: Int, among pool: [Int], count: Int) -> [Match] {
        var best: [(distance: Double, index: Int)] = []
        best.reserveCapacity(count + 1)
        for j in pool {
            let d = distance(i, j)
            if best.count == count, let last = best.last, !precedes((d, j), last) { continue }
            let at = best.firstIndex { precedes((d, j), $0) } ?? best.count
            best.insert((d, j), at: at)
            if best.count > count { best.removeLast() }
        }
        return best.map { Match(school: schools[$0.index], distance: $0.distance) }
    }

    private func precedes(_ a: (distance: Double, index: Int), _ b: (distance: Double, index: Int)) -> Bool {
        a.distance != b.distance ? a.distance < b.distance : schools[a.index].code < schools[b.index].code
    }
}
