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
        let space = MatchSpace(schools: participating + pool, baseline: b)
        let matches = participating.map { space.nearest(to: $0, among: pool, count: settings.neighbours) }
        let point = yearEffects(participating, matches, baseline: b, years: years)

        // The bootstrap: schools of both groups drawn again with replacement, the matching redone on each draw.
        var draws = [Int: [Double]]()
        if !participating.isEmpty && !pool.isEmpty {
            var random = SplitMix64(seed: settings.seed)
            func draw(_ from: [EffectSchool]) -> [EffectSchool] { from.indices.map { _ in from[Int(random.next() % UInt64(from.count))] } }
            for _ in 0..<settings.resamples {
                let ps = draw(participating), cs = draw(pool)
                let drawn = yearEffects(ps, ps.map { space.nearest(to: $0, among: cs, count: settings.neighbours) }, baseline: b, years: years)
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
        if participating.count < settings.minimumSchools {
            notSupported.append("В сравнении \(RussianNoun.school.counted(participating.count)) программы: нужно не меньше \(settings.minimumSchools).")
        }
        if pool.count < settings.minimumSchools {
            notSupported.append("Школ для сравнения (не в программе, со сводным результатом за \(b - 1) и \(b) годы и социальным индексом)"
                + " \(pool.count): нужно не меньше \(settings.minimumSchools).")
        }
        if let balance, balance.meanDistance > settings.maxMeanDistance {
            notSupported.append("Похожих школ для сравнения нет: пары различаются в среднем на"
                + " \(RussianNumberFormat.decimal(balance.meanDistance, fractionDigits: 1...2)) стандартного отклонения,"
                + " допустимо не больше \(RussianNumberFormat.decimal(settings.maxMeanDistance, fractionDigits: 0...2)).")
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
/// standardised over the scope's schools, and the distance between two schools in them.
struct MatchSpace {
    struct Match {
        var school: EffectSchool
        var distance: Double
    }

    private var means: [Double] = [0, 0, 0]
    private var deviations: [Double] = [1, 1, 1]
    let baseline: Int

    init(schools: [EffectSchool], baseline: Int) {
        self.baseline = baseline
        guard !schools.isEmpty else { return }
        let values = schools.map { raw($0) }
        for j in 0..<3 {
            let column = values.map { $0[j] }
            let m = column.reduce(0, +) / Double(column.count)
            let sd = (column.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(column.count)).squareRoot()
            means[j] = m
            deviations[j] = sd > 1e-12 ? sd : 1
        }
    }

    func raw(_ s: EffectSchool) -> [Double] { [s.composites[baseline]!, s.composites[baseline - 1]!, s.socialIndex!] }

    func distance(_ a: EffectSchool, _ c: EffectSchool) -> Double {
        let x = raw(a), y = raw(c)
        return (0..<3).reduce(0.0) { $0 + ((x[$1] - y[$1]) / deviations[$1]) * ((x[$1] - y[$1]) / deviations[$1]) }.squareRoot()
    }

    /// The `count` nearest of `pool` (with replacement: a school may be the match of several), ties by code.
    func nearest(to school: EffectSchool, among pool: [EffectSchool], count: Int) -> [Match] {
        Array(pool.map { Match(school: $0, distance: distance(school, $0)) }
            .sorted { ($0.distance, $0.school.code) < ($1.distance, $1.school.code) }.prefix(count))
    }
}
