@testable import OporaDomain
import Testing

private func teacher(_ id: String, pedagogical: Bool = true) -> TeacherFact {
    let parts = id.split(separator: "|").map(String.init)
    return TeacherFact(id: id, schoolCode: parts[0], teacherCode: parts[1], name: "Педагог \(parts[1])", position: "учитель",
                       pedagogical: pedagogical, qualification: nil, employedFrom: nil, employedTo: nil)
}

private func fact(_ teacherID: String, _ date: String, _ area: String, _ score: Double) -> DiagnosticFact {
    DiagnosticFact(id: "\(teacherID)|\(Day(date)!.iso)|\(area)", teacherID: teacherID, date: Day(date)!, area: area, score: score)
}

private func deficit(_ area: String, _ score: Double) -> Deficit {
    Deficit(teacherID: "bal-03|T-017", area: area, score: score, threshold: 60, date: Day("12.03.2021")!,
            factID: "bal-03|T-017|2021-03-12|\(area)")
}

// MARK: - Competence areas

@Suite struct CompetenceAreaTests {
    @Test func anAreaIsFoundByKeyOrTitleAsTyped() {
        // setup
        let custom = [CompetenceArea(key: "records", title: "Учёт достижений", threshold: 50)]
        // act
        let found = ["  цифровая   КОМПЕТЕНТНОСТЬ ", "SUBJECT", "specialneeds", "«Методическая компетентность»", "цифровая", ""]
            .map { CompetenceAreas.find($0, in: areas)?.key }
        // check
        #expect(found == ["digital", "subject", "specialNeeds", "methodical", nil, nil])
        #expect(CompetenceAreas.find("учет достижений", in: custom)?.key == "records")
        #expect(areas.count == 7 && areas.allSatisfy { $0.threshold == 60 })
    }
}

// MARK: - Deficits

@Suite struct DeficitAnalysisTests {
    let t17 = "bal-03|T-017", t18 = "bal-03|T-018", t19 = "bal-03|T-019", t20 = "bal-03|T-020"

    var facts: [DiagnosticFact] {
        [fact(t17, "01.10.2020", "digital", 40), fact(t17, "01.10.2020", "subject", 50),
         fact(t17, "12.03.2021", "digital", 45), fact(t17, "12.03.2021", "subject", 75),
         fact(t17, "12.03.2021", "methodical", 60), fact(t17, "12.03.2021", "communicative", 59.5),
         fact(t17, "12.03.2021", "drawing", 10),
         fact(t18, "20.04.2021", "digital", 30), fact(t18, "20.04.2021", "subject", 55), fact(t18, "20.04.2021", "assessment", 80),
         fact(t20, "20.04.2021", "digital", 10)]
    }

    @Test func onlyTheLatestDiagnosticsCountsAndTheThresholdItselfIsNoDeficit() {
        // act
        let found = DeficitAnalysis.deficits(of: t17, facts: facts, areas: areas)
        // check: subject 50 of October was overcome by 75 in March; methodical 60 is at the threshold; «drawing» is no area
        #expect(DeficitAnalysis.latestDate(of: t17, in: facts) == Day("12.03.2021"))
        #expect(DeficitAnalysis.latestDate(of: t19, in: facts) == nil)
        #expect(found == [
            Deficit(teacherID: t17, area: "digital", score: 45, threshold: 60, date: Day("12.03.2021")!, factID: "bal-03|T-017|2021-03-12|digital"),
            Deficit(teacherID: t17, area: "communicative", score: 59.5, threshold: 60, date: Day("12.03.2021")!,
                    factID: "bal-03|T-017|2021-03-12|communicative"),
        ])
        #expect(found.map { $0.russian(areas: areas) } == [
            "Цифровая компетентность: 45 % при пороге 60 % (диагностика 12.03.2021)",
            "Коммуникативная компетентность: 59,5 % при пороге 60 % (диагностика 12.03.2021)",
        ])
    }

    @Test func anAreasOwnThresholdCountsAndEqualScoresKeepTheAreaOrder() {
        // setup
        let strict = areas.map { CompetenceArea(key: $0.key, title: $0.title, threshold: $0.key == "assessment" ? 85 : $0.threshold) }
        let tied = [fact(t17, "12.03.2021", "communicative", 40), fact(t17, "12.03.2021", "subject", 40)]
        // act
        let t18Deficits = DeficitAnalysis.deficits(of: t18, facts: facts, areas: strict)
        let tiedDeficits = DeficitAnalysis.deficits(of: t17, facts: tied, areas: areas)
        // check
        #expect(t18Deficits.map(\.area) == ["digital", "subject", "assessment"])
        #expect(t18Deficits.last?.threshold == 85)
        #expect(tiedDeficits.map(\.area) == ["subject", "communicative"])
    }

    @Test func commonDeficitsCountTheGivenTeachersMostCommonFirst() {
        // setup: T-020 has a deficit too but is not among the teachers asked about
        let teachers = [teacher(t17), teacher(t18), teacher(t19)]
        // act
        let common = DeficitAnalysis.common(teachers: teachers, facts: facts, areas: areas)
        // check
        #expect(common.map(\.area.key) == ["digital", "subject", "communicative", "methodical", "psychological", "assessment", "specialNeeds"])
        #expect(common.map(\.teacherIDs.count) == [2, 1, 1, 0, 0, 0, 0])
        #expect(common[0].teacherIDs == [t17, t18])
        #expect(common[1].teacherIDs == [t18])
    }

    @Test func undiagnosedArePedagogicalTeachersWithoutAnyScore() {
        // setup
        let teachers = [teacher(t17), teacher(t19), teacher("bal-03|T-021", pedagogical: false)]
        // act
        let undiagnosed = DeficitAnalysis.undiagnosed(teachers: teachers, facts: facts)
        // check
        #expect(undiagnosed.map(\.id) == [t19])
    }
}

// MARK: - Development plan draft

@Suite struct DevelopmentPlanDraftTests {
    let start = Day("01.09.2021")!
    let courses = [
        CourseFact(id: "цифровая школа", title: "Цифровая школа", provider: nil, hours: 36, areas: ["digital", "methodical"], concernsQuality: false),
        CourseFact(id: "икт в обучении", title: "ИКТ в обучении", provider: nil, hours: 72, areas: ["digital"], concernsQuality: false),
        CourseFact(id: "цифровые инструменты оценки", title: "Цифровые инструменты оценки", provider: nil, hours: 24,
                   areas: ["digital", "assessment"], concernsQuality: true),
        CourseFact(id: "оценивание по фгос", title: "Оценивание по ФГОС", provider: nil, hours: nil, areas: ["assessment"], concernsQuality: true),
    ]

    @Test func aTeacherWithTwoDeficitsGetsStepsForBothWithTheBestCourse() {
        // setup
        let deficits = [deficit("digital", 45), deficit("assessment", 50)]
        let consultations = [ConsultationOffer(name: "Консультационный пункт ЦНППМ", areas: ["assessment"])]
        let practices = [PracticeOffer(title: "Формирующее оценивание в 5 классе", areas: ["subject", "assessment"])]
        // act
        let steps = DevelopmentPlanDraft.make(deficits: deficits, areas: areas, courses: courses, consultations: consultations,
                                              practices: practices, hasMentor: true, start: start)
        // check: digital takes the quality course over the more focused ones; assessment the more focused of two quality ones
        #expect(Set(deficits.map(\.area)).isSubset(of: Set(steps.map(\.area))))
        #expect(steps.map { "\($0.area) \($0.kind.rawValue) \($0.deadline.russian)" } == [
            "digital course 30.11.2021",
            "assessment course 30.12.2021",
            "assessment consultation 31.10.2021",
            "assessment practice 30.12.2021",
        ])
        #expect(steps[0] == StepDraft(area: "digital", kind: .course, title: "Цифровые инструменты оценки", courseID: "цифровые инструменты оценки",
                                      form: "Курсы повышения квалификации (24 ч)",
                                      expectedResult: "Дефицит «Цифровая компетентность» устранён: результат повторной диагностики не ниже 60 %",
                                      deadline: Day("30.11.2021")!))
        #expect(steps[1].courseID == "оценивание по фгос")
        #expect(steps[1].form == "Курсы повышения квалификации")
        #expect(steps[2].title == "Консультационный пункт ЦНППМ")
        #expect(steps[3].title == "Формирующее оценивание в 5 классе")
    }

    @Test func equalCoursesAreChosenByTitle() {
        // setup
        let two = [CourseFact(id: "б", title: "Б", provider: nil, hours: 16, areas: ["subject"], concernsQuality: true),
                   CourseFact(id: "а", title: "А", provider: nil, hours: 16, areas: ["subject"], concernsQuality: true)]
        // act
        let steps = DevelopmentPlanDraft.make(deficits: [deficit("subject", 30)], areas: areas, courses: two, consultations: [],
                                              practices: [], hasMentor: false, start: start)
        // check
        #expect(steps.map(\.courseID) == ["а"])
    }

    @Test func withoutCourseConsultationOrPracticeTheMentorOrSelfStudy() {
        // setup
        let deficits = [deficit("psychological", 20)]
        // act
        let mentored = DevelopmentPlanDraft.make(deficits: deficits, areas: areas, courses: courses, consultations: [], practices: [],
                                                 hasMentor: true, start: start)
        let alone = DevelopmentPlanDraft.make(deficits: deficits, areas: areas, courses: courses, consultations: [], practices: [],
                                              hasMentor: false, start: start)
        let none = DevelopmentPlanDraft.make(deficits: [], areas: areas, courses: courses, consultations: [], practices: [],
                                             hasMentor: true, start: start)
        // check
        #expect(mentored.map(\.kind) == [.mentoring])
        #expect(alone.map(\.kind) == [.selfStudy])
        #expect(alone[0].deadline == Day("30.11.2021"))
        #expect(alone[0].expectedResult == "Дефицит «Психолого-педагогическая компетентность» устранён: результат повторной диагностики не ниже 60 %")
        #expect(none.isEmpty)
    }

    @Test func progressCountsDoneAndOverdueStepsInRussian() {
        // setup
        let today = Day("01.12.2021")!
        let steps: [(deadline: Day, completedOn: Day?)] = [
            (Day("01.10.2021")!, Day("28.09.2021")),   // done
            (Day("01.11.2021")!, Day("15.11.2021")),   // done late: not overdue
            (Day("30.11.2021")!, nil),                 // overdue
            (Day("01.12.2021")!, nil),                 // due today: not overdue
            (Day("30.12.2021")!, nil),
        ]
        // act
        let progress = PlanProgress.of(steps: steps, today: today)
        // check
        #expect(progress == PlanProgress(total: 5, done: 2, overdue: 1, percent: 40))
        #expect(progress.russian == "выполнено 2 из 5 шагов (40 %)")
        #expect(PlanProgress.of(steps: [], today: today).russian == "выполнено 0 из 0 шагов (0 %)")
        #expect(PlanProgress.of(steps: Array(steps.prefix(3)), today: today).percent == 67)
        #expect(PlanProgress.of(steps: [steps[2]], today: today).russian == "выполнено 0 из 1 шага (0 %)")
        #expect(PlanProgress(total: 21, done: 1, overdue: 0, percent: 5).russian == "выполнено 1 из 21 шага (5 %)")
    }

    @Test func stepsTeachersAndStudentsAreCountedInRussian() {
        #expect([1, 2, 5, 11, 21].map(RussianNoun.step.counted) == ["1 шаг", "2 шага", "5 шагов", "11 шагов", "21 шаг"])
        #expect([1, 3, 12].map(RussianNoun.teacher.counted) == ["1 педагог", "3 педагога", "12 педагогов"])
        #expect([1, 4, 25].map(RussianNoun.student.counted) == ["1 обучающийся", "4 обучающихся", "25 обучающихся"])
    }
}

// MARK: - Support plans of students

@Suite struct SupportPlanRulesTests {
    @Test func aParticipantCodeIsNeverAName() {
        // act
        let refused = ["Иванов", "Иванов Петя", "", "12", "7А 015", "7А.015", String(repeating: "7", count: 33)]
            .map(SupportPlanRules.participantCodeProblem)
        let accepted = ["7А-015", "2021/7b_03", "007"].map(SupportPlanRules.participantCodeProblem)
        // check
        #expect(refused.allSatisfy { $0 != nil })
        #expect(refused[0]!.contains("Опора не хранит имён обучающихся — только код"))
        #expect(refused[1] == refused[0])
        #expect(refused[4] == "Код пишется без пробелов, например 7А-015.")
        #expect(refused[5] == "В коде недопустимый знак «.»: только буквы, цифры, «-», «_» и «/».")
        #expect(refused[3] == "Код — от 3 до 32 знаков.")
        #expect(accepted == [nil, nil, nil])
    }

    @Test func aValidPlanIsReadWithSortedReviewDates() throws {
        // act
        let plan = try SupportPlanRules.validate(participantCode: " 7А-015 ", grade: "", goal: "Адаптация в 5 классе",
                                                 measures: "Занятия с психологом раз в неделю", specialistRole: "Педагог-психолог",
                                                 reviewDates: "15.05.2022; 20.12.2021, 01.03.2022 20.12.2021", outcome: " ").get()
        // check
        #expect(plan == SupportPlanInput(participantCode: "7А-015", grade: nil, goal: "Адаптация в 5 классе",
                                         measures: "Занятия с психологом раз в неделю", specialistRole: "педагог-психолог",
                                         reviewDates: [Day("20.12.2021")!, Day("01.03.2022")!, Day("15.05.2022")!], outcome: nil))
    }

    @Test func everyBadFieldIsNamed() {
        // act
        let result = SupportPlanRules.validate(participantCode: "Петров", grade: "12", goal: " ", measures: "", specialistRole: "директор",
                                               reviewDates: "31.02.2022", outcome: "")
        // check
        guard case .failure(let errors) = result else { Issue.record("a bad plan was accepted"); return }
        #expect(Set(errors.messages.keys) == ["participant_code", "grade", "goal", "measures", "specialist_role", "review_dates"])
        #expect(errors["review_dates"] == "«31.02.2022» — не дата: даты пишутся как ДД.ММ.ГГГГ через запятую.")
        if case .failure(let e) = SupportPlanRules.validate(participantCode: "7А-015", grade: "7", goal: "цель", measures: "меры",
                                                            specialistRole: "тьютор", reviewDates: " ", outcome: "") {
            #expect(e.messages.keys.sorted() == ["review_dates"])
        } else {
            Issue.record("a plan without review dates was accepted")
        }
    }
}
