@testable import OporaDomain
import Testing

/// Rule 10: every fail share with its 90 % Wilson interval, low rows «на границе», НРО that rests on them
/// «неустойчив», every composite with its interval from the binomial variance of its rows.
@Suite struct IdentificationUncertaintyTests {
    @Test func wilsonIntervalsAsComputedByHand() throws {
        // 2 of 6, z = 1.64485: p = 1/3, z²/n = 0.45092, centre = (1/3 + 0.22546) / 1.45092 = 0.38513,
        // half = z·√(p(1 − p)/6 + z²/144) / 1.45092 = 1.64485·√0.055825 / 1.45092 = 0.26786 → 0.11728…0.65299.
        let third = try #require(Uncertainty.wilson(count: 2, of: 6))
        #expect(close(third.low, 0.117276, tolerance: 1e-6) && close(third.high, 0.652985, tolerance: 1e-6))
        // 0 of 6: p = 0, so half = centre = (z²/12) / 1.45092 = 0.15539: 0…0.31078 — not the point 0 a «± z·σ» would give.
        let none = try #require(Uncertainty.wilson(count: 0, of: 6))
        #expect(none.low == 0 && close(none.high, 0.310784, tolerance: 1e-6))
        // 6 of 6 mirrors it.
        let all = try #require(Uncertainty.wilson(count: 6, of: 6))
        #expect(all.high == 1 && close(all.low, 1 - 0.310784, tolerance: 1e-6))
        // 200 of 600 is the same third, far narrower.
        let many = try #require(Uncertainty.wilson(count: 200, of: 600))
        #expect(many.high - many.low < 0.07 && many.low > 0.30)
        #expect(Uncertainty.wilson(count: 1, of: 0) == nil && Uncertainty.wilson(count: 7, of: 6) == nil)
    }

    @Test func aLowRowWhoseIntervalReachesBelowTheThresholdIsOnTheBorder() throws {
        // 3 of 8 = 37,5 % ≥ 30 %: low, but its interval starts at 16,1 %. 45 of 100: from 37,1 %, clear of 30 %.
        let rows = [row("S1", 2019, math5, n: 8, fails: 3), row("S1", 2019, russian5, n: 100, fails: 45)]
        let s1 = try #require(identify(rows, schools: [school("S1")]).assessment(of: "S1"))
        let small = try #require(s1.rows.first { $0.row.procedure == math5 })
        let large = try #require(s1.rows.first { $0.row.procedure == russian5 })
        #expect(small.low && small.borderline && close(small.failInterval?.low, 0.161172, tolerance: 1e-6))
        #expect(large.low && !large.borderline && close(large.failInterval?.low, 0.370561, tolerance: 1e-6))
        let text = s1.explanation.joined(separator: "\n")
        #expect(text.contains("«2» у 3 из 8 (37,5 %, 90-процентный интервал от 16,1 до 65,2 %) — не ниже порога 30 %, это низкий результат,"
            + " но на границе: интервал заходит ниже порога, так что низкий результат мог выйти случайно"), "\(text)")
        #expect(text.contains("«2» у 45 из 100 (45 %, 90-процентный интервал от 37,1 до 53,2 %) — не ниже порога 30 %, это низкий результат;"))
    }

    @Test func nroThatRestsOnBorderRowsIsUnstableButKeepsItsCategory() throws {
        // S1: 5/10 and 4/10 both years: every low row on the border (intervals from 26,9 % and 19,4 %). S2: 50/100 and 45/100.
        let parameters = MethodologyParameters.defaults
        var rows: [ResultRow] = []
        for year in [2018, 2019] {
            rows += lowYear("S1", year)
            rows += [row("S2", year, math5, n: 100, fails: 50), row("S2", year, russian5, n: 100, fails: 45)]
        }
        let result = identify(rows, schools: [school("S1"), school("S2")], parameters: parameters)
        let s1 = try #require(result.assessment(of: "S1")), s2 = try #require(result.assessment(of: "S2"))
        #expect(s1.category == .lowResults && s1.unstable)
        #expect(s1.explanation.contains("Вывод неустойчив: без строк «на границе» не каждый из этих лет был бы годом с низкими результатами."
            + " Это примечание, категория от него не меняется."))
        #expect(s2.category == .lowResults && !s2.unstable)
        #expect(!s2.explanation.joined().contains("неустойчив"))
    }

    @Test func theCompositesIntervalComesFromTheBinomialVarianceOfItsRows() throws {
        // One row, n = 10, 5 «2» (p = 0.5, and p̃ = (5 + z²/2)/(10 + z²) = 0.5), regional reference 0.8, k = 10:
        // d = 10·(0.5 − 0.8)/20 = −0.15; Var = (10/10)²·(10/20)²·0.25/10 = 0.00625, half = 1.64485·0.0790569 = 0.130037 → −0.280037…−0.019963.
        let one = [row("S1", 2019, math5, n: 10, fails: 5), region(2019, math5, n: 100, fails: 20)]
        let s1 = try #require(identify(one, schools: [school("S1")]).assessment(of: "S1"))
        #expect(close(s1.composite, -0.15))
        let i = try #require(s1.compositeInterval)
        #expect(close(i.low, -0.280037, tolerance: 1e-6) && close(i.high, -0.019963, tolerance: 1e-6))
        #expect(s1.explanation.contains { $0.contains("ниже эталона, 90-процентный интервал от −28 до −2 п. п. (") })
        // Two rows: 10 with 5 «2» and 30 with 3 (p = 0.1, p̃ = (3 + 1.352842)/32.705685 = 0.133090), both references 0.8:
        // d₂ = 30·(0.9 − 0.8)/40 = 0.075; composite = (10·(−0.15) + 30·0.075)/40 = 0.01875;
        // Var = (1/4)²·(1/2)²·0.25/10 + (3/4)²·(3/4)²·0.133090·0.866910/30 = 0.000390625 + 0.00121687 = 0.00160749,
        // half = 1.64485·0.0400935 = 0.0659480: −4,7…+8,5 п. п., the interval holds 0.
        let two = one + [row("S1", 2019, russian5, n: 30, fails: 3), region(2019, russian5, n: 100, fails: 20)]
        let both = try #require(identify(two, schools: [school("S1")]).assessment(of: "S1"))
        #expect(close(both.composite, 0.01875))
        let j = try #require(both.compositeInterval)
        #expect(close(j.low, 0.01875 - 0.0659480, tolerance: 1e-6) && close(j.high, 0.01875 + 0.0659480, tolerance: 1e-6) && j.contains(0))
        #expect(both.explanation.contains { $0.contains("выше эталона, 90-процентный интервал от −4,7 до +8,5 п. п. — не отличается от эталона: интервал включает 0") })
        // No «2» at all in 30: the row still varies (p̃ = 1.352842/32.705685 = 0.041364), so the interval is not a point.
        let clear = [row("S1", 2019, math5, n: 30, fails: 0), region(2019, math5, n: 100, fails: 20)]
        let s3 = try #require(identify(clear, schools: [school("S1")]).assessment(of: "S1")?.compositeInterval)
        #expect(s3.high - s3.low > 0.01)
    }
}
