@testable import OporaDomain
import Testing

@Suite struct IndicatorEqualAccessTests {
    @Test func schoolsWithEveryItemAvailableOverParticipatingSchools() throws {
        // setup: S1, S2, S3 have both items; S4 has no computer class. 3 / 4 = 75 %
        let rows = fullChecklist("S1") + fullChecklist("S2") + fullChecklist("S3")
            + [checklist("S4", internet), checklist("S4", computerClass, false)]
        // act
        let value = IndicatorFormulas.compute(number: 1, year: 2021, inputs: inputs(["S1", "S2", "S3", "S4"], checklists: rows))
        // check
        #expect(value.numerator == 3)
        #expect(value.denominator == 4)
        #expect(close(value.value, 75))
        #expect(try part(value, "S4").note == "нет: Компьютерный класс")
        #expect(try part(value, "S1").note == nil)
        #expect(value.explanation.first == "Школ без недостающих пунктов перечня: 3 из 4 участвующих (75 %).")
        #expect(try source(value, "S4|2021|Компьютерный класс").description
            == "«Компьютерный класс», 2021: нет — не засчитан")
    }

    @Test func anItemWithoutARowCountsAsMissing() throws {
        // setup: S1 has only the internet row; S2 sent nothing for 2021, only for 2020. 0 / 2 = 0 %
        let rows = [checklist("S1", internet)] + items.map { checklist("S2", $0, year: 2020) }
        // act
        let value = IndicatorFormulas.compute(number: 1, year: 2021, inputs: inputs(["S1", "S2"], checklists: rows))
        // check
        #expect(value.numerator == 0)
        #expect(value.denominator == 2)
        #expect(close(value.value, 0))
        #expect(try part(value, "S1").note == "нет сведений по пунктам: Компьютерный класс")
        #expect(try part(value, "S2").note == "нет данных")
        #expect(value.sources.map(\.id) == ["S1|2021|\(internet)"])
        #expect(value.sources.allSatisfy { !$0.counted })
    }

    @Test func nonParticipatingSchoolsAreIgnored() throws {
        // setup: S1 meets, S2 lacks an item; S9 meets but does not take part. 1 / 2 = 50 %
        let rows = fullChecklist("S1") + [checklist("S2", internet, false), checklist("S2", computerClass)]
            + fullChecklist("S9")
        // act
        let value = IndicatorFormulas.compute(number: 1, year: 2021, inputs: inputs(["S1", "S2"], checklists: rows))
        // check
        #expect(close(value.value, 50))
        #expect(value.breakdown.map(\.schoolCode) == ["S1", "S2"])
        #expect(!value.sources.contains { $0.schoolCode == "S9" })
    }

    @Test func anItemNoLongerOnTheListIsShownButNotCounted() throws {
        // setup: S1 has both items and an old item «Спортзал» that the admin removed from the list. 1 / 1
        let rows = fullChecklist("S1") + [checklist("S1", "Спортзал", false)]
        // act
        let value = IndicatorFormulas.compute(number: 1, year: 2021, inputs: inputs(["S1"], checklists: rows))
        // check
        #expect(close(value.value, 100))
        let old = try source(value, "S1|2021|Спортзал")
        #expect(!old.counted)
        #expect(old.description == "«Спортзал», 2021: нет — не входит в текущий перечень, не учитывается")
    }

    @Test func anEmptyListLeavesTheValueUndefined() throws {
        // setup: nothing to meet: denominator 0 rather than every school at 100 %
        var given = inputs(["S1"], checklists: fullChecklist("S1"))
        given.checklistItems = []
        // act
        let value = IndicatorFormulas.compute(number: 1, year: 2021, inputs: given)
        // check
        #expect(value.denominator == 0)
        #expect(value.value == nil)
        #expect(try part(value, "S1").note == "перечень не задан")
    }
}

@Suite struct IndicatorTrainingTests {
    @Test func trainedPedagogicalWorkersOverAllPedagogicalWorkers() throws {
        // setup: S1: a (trained), b (trained); S2: c (trained), d (not); S3: e (not), f (not), g (trained).
        // (2 + 1 + 1) / (2 + 2 + 3) = 4 / 7 = 57.142857… %
        let staff = [teacher("a", "S1"), teacher("b", "S1"), teacher("c", "S2"), teacher("d", "S2"),
                     teacher("e", "S3"), teacher("f", "S3"), teacher("g", "S3")]
        let courses = [course("ca", "a", "2019-01-10"), course("cb", "b", "2020-06-01"),
                       course("cc", "c", "2021-12-31"), course("cg", "g", "2021-03-12")]
        // act
        let value = IndicatorFormulas.compute(number: 2, year: 2021,
                                              inputs: inputs(["S1", "S2", "S3"], teachers: staff, trainings: courses))
        // check
        #expect(value.numerator == 4)
        #expect(value.denominator == 7)
        #expect(close(value.value, 400.0 / 7))
        #expect(try part(value, "S1").value == 100)
        #expect(close(try part(value, "S3").value, 100.0 / 3))
        #expect(value.explanation.first == "Педагогов с курсом о качестве образования по ФГОС, завершённым в 2019–2021:"
            + " 4 из 7 педагогических работников участвующих школ, работавших в 2021 году (57,1 %).")
    }

    @Test func coursesOutsideThePeriodOrNotAboutQualityDoNotCount() throws {
        // setup: a: quality course in 2018 (before 2019); b: 2022 (after 2021); c: 2021 but not about quality.
        // 0 / 3 = 0 %
        let staff = [teacher("a", "S1"), teacher("b", "S1"), teacher("c", "S1")]
        let courses = [course("ca", "a", "2018-12-31"), course("cb", "b", "2022-01-15"),
                       course("cc", "c", "2021-03-12", quality: false)]
        // act
        let value = IndicatorFormulas.compute(number: 2, year: 2021,
                                              inputs: inputs(["S1"], teachers: staff, trainings: courses))
        // check
        #expect(value.numerator == 0)
        #expect(value.denominator == 3)
        #expect(close(value.value, 0))
        #expect(try source(value, "ca").description
            == "Педагог a, учитель: курс «Качество образования по ФГОС» завершён 31.12.2018 — не засчитан: завершён вне 2019–2021")
        #expect(try source(value, "cc").description.hasSuffix("— не засчитан: курс не о качестве образования по ФГОС"))
        #expect(value.sources.allSatisfy { !$0.counted })
    }

    @Test func workersWhoLeftOrAreNotPedagogicalAreNotInTheDenominator() throws {
        // setup: a stays (trained); b left on 31.12.2020 (trained in 2020); c is a librarian (trained);
        // d joins on 01.09.2021 (not trained); e joins in 2022. Employed pedagogical in 2021: a, d. 1 / 2 = 50 %
        let staff = [teacher("a", "S1"), teacher("b", "S1", to: "2020-12-31"),
                     teacher("c", "S1", position: "библиотекарь", pedagogical: false),
                     teacher("d", "S1", from: "2021-09-01"), teacher("e", "S1", from: "2022-09-01")]
        let courses = [course("ca", "a", "2021-03-01"), course("cb", "b", "2020-03-01"), course("cc", "c", "2021-03-01")]
        // act
        let value = IndicatorFormulas.compute(number: 2, year: 2021,
                                              inputs: inputs(["S1"], teachers: staff, trainings: courses))
        // check
        #expect(value.numerator == 1)
        #expect(value.denominator == 2)
        #expect(close(value.value, 50))
        #expect(try source(value, "c").description == "Педагог c, библиотекарь — не педагогический работник, не учитывается")
        #expect(!value.sources.contains { ["b", "cb", "e", "cc"].contains($0.id) })
    }

    @Test func twoCoursesOfOneTeacherCountHimOnce() throws {
        // setup: Иванова has two quality courses in the period, Петров none. 1 / 2 = 50 %, not 2 / 2
        let staff = [teacher("a", "S1", name: "Иванова А. П.", position: "учитель математики"), teacher("b", "S1")]
        let courses = [course("c1", "a", "2020-11-20"), course("c2", "a", "2021-03-12", title: "Функциональная грамотность")]
        // act
        let value = IndicatorFormulas.compute(number: 2, year: 2021,
                                              inputs: inputs(["S1"], teachers: staff, trainings: courses))
        // check
        #expect(value.numerator == 1)
        #expect(value.denominator == 2)
        #expect(value.sources.filter { $0.kind == .teacher && $0.counted }.map(\.id) == ["a"])
        #expect(try source(value, "c2").description
            == "Иванова А. П., учитель математики: курс «Функциональная грамотность» завершён 12.03.2021 — засчитан")
        #expect(try source(value, "c1").counted)
    }

    @Test func teachersOfNonParticipatingSchoolsAreIgnored() throws {
        // setup: S1: a trained; S9 (not taking part): b, c untrained. 1 / 1 = 100 %
        let staff = [teacher("a", "S1"), teacher("b", "S9"), teacher("c", "S9")]
        // act
        let value = IndicatorFormulas.compute(number: 2, year: 2021,
                                              inputs: inputs(["S1"], teachers: staff, trainings: [course("ca", "a", "2021-02-01")]))
        // check
        #expect(close(value.value, 100))
        #expect(value.sources.allSatisfy { $0.schoolCode == "S1" })
    }
}
