import OporaDomain
import Testing

/// The rules of what a user types into a programme's plan, case by case.
@Suite struct PlanDraftsTests {
    let period = 2025...2027

    @Test func aTaskLivesInsideThePeriodRunsForwardAndIsNotGivenTwice() throws {
        let good = try TaskDraft.validate(text: "  Наставничество  ", firstYear: "2025", lastYear: "2026", programme: period, otherTexts: []).get()
        #expect(good.text == "Наставничество" && good.years == 2025...2026)
        func problems(_ text: String?, _ first: String?, _ last: String?, others: [String] = []) -> [String: String] {
            guard case .failure(let e) = TaskDraft.validate(text: text, firstYear: first, lastYear: last, programme: period, otherTexts: others) else { return [:] }
            return e.messages
        }
        #expect(problems("", "2025", "2025")["text"] == "Задача: поле не заполнено.")
        #expect(problems("Т", "2024", "2025")["first_year"] == "Годы задачи — внутри периода программы 2025–2027.")
        #expect(problems("Т", "2027", "2026")["last_year"] == "Последний год задачи раньше первого.")
        #expect(problems("Т", "две тысячи", "2026")["first_year"]?.contains("год от 2000 до 2100") == true)
        #expect(problems("Т", "2025", "2025", others: ["Т"])["text"] == "У направления уже есть такая задача.")
    }

    @Test func anIndicatorInPercentKeepsItsFiguresBetweenZeroAndAHundred() throws {
        var form = ["title": "Доля школ", "unit": "%", "baseline_year": "2024", "baseline": "40", "target_2025": "50",
                    "target_2026": "", "target_2027": "80,5", "formula": "equalAccess", "source": "не нужен"]
        let good = try IndicatorDraft.validate(form, programme: period).get()
        #expect(good.targets == [2025: 50, 2027: 80.5] && good.baseline == 40 && good.formula == .equalAccess)
        // A source is kept only for a value entered by hand.
        #expect(good.source == nil)
        form["target_2026"] = "100,1"
        form["baseline"] = "−1"
        guard case .failure(let e) = IndicatorDraft.validate(form, programme: period) else { Issue.record("accepted 100,1 %"); return }
        #expect(e["target_2026"] == "Цель на 2026 год — процент от 0 до 100.")
        #expect(e["baseline"] == "Исходное значение — процент от 0 до 100.")
        // Outside percent any finite number will do; a number with words is refused whole, never cut.
        form["unit"] = "чел."
        form["target_2026"] = "1 200"
        form["baseline"] = "12 шт."
        guard case .failure(let e2) = IndicatorDraft.validate(form, programme: period) else { Issue.record("accepted «12 шт.»"); return }
        #expect(e2.messages.keys.sorted() == ["baseline"])
        form["baseline"] = "12"
        #expect(try IndicatorDraft.validate(form, programme: period).get().targets[2026] == 1200)
    }

    @Test func anIndicatorEnteredByHandNamesItsSource() throws {
        var form = ["title": "Охват", "unit": "%", "baseline_year": "2024", "formula": IndicatorDraft.manual, "source": ""]
        guard case .failure(let e) = IndicatorDraft.validate(form, programme: period) else { Issue.record("no source accepted"); return }
        #expect(e["source"]?.contains("укажите источник") == true)
        form["source"] = "отчёт ОО-1"
        let good = try IndicatorDraft.validate(form, programme: period).get()
        #expect(good.formula == nil && good.source == "отчёт ОО-1" && good.targets.isEmpty)
        form["formula"] = "median"
        guard case .failure(let e2) = IndicatorDraft.validate(form, programme: period) else { Issue.record("unknown formula accepted"); return }
        #expect(e2["formula"] != nil)
    }

    @Test func aMeasureOutsideThePeriodIsWarnedAboutAndItsYearComesFromItsTask() throws {
        let late = try MeasureDraft.validate(name: "Семинар", deadline: "15.03.2028", responsible: " ", product: nil, level: "both", programme: period).get()
        #expect(late.warning == "Срок 15.03.2028 — вне периода программы 2025–2027. Мероприятие сохранено; проверьте срок.")
        #expect(late.responsible == nil && late.level == .both)
        guard case .failure(let e) = MeasureDraft.validate(name: "", deadline: "31.02.2026", responsible: nil, product: nil, level: "all", programme: period) else {
            Issue.record("accepted"); return
        }
        #expect(e.messages.keys.sorted() == ["deadline", "level", "name"])
        // A task of one year gives that year; of several, the deadline's year among them, else the first.
        #expect(MeasureDraft.year(task: 2026...2026, deadline: nil) == 2026)
        #expect(MeasureDraft.year(task: 2025...2027, deadline: Day("15.05.2026")) == 2026)
        #expect(MeasureDraft.year(task: 2025...2026, deadline: Day("15.05.2028")) == 2025)
    }

    @Test func theFormulasKeepTheSeedNumbering() {
        #expect(IndicatorFormula.allCases.map(\.seedNumber) == [1, 2, 3, 4, 5])
        #expect(IndicatorFormula(seedNumber: 3) == .gia && IndicatorFormula(seedNumber: 6) == nil)
        #expect(MeasureLevel.municipal.inSchoolPlans == false && MeasureLevel.school.inSchoolPlans && MeasureLevel.both.inSchoolPlans)
    }
}
