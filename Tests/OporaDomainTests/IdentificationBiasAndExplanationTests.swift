import Foundation
@testable import OporaDomain
import Testing

@Suite struct IdentificationBiasTests {
    /// ВПР 19 of 20 pass (0.95) against a regional 1 − 200/1000 = 0.80: 0.15 above, exactly the margin.
    private let vprRows = [row("S1", 2019, math5, n: 20, fails: 1), region(2019, math5, n: 1000, fails: 200)]

    @Test func vprFarAboveTheReferenceWhileGIAFailsIsFlagged() throws {
        // setup: ОГЭ 3 of 10 fail = 0.30, at the threshold
        let rows = vprRows + [row("S1", 2019, ogeMath, n: 10, fails: 3)]
        // act
        let s1 = try #require(identify(rows, schools: [school("S1")]).assessment(of: "S1"))
        // check
        guard case let .vprAboveReferenceWithGIAFails(success, reference, giaFails) = s1.biasFlags.first else {
            Issue.record("no flag: \(s1.biasFlags)"); return
        }
        #expect(close(success, 0.95) && close(reference, 0.80) && close(giaFails, 0.30))
        #expect(s1.biasFlags.count == 1)
        // the flag never changes the category: no 2018 rows, so still insufficient data
        #expect(s1.category == .insufficientData)
        #expect(s1.explanation.contains { $0.hasPrefix("Признак необъективности: успеваемость по ВПР 95 % выше эталона 80 %") })
    }

    @Test func vprFlagNeedsBothConditions() {
        // setup: S1 ВПР 18/20 = 0.90, only 0.10 above 0.80, with ОГЭ 3/10 = 0.30;
        // S2 ВПР 0.95 but ОГЭ 2/10 = 0.20 < 0.30; S3 ВПР 0.95 and no ГИА at all
        let rows = [region(2019, math5, n: 1000, fails: 200),
                    row("S1", 2019, math5, n: 20, fails: 2), row("S1", 2019, ogeMath, n: 10, fails: 3),
                    row("S2", 2019, math5, n: 20, fails: 1), row("S2", 2019, ogeMath, n: 10, fails: 2),
                    row("S3", 2019, math5, n: 20, fails: 1)]
        // act
        let result = identify(rows, schools: [school("S1"), school("S2"), school("S3")])
        // check
        #expect(result.schools.allSatisfy { $0.biasFlags.isEmpty })
    }

    /// Four other schools whose composites change by +0.1, −0.1, +0.1, −0.1 and S whose composite moves
    /// from −0.4 to +0.2. With k = 0 and a regional reference 0.8, d = success − 0.8.
    private func jumpRows(others: [String]) -> [ResultRow] {
        var rows = [region(2018, math5, n: 1000, fails: 200), region(2019, math5, n: 1000, fails: 200),
                    row("S", 2018, math5, n: 10, fails: 6), row("S", 2019, math5, n: 10, fails: 0)]
        for (i, code) in others.enumerated() {
            rows.append(row(code, 2018, math5, n: 10, fails: 2))
            rows.append(row(code, 2019, math5, n: 10, fails: i % 2 == 0 ? 1 : 3))
        }
        return rows
    }

    @Test func compositeJumpBeyondThreeSigmasOfTheOtherSchoolsIsFlagged() {
        // setup: S changes by 0.2 − (−0.4) = 0.6. Others: +0.1, −0.1, +0.1, −0.1: mean 0, population SD 0.1.
        // 0.6 > 3·0.1 → flagged. Had S been in its own spread: mean 0.12, SD √(0.328/5) = 0.256, 3σ = 0.77 > 0.6.
        // A (+0.1) against B, C, D, S: mean 0.125, SD √(0.3275/4) = 0.286 → not flagged.
        let others = ["A", "B", "C", "D"]
        // act
        let result = identify(jumpRows(others: others), schools: (others + ["S"]).map { school($0) },
                              parameters: MethodologyParameters(priorStrength: 0))
        // check
        guard case let .compositeJump(change, sigma) = result.assessment(of: "S")?.biasFlags.first else {
            Issue.record("no jump flag"); return
        }
        #expect(close(change, 0.6) && close(sigma, 0.1))
        #expect(others.allSatisfy { result.assessment(of: $0)?.biasFlags.isEmpty == true })
        #expect(result.assessment(of: "S")?.category == SchoolCategory.none)
        // a one-year window still compares with the year before
        let oneYear = identify(jumpRows(others: others), schools: [school("S")],
                               parameters: MethodologyParameters(years: 1, priorStrength: 0))
        #expect(oneYear.assessment(of: "S")?.biasFlags.count == 1)
    }

    @Test func compositeJumpNeedsThreeOtherSchoolsAndSomeSpread() {
        // setup: with two other schools there is no spread to speak of; with four that all change by
        // +0.1 (2 → 1 fails) the SD is 0 and nothing is flagged either
        let twoOthers = jumpRows(others: ["A", "B"])
        let sameChange = jumpRows(others: []) + ["A", "B", "C", "D"].flatMap {
            [row($0, 2018, math5, n: 10, fails: 2), row($0, 2019, math5, n: 10, fails: 1)]
        }
        let parameters = MethodologyParameters(priorStrength: 0)
        // act
        let few = identify(twoOthers, schools: [school("S")], parameters: parameters)
        let flat = identify(sameChange, schools: [school("S")], parameters: parameters)
        // check
        #expect(few.assessment(of: "S")?.biasFlags.isEmpty == true)
        #expect(flat.assessment(of: "S")?.biasFlags.isEmpty == true)
    }
}

@Suite struct IdentificationExplanationTests {
    @Test func explanationAnswersWhyTheSchoolIsOnTheList() throws {
        // setup: 2019 math: S1 9 of 20 fail (45 %); pooled 1 − (9 + 13)/(20 + 80) = 0.78.
        // 2019 ОГЭ: 4 of 10 below the minimum; 2018 two low procedures; 3 social criteria met.
        let rows = lowYear("S1", 2018) + [row("S1", 2019, math5, n: 20, fails: 9), row("S2", 2019, math5, n: 80, fails: 13),
                                          row("S1", 2019, ogeMath, n: 10, fails: 4), row("S1", 2019, russian5, n: 3, fails: 1)]
        // act
        let s1 = try #require(identify(rows, schools: [school("S1")], contexts: [adverseContext("S1")]).assessment(of: "S1"))
        // check
        let text = s1.explanation
        #expect(s1.category == .lowResultsAndAdverse)
        #expect(text.contains("ВПР, 5 класс, математика, 2019: «2» у 9 из 20 (45 %, 90-процентный интервал от 28,4 до 62,8 %) — не ниже порога 30 %, это низкий результат"
            + ", но на границе: интервал заходит ниже порога, так что низкий результат мог выйти случайно; успеваемость по муниципалитету 78 %."))
        #expect(text.contains("ОГЭ, 9 класс, математика, 2019: ниже минимального балла у 4 из 10 (40 %, 90-процентный интервал от 19,4 до 64,8 %) — не ниже порога 30 %,"
            + " это низкий результат, но на границе: интервал заходит ниже порога, так что низкий результат мог выйти случайно; успеваемость по муниципалитету 60 %."))
        #expect(text.contains("2019 — год с низкими результатами: низкие результаты по 2 процедурам (нужно не менее 2)."))
        #expect(text.contains("Низкие результаты в каждом году с 2018 по 2019 — признак НРО."))
        #expect(text.contains("Не учтены из-за малого числа участников (меньше 5): ВПР, 5 класс, русский язык, 2019."))
        #expect(text.contains("Социальные критерии НСУ в 2019 году: выполнено 3 из 6, нужно не менее 3 — признак НСУ."))
        #expect(text.contains("Выполнен критерий «Доля малоимущих семей»: 40 % — не ниже порога 30 %."))
        #expect(text.contains { $0.hasPrefix("Нет данных, критерий не считается выполненным:") })
        #expect(text.last == "Категория «НРО и НСУ»: стабильно низкие результаты обучения в неблагоприятных социальных условиях.")
    }

    @Test func explanationStatesTheCompositeAndWhyAYearIsNotLow() throws {
        // setup: the shrinkage case: composite −1/15 = −0.0667, i.e. 6,7 percentage points below; 2018 missing
        let rows = [row("S1", 2019, math5, n: 5, fails: 2), region(2019, math5, n: 100, fails: 20)]
        // act
        let s1 = try #require(identify(rows, schools: [school("S1", km: 70)]).assessment(of: "S1"))
        // check
        let text = s1.explanation
        #expect(text.contains { $0.hasPrefix("Сводный результат 2019 года: успеваемость в среднем на 6,7 п. п. ниже эталона") })
        #expect(text.contains("2019 — не год с низкими результатами: низкие результаты по 1 процедуре (нужно не менее 2)."))
        #expect(text.contains("2018: нет результатов с числом участников не менее 5."))
        #expect(text.contains("Выполнен критерий «Удалённость от муниципального центра»: 70 км — не ниже порога 50 км."))
        #expect(text.last == "Категория «Недостаточно данных»: нет результатов с числом участников не менее 5 в 2018 году.")
    }

    @Test func russianNumbersUseACommaAndARealMinus() {
        // check
        #expect(RussianNumberFormat.percent(0.45) == "45 %")
        #expect(RussianNumberFormat.percent(1.0 / 3) == "33,3 %")
        #expect(RussianNumberFormat.decimal(0.3, fractionDigits: 2...4) == "0,30")
        #expect(RussianNumberFormat.decimal(0.325, fractionDigits: 2...4) == "0,325")
        #expect(RussianNumberFormat.decimal(50, fractionDigits: 0...4) == "50")
        #expect(RussianNumberFormat.signed(-0.046, fractionDigits: 3) == "−0,046")
        #expect(RussianNumberFormat.signed(0.15, fractionDigits: 3) == "+0,150")
        #expect(RussianNumberFormat.signed(-0.00001, fractionDigits: 3) == "0,000")
    }

    @Test func resultSurvivesAJSONRoundTrip() throws {
        // setup: a result with a bias flag, an invalid row and criteria
        let rows = [row("S1", 2019, math5, n: 20, fails: 1), region(2019, math5, n: 1000, fails: 200),
                    row("S1", 2019, ogeMath, n: 10, fails: 3), row("S1", 2018, russian5, n: 2, fails: 0)]
        let result = identify(rows, schools: [school("S1", km: 80)], contexts: [adverseContext("S1")])
        // act
        let decoded = try JSONDecoder().decode(IdentificationResult.self, from: JSONEncoder().encode(result))
        // check
        #expect(decoded == result)
        #expect(decoded.schools.first?.biasFlags.count == 1)
    }
}
