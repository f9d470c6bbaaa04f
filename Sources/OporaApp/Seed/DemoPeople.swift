import Fluent
import Foundation
import OporaDomain

/// Invented people work of the demo: a course catalogue, two consultation points, deficit
/// diagnostics of most teachers (some are not diagnosed yet), development plans drafted from them,
/// a mentoring pair, student support by grade, families at risk and a few support plans.
/// Course steps are left open, so the demo's indicator 2 stays as the trainings file made it.
enum DemoPeople {
    static let courses: [CourseFact] = [
        CourseFact(id: "", title: "Формирование функциональной грамотности обучающихся (демо)", provider: "Институт развития образования Иркутской области",
                   hours: 36, areas: ["methodical", "subject"], concernsQuality: true),
        CourseFact(id: "", title: "Оценивание образовательных результатов по ФГОС (демо)", provider: "Институт развития образования Иркутской области",
                   hours: 24, areas: ["assessment"], concernsQuality: true),
        CourseFact(id: "", title: "Цифровые инструменты учителя (демо)", provider: "ЦНППМ Иркутской области", hours: 36, areas: ["digital"], concernsQuality: true),
        CourseFact(id: "", title: "Обучение детей с ОВЗ в общеобразовательном классе (демо)", provider: "Иркутский государственный университет",
                   hours: 72, areas: ["specialNeeds", "psychological"], concernsQuality: true),
        CourseFact(id: "", title: "Педагогическое общение и работа с родителями (демо)", provider: "Учебный центр", hours: 16, areas: ["communicative"],
                   concernsQuality: false),
    ]

    static func seed(municipalityID: UUID, schoolIDs: [String: UUID], participating: [String], on db: any Database) async throws {
        let areas = try await CompetenceAreaList.load(municipalityID: municipalityID, on: db)
        for c in courses {
            let r = CourseRecord()
            r.$municipality.id = municipalityID
            r.set(CourseFact(id: CourseFact.key(forTitle: c.title), title: c.title, provider: c.provider, hours: c.hours, areas: c.areas, concernsQuality: c.concernsQuality))
            try await r.create(on: db)
        }
        let points = [("Консультационный пункт при МКУ «ЦРО» (демо)", "Орлова Т. С., Лебедева Н. А. (демо)", ["methodical", "assessment"], "вторник, 15:00–17:00"),
                      ("Консультационный пункт при Балаганской СОШ № 1 (демо)", "Егорова И. Г. (демо)", ["subject", "digital"], "четверг, 14:00–16:00")]
        var pointIDs: [UUID] = []
        for (name, tutors, keys, schedule) in points {
            let p = ConsultationPoint()
            p.$municipality.id = municipalityID
            p.name = name
            p.tutors = tutors
            p.areas = keys.joined(separator: ",")
            p.schedule = schedule
            try await p.create(on: db)
            pointIDs.append(p.id!)
        }

        let teachers = try await TeacherRecord.query(on: db).filter(\.$municipality.$id == municipalityID).filter(\.$pedagogical == true).all()
        let codeByID = Dictionary(uniqueKeysWithValues: schoolIDs.map { ($1, $0) })
        let firstDay = DemoCalendar.day(1, 10, 12)
        for (i, t) in teachers.enumerated() where i % 6 != 5 && t.employedTo == nil {
            for (a, area) in areas.enumerated() {
                let score = Double(42 + (i * 37 + a * 23 + (codeByID[t.$school.id]?.count ?? 0) * 11) % 56)
                let d = DiagnosticRecord()
                d.$municipality.id = municipalityID
                d.$teacher.id = t.id!
                d.naturalKey = "\(codeByID[t.$school.id]!)|\(t.teacherCode)|\(firstDay.iso)|\(area.key)"
                d.date = firstDay.iso
                d.area = area.key
                d.score = score
                try await d.create(on: db)
            }
        }
        for code in participating {
            guard let schoolID = schoolIDs[code], let school = try await School.find(schoolID, on: db) else { continue }
            let staff = teachers.filter { $0.$school.id == schoolID && $0.employedTo == nil }.sorted { $0.teacherCode < $1.teacherCode }
            for t in staff.prefix(2) {
                try await DevelopmentPlans.draft(teacher: t, school: school, user: nil, today: DemoCalendar.day(1, 11, 1), on: db)
            }
            // A consultation step done where the draft has one.
            if let plan = try await DevelopmentPlan.query(on: db).filter(\.$school.$id == schoolID).with(\.$steps).first(),
               let step = plan.steps.first(where: { $0.kind == StepKind.consultation.rawValue }) {
                step.completedOn = DemoCalendar.day(1, 12, 7).iso
                step.evidence = "Журнал консультационного пункта, запись от \(DemoCalendar.day(1, 12, 7).russian) (демо)"
                try await step.save(on: db)
            }
            if let mentee = staff.last, let mentor = staff.first, mentee.id != mentor.id {
                let m = Mentorship()
                m.$municipality.id = municipalityID
                m.$school.id = schoolID
                m.$mentor.id = mentor.id!
                m.$mentee.id = mentee.id!
                m.youngSpecialist = code == "bal-03"
                m.startsOn = DemoCalendar.day(1, 9, 1).iso
                m.endsOn = DemoCalendar.day(2, 8, 31).iso
                m.plan = "Посещение уроков, совместная подготовка к ВПР, разбор результатов (демо)"
                try await m.create(on: db)
                for (date, topic) in [(DemoCalendar.day(1, 9, 20).iso, "Планирование уроков по ФГОС"), (DemoCalendar.day(1, 11, 15).iso, "Разбор результатов ВПР по классу")] {
                    let x = MentoringMeeting()
                    x.$mentorship.id = m.id!
                    x.date = date
                    x.topic = topic + " (демо)"
                    try await x.create(on: db)
                }
            }
            for (n, t) in staff.prefix(2).enumerated() {
                let c = Consultation()
                c.$municipality.id = municipalityID
                c.$point.id = pointIDs[n % pointIDs.count]
                c.$school.id = schoolID
                c.$teacher.id = t.id
                c.date = DemoCalendar.day(1, 12, 7 + n).iso
                c.topic = n == 0 ? "Анализ результатов ВПР и коррекция рабочих программ (демо)" : "Цифровые сервисы для формирующего оценивания (демо)"
                try await c.create(on: db)
            }
        }
        for (s, code) in schoolIDs.keys.sorted().enumerated() {
            let schoolID = schoolIDs[code]!
            let low = participating.contains(code)
            for year in DemoCalendar.year(0)...DemoCalendar.year(2) {
                for grade in 1...(code == "bal-08" ? 4 : 11) {
                    let size = 6 + (s * 7 + grade * 3) % 14
                    let hard = low ? max(1, size / 4 - (year - DemoCalendar.year(0))) : size / 8
                    let lowMotivation = low ? max(1, size / 3 - (year - DemoCalendar.year(0))) : size / 6
                    let high = size / 4 + (year - DemoCalendar.year(0))
                    let r = StudentSupportRecord()
                    r.$municipality.id = municipalityID
                    r.$school.id = schoolID
                    r.set(StudentSupportFact(id: "", schoolCode: code, year: year, grade: grade, difficulties: hard, motivationLow: lowMotivation,
                                             motivationMedium: size - lowMotivation - high, motivationHigh: high,
                                             extracurricular: low ? hard + (year - DemoCalendar.year(0)) : nil))
                    try await r.create(on: db)
                }
                let f = AtRiskFamiliesRecord()
                f.$municipality.id = municipalityID
                f.$school.id = schoolID
                f.year = year
                f.families = low ? 7 + s - (year - DemoCalendar.year(0)) : 1 + s % 4
                try await f.create(on: db)
            }
            if low {
                for (n, grade) in [5, 7].enumerated() {
                    let p = SupportPlan()
                    p.$municipality.id = municipalityID
                    p.$school.id = schoolID
                    p.set(SupportPlanInput(participantCode: "\(grade)А-\(String(format: "%03d", 11 + s * 3 + n))", grade: grade,
                                           goal: n == 0 ? "Освоение программы по математике за \(grade) класс (демо)" : "Повышение учебной мотивации (демо)",
                                           measures: n == 0 ? "Индивидуальные занятия 2 раза в неделю, консультации перед ВПР" : "Занятия с педагогом-психологом, кружок по интересам",
                                           specialistRole: n == 0 ? "учитель-предметник" : "педагог-психолог",
                                           reviewDates: [DemoCalendar.day(1, 12, 20), DemoCalendar.day(2, 5, 20)],
                                           outcome: n == 0 ? "По итогам года — «3» по математике (демо)" : nil))
                    try await p.create(on: db)
                }
            }
        }
    }
}
