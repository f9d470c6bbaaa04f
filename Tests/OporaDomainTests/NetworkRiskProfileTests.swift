@testable import OporaDomain
import Testing

private let code = "bal-03"
private let year = 2022

private func inputs(_ configure: (inout RiskInputs) -> Void = { _ in }) -> RiskInputs {
    var i = RiskInputs(schoolCode: code, year: year, areas: CompetenceAreas.defaults, minParticipants: 5)
    configure(&i)
    return i
}

private func suggestion(_ factor: String, _ i: RiskInputs) -> RiskSuggestion {
    RiskProfileRules.suggest(i).first { $0.factor == factor }!
}

private func level(_ factor: String, _ i: RiskInputs) -> RiskLevel? { suggestion(factor, i).level }

private func pedagogue(_ teacherCode: String, school: String = code, pedagogical: Bool = true, from: String? = nil,
                       to: String? = nil) -> TeacherFact {
    TeacherFact(id: "\(school)|\(teacherCode)", schoolCode: school, teacherCode: teacherCode, name: "Педагог \(teacherCode)",
                position: pedagogical ? "учитель" : "лаборант", pedagogical: pedagogical, qualification: nil,
                employedFrom: from.map { Day($0)! }, employedTo: to.map { Day($0)! })
}

private func score(_ teacherCode: String, _ date: String, _ area: String, _ value: Double) -> DiagnosticFact {
    let teacherID = "\(code)|\(teacherCode)"
    return DiagnosticFact(id: "\(teacherID)|\(Day(date)!.iso)|\(area)", teacherID: teacherID, date: Day(date)!, area: area, score: value)
}

private func course(_ teacherCode: String, _ date: String, quality: Bool) -> TrainingFact {
    TrainingFact(id: "\(code)|\(teacherCode)|\(date)", teacherID: "\(code)|\(teacherCode)", title: "Курс", provider: nil, hours: 72,
                 completedOn: Day(date)!, concernsQuality: quality, certificate: nil)
}

/// `missing` of the first `total` default-like items are «нет», the rest «есть».
private func checklist(total: Int, missing: Int, school: String = code, year y: Int = year) -> [ChecklistFact] {
    (0..<total).map { n in ChecklistFact(id: "\(school)|\(y)|\(n)", schoolCode: school, year: y, item: "Пункт \(n + 1)", available: n >= missing) }
}

private let eightItems = (1...8).map { "Пункт \($0)" }

private func post(_ position: String, _ positions: Double, _ filled: Double, pedagogical: Bool = true, school: String = code,
                  year y: Int = year) -> StaffPositionFact {
    StaffPositionFact(id: "\(school)|\(y)|\(position)", schoolCode: school, year: y, position: position, pedagogical: pedagogical,
                      positions: positions, filled: filled, filledQualified: filled)
}

private func result(_ kind: AssessmentKind, _ grade: Int, _ subject: String, _ participants: Int, _ fails: Int,
                    school: String = code, year y: Int = year) -> ResultRow {
    ResultRow(year: y, procedure: Procedure(kind: kind, grade: grade, subject: subject), schoolCode: school, participants: participants, fails: fails)
}

private func motivation(_ grade: Int, _ low: Int?, _ medium: Int?, _ high: Int?, school: String = code, year y: Int = year) -> StudentSupportFact {
    StudentSupportFact(id: "\(school)|\(y)|\(grade)", schoolCode: school, year: y, grade: grade, difficulties: nil, motivationLow: low,
                       motivationMedium: medium, motivationHigh: high, extracurricular: nil)
}

// MARK: - Risk factors and levels

extension NetworkTests {
    @Suite struct RiskFactorTests {
        @Test func theTenFactorsOfProject500AreInTheProjectsOrder() {
            // act
            let factors = RiskFactors.defaults
            // check
            #expect(factors.map(\.key) == ["equipment", "staffShortage", "competence", "adaptivity", "professionalDevelopment",
                                           "languageBarriers", "environment", "studentsAtRisk", "parents", "motivation"])
            #expect(factors[2].title == "Недостаточная предметная и методическая компетентность педагогических работников")
            #expect(factors[2].directions == ["1.2", "2.3"])
            #expect(factors[4].directions == ["1.2", "1.4", "2.3"])
            #expect(factors[6].directions == ["2.5", "3.2", "4.6"])
            #expect(factors[8].title == "Низкий уровень вовлечённости родителей")
            #expect(RiskLevel.allCases.map(\.rank) == [3, 2, 1, 0])
            #expect(RiskLevel.allCases.map(\.russian) == ["высокий", "средний", "низкий", "нет риска"])
        }

        @Test func withoutDataEveryFactorIsSuggestedWithoutALevelInTheDefaultsOrder() {
            // act
            let suggestions = RiskProfileRules.suggest(inputs())
            // check
            #expect(suggestions.map(\.factor) == RiskFactors.defaults.map(\.key))
            #expect(suggestions.allSatisfy { $0.level == nil && $0.rows.isEmpty })
            #expect(suggestions.filter { $0.factor != "adaptivity" }.allSatisfy { $0.reason.hasPrefix("Нет данных: ") })
            #expect(suggestions[3].reason == "Опора не хранит данных для этого фактора: уровень ставит методист по своим наблюдениям.")
        }

        @Test func aFactorTheAdminAddedHasNoSuggestion() {
            // setup
            let suggestions = RiskProfileRules.suggest(inputs { $0.context = SocialContext(year: year, schoolCode: code, nonNativeShare: 0.2) })
            let added = RiskFactor(key: "transport", title: "Трудности подвоза обучающихся", directions: ["2.1"])
            // act
            let own = RiskProfileRules.suggestion(for: added, in: suggestions)
            let known = RiskProfileRules.suggestion(for: RiskFactors.defaults[5], in: suggestions)
            // check
            #expect(own == RiskSuggestion(factor: "transport", level: nil,
                                          reason: "Для этого фактора нет автоматической подсказки: уровень ставит методист.", rows: []))
            #expect(known.factor == "languageBarriers" && known.level == .high)
        }
    }
}

// MARK: - Suggestion rules

extension NetworkTests {
    @Suite struct RiskProfileRulesTests {
        @Test func equipmentGradesTheShareOfMissingChecklistItems() {
            // setup: 3 of 8 missing, and rows of another school, another year and an item no longer on the list
            let rows = checklist(total: 8, missing: 3) + checklist(total: 8, missing: 8, school: "bal-07")
                + checklist(total: 8, missing: 8, year: 2021)
                + [ChecklistFact(id: "old", schoolCode: code, year: year, item: "Радиоузел", available: false)]
            // act
            let s = suggestion("equipment", inputs { $0.checklistItems = eightItems; $0.checklists = rows })
            // check
            #expect(s.level == .medium)
            #expect(s.reason == "Пропущено 3 из 8 пунктов перечня равного доступа (37,5 %) — порог среднего уровня 25 %, высокого — 50 %.")
            #expect(s.rows == ["Перечень равного доступа, 2022: «Пункт 1» — нет", "Перечень равного доступа, 2022: «Пункт 2» — нет",
                               "Перечень равного доступа, 2022: «Пункт 3» — нет"])
        }

        @Test func equipmentBoundariesAndMissingData() {
            // setup
            func equipment(_ missing: Int, of total: Int = 8) -> RiskSuggestion {
                suggestion("equipment", inputs { $0.checklistItems = eightItems; $0.checklists = checklist(total: total, missing: missing) })
            }
            // act, check: exactly a quarter is still low, exactly a half still medium
            #expect([0, 1, 2, 3, 4, 5, 8].map { equipment($0).level } == [RiskLevel.none, .low, .low, .medium, .medium, .high, .high])
            #expect(equipment(2).reason == "Пропущено 2 из 8 пунктов перечня равного доступа (25 %) — не выше порога среднего уровня 25 %.")
            #expect(equipment(1, of: 1).reason == "Пропущен 1 из 1 пункта перечня равного доступа (100 %) — порог высокого уровня 50 %.")
            #expect(equipment(0).reason.hasSuffix("(0 %) — риска нет: низкий уровень — при любом значении больше нуля."))
            // items without a row are not counted: 1 of the 4 reported is missing
            #expect(equipment(1, of: 4).level == .low)
            let none = suggestion("equipment", inputs { $0.checklistItems = eightItems; $0.checklists = checklist(total: 8, missing: 2, year: 2021) })
            #expect(none.level == nil && none.reason == "Нет данных: нет сведений по пунктам перечня равного доступа за 2022 год.")
        }

        @Test func staffShortageGradesTheShareOfVacantPedagogicalPositions() {
            // setup: 1,5 of 13 pedagogical positions vacant; the guard is not pedagogical
            let rows = [post("учитель", 12, 10.5), post("педагог-психолог", 1, 1), post("сторож", 2, 0, pedagogical: false),
                        post("учитель", 20, 0, school: "bal-07"), post("учитель", 20, 0, year: 2021)]
            // act
            let s = suggestion("staffShortage", inputs { $0.positions = rows })
            // check
            #expect(s.level == .medium)
            #expect(s.reason == "Педагогических ставок 13, вакантно 1,5 (11,5 %) — порог среднего уровня 5 %, высокого — 15 %.")
            #expect(s.rows == ["учитель: ставок 12, занято 10,5"])
        }

        @Test func staffShortageBoundariesAndOverfilledPositions() {
            // setup
            func staff(_ rows: [StaffPositionFact]) -> RiskLevel? { level("staffShortage", inputs { $0.positions = rows }) }
            // act, check: 1 of 20 (5 %) is medium, 3 of 20 (15 %) high, 0,5 of 20 low
            #expect(staff([post("учитель", 20, 20)]) == RiskLevel.none)
            #expect(staff([post("учитель", 20, 19.5)]) == .low)
            #expect(staff([post("учитель", 20, 19)]) == .medium)
            #expect(staff([post("учитель", 20, 17)]) == .high)
            // a surplus in one position does not fill another's vacancy: 2 of 11 vacant
            #expect(staff([post("учитель", 10, 8), post("педагог-психолог", 1, 2)]) == .high)
            #expect(staff([post("сторож", 2, 0, pedagogical: false)]) == nil)
        }

        @Test func competenceCountsDiagnosedTeachersWithASubjectOrMethodicalDeficitByTheirLatestDiagnostics() {
            // setup
            let teachers = [pedagogue("A"), pedagogue("B"), pedagogue("C", to: "31.08.2020"), pedagogue("D", pedagogical: false),
                            pedagogue("F"), pedagogue("G"), pedagogue("A", school: "bal-07")]
            let facts = [
                score("A", "01.03.2022", "subject", 45), score("A", "01.03.2022", "methodical", 70),
                score("A", "01.02.2023", "subject", 90),                                               // after the year: not yet known
                score("B", "01.03.2021", "subject", 40), score("B", "01.10.2022", "subject", 75),       // overcome by the later one
                score("C", "01.03.2020", "subject", 10),                                               // left before the year
                score("D", "01.03.2022", "methodical", 10),                                            // not pedagogical
                score("G", "05.05.2022", "digital", 30), score("G", "05.05.2022", "subject", 65),       // a deficit of another area
            ]
            // act
            let s = suggestion("competence", inputs { $0.teachers = teachers; $0.diagnostics = facts })
            // check: A of A, B, G; F was never diagnosed
            #expect(s.level == .medium)
            #expect(s.reason == "Дефициты предметной или методической компетентности у 1 из 3 педагогов, прошедших диагностику (33,3 %)"
                + " — порог среднего уровня 25 %, высокого — 50 %.")
            #expect(s.rows == ["Педагог A — Предметная компетентность: 45 % при пороге 60 % (диагностика 01.03.2022)"])
        }

        @Test func competenceBoundariesAndMissingData() {
            // setup
            let teachers = ["A", "B", "C", "D"].map { pedagogue($0) }
            let passed = ["B", "C", "D"].map { score($0, "01.03.2022", "subject", 60) }
            // act
            let quarter = suggestion("competence", inputs { $0.teachers = teachers; $0.diagnostics = passed + [score("A", "01.03.2022", "methodical", 59.5)] })
            let one = suggestion("competence", inputs { $0.teachers = [teachers[0]]; $0.diagnostics = [score("A", "01.03.2022", "subject", 61)] })
            let none = suggestion("competence", inputs { $0.teachers = teachers; $0.diagnostics = [score("A", "01.03.2023", "subject", 10)] })
            // check: 1 of 4 is a quarter, which begins the medium level; a score at the threshold is no deficit
            #expect(quarter.level == .medium)
            #expect(quarter.rows == ["Педагог A — Методическая компетентность: 59,5 % при пороге 60 % (диагностика 01.03.2022)"])
            #expect(one.level == RiskLevel.none)
            #expect(one.reason.hasPrefix("Дефициты предметной или методической компетентности у 0 из 1 педагога, прошедшего диагностику (0 %)"))
            #expect(none.level == nil)
            #expect(none.reason == "Нет данных: ни один педагог школы, работавший в 2022 году, не проходил диагностику профессиональных дефицитов до конца года.")
        }

        @Test func professionalDevelopmentCountsTeachersWithoutAQualityCourseInThreeYears() {
            // setup
            let teachers = [pedagogue("A"), pedagogue("B"), pedagogue("C"), pedagogue("D", pedagogical: false), pedagogue("E", to: "30.06.2019")]
            let trainings = [course("A", "01.06.2020", quality: true),
                             course("B", "31.12.2019", quality: true), course("B", "01.06.2022", quality: false)]
            // act
            let s = suggestion("professionalDevelopment", inputs { $0.teachers = teachers; $0.trainings = trainings })
            // check: B's quality course is too old, its 2022 course not on quality; C has none
            #expect(s.level == .high)
            #expect(s.reason == "Без курсов повышения квалификации по вопросам качества образования в 2020–2022 годах: 2 из 3 педагогов (66,7 %)"
                + " — порог высокого уровня 50 %.")
            #expect(s.rows == ["Педагог B, учитель: нет курсов по вопросам качества образования в 2020–2022 годах",
                               "Педагог C, учитель: нет курсов по вопросам качества образования в 2020–2022 годах"])
        }

        @Test func professionalDevelopmentBoundariesAndMissingData() {
            // setup
            let teachers = ["A", "B", "C", "D"].map { pedagogue($0) }
            func pd(_ trained: [String]) -> RiskLevel? {
                level("professionalDevelopment", inputs { $0.teachers = teachers; $0.trainings = trained.map { course($0, "15.11.2022", quality: true) } })
            }
            // act, check
            #expect(pd(["A", "B", "C", "D"]) == RiskLevel.none)
            #expect(pd(["A", "B", "C"]) == .medium)
            #expect(pd(["A", "B"]) == .high)
            #expect(level("professionalDevelopment", inputs { $0.teachers = [pedagogue("D", pedagogical: false)] }) == nil)
        }

        @Test func languageBarriersAndEnvironmentGradeTheSharesOfTheSchoolsContext() {
            // setup
            func context(nonNative: Double? = nil, preventive: Double? = nil, year y: Int = year) -> RiskInputs {
                inputs { $0.context = SocialContext(year: y, schoolCode: code, nonNativeShare: nonNative, preventiveRegisterShare: preventive) }
            }
            // act
            let language = [0, 0.049, 0.05, 0.149, 0.15].map { level("languageBarriers", context(nonNative: $0)) }
            let environment = [0, 0.005, 0.01, 0.029, 0.03].map { level("environment", context(preventive: $0)) }
            let s = suggestion("languageBarriers", context(nonNative: 0.05))
            let e = suggestion("environment", context(preventive: 0.005))
            // check
            #expect(language == [RiskLevel.none, .low, .medium, .medium, .high])
            #expect(environment == [RiskLevel.none, .low, .medium, .medium, .high])
            #expect(s.reason == "Доля обучающихся, для которых русский язык не родной: 5 % — порог среднего уровня 5 %, высокого — 15 %.")
            #expect(s.rows == ["Социальный контекст школы, 2022: доля обучающихся, для которых русский язык не родной — 5 %"])
            #expect(e.reason == "Доля обучающихся на профилактическом учёте (внутришкольный учёт, ПДН, КДН): 0,5 % — ниже порога среднего уровня 1 %.")
            #expect(level("languageBarriers", context(preventive: 0.1)) == nil)
            #expect(level("environment", context(preventive: 0.1, year: 2021)) == nil)
            #expect(suggestion("environment", context(nonNative: 0.1)).reason
                == "Нет данных: в социальном контексте школы за 2022 год не указана доля обучающихся на профилактическом учёте (внутришкольный учёт, ПДН, КДН).")
        }

        @Test func studentsAtRiskGradesTheFailShareOfTheCountedResultRows() {
            // setup: the 4th-grade row is below 5 participants
            let rows = [result(.oge, 9, "Русский язык", 10, 1), result(.vpr, 5, "Математика", 20, 4), result(.vpr, 4, "русский язык", 3, 3),
                        result(.vpr, 5, "математика", 20, 20, school: "bal-07"), result(.vpr, 5, "математика", 20, 20, year: 2021)]
            // act
            let s = suggestion("studentsAtRisk", inputs { $0.results = rows })
            // check: 5 of 30
            #expect(s.level == .medium)
            #expect(s.reason == "Не справились с оценочными процедурами 2022 года: 5 из 30 участников (16,7 %) — порог среднего уровня 15 %,"
                + " высокого — 30 %. Учтены процедуры, в которых не меньше 5 участников.")
            #expect(s.rows == ["ВПР, 5 класс, математика: 4 из 20 не справились", "ОГЭ, 9 класс, русский язык: 1 из 10 не справился"])
        }

        @Test func studentsAtRiskBoundariesAndMissingData() {
            // setup
            func risk(_ fails: Int) -> RiskLevel? { level("studentsAtRisk", inputs { $0.results = [result(.vpr, 5, "математика", 20, fails)] }) }
            // act, check: 0 of 20 and 0,9 of 20 are no risk, 1 of 20 (5 %) is low, 3 of 20 (15 %) medium, 6 of 20 (30 %) high
            #expect([0, 1, 2, 3, 5, 6].map(risk) == [RiskLevel.none, .low, .low, .medium, .medium, .high])
            let small = suggestion("studentsAtRisk", inputs { $0.results = [result(.vpr, 5, "математика", 4, 4)] })
            #expect(small.level == nil)
            #expect(small.reason == "Нет данных: у школы нет результатов оценочных процедур 2022 года. Учтены процедуры, в которых не меньше 5 участников.")
        }

        @Test func parentsGradeFamiliesAtRiskPer100Students() {
            // setup
            func parents(_ families: Int?, _ students: Int?) -> RiskSuggestion {
                suggestion("parents", inputs { $0.atRiskFamilies = families; $0.context = SocialContext(year: year, schoolCode: code, students: students) })
            }
            // act
            let s = parents(5, 120)
            // check: 4,17 per 100
            #expect(s.level == .medium)
            #expect(s.reason == "Семей «зоны риска» 5 на 120 обучающихся, то есть 4,2 на 100 обучающихся — порог среднего уровня 3 на 100, высокого — 7 на 100.")
            #expect(s.rows == ["Социальный контекст школы, 2022: обучающихся 120", "Семей «зоны риска»: 5"])
            #expect([parents(0, 100), parents(1, 100), parents(3, 100), parents(7, 100), parents(1, 1)].map(\.level)
                == [RiskLevel.none, .low, .medium, .high, .high])
            #expect(parents(1, 1).reason.hasPrefix("Семей «зоны риска» 1 на 1 обучающегося, "))
            #expect(parents(nil, 100).level == nil && parents(nil, 100).reason == "Нет данных: не указано число семей «зоны риска».")
            #expect(parents(5, nil).level == nil)
            #expect(parents(5, 0).level == nil)
        }

        @Test func motivationGradesTheShareOfLowMotivationByGrade() {
            // setup: grade 6 gives one level only, which the file does not accept, so it is not counted
            let facts = [motivation(7, 2, 5, 3), motivation(5, 4, 10, 6), motivation(6, 5, nil, nil), motivation(5, 20, 0, 0, school: "bal-07")]
            // act
            let s = suggestion("motivation", inputs { $0.support = facts })
            // check: 6 of 30 is 20 %, where the medium level begins
            #expect(s.level == .medium)
            #expect(s.reason == "Низкая учебная мотивация у 6 из 30 обучающихся, прошедших диагностику (20 %) — порог среднего уровня 20 %, высокого — 35 %.")
            #expect(s.rows == ["5 класс: низкая мотивация у 4 из 20", "7 класс: низкая мотивация у 2 из 10"])
        }

        @Test func motivationBoundariesAndMissingData() {
            // setup
            func m(_ low: Int) -> RiskLevel? { level("motivation", inputs { $0.support = [motivation(5, low, 100 - low, 0)] }) }
            // act, check
            #expect([0, 9, 10, 19, 20, 34, 35].map(m) == [RiskLevel.none, RiskLevel.none, .low, .low, .medium, .medium, .high])
            #expect(level("motivation", inputs { $0.support = [motivation(5, 3, nil, 7)] }) == nil)
            #expect(level("motivation", inputs { $0.support = [motivation(5, 0, 0, 0)] }) == nil)
        }
    }
}
