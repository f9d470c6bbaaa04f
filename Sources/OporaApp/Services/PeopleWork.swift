import Fluent
import Foundation
import OporaDomain
import Vapor

/// Mentoring, consultations, families at risk and individual support plans: each form's check,
/// and its write in one transaction with its audit entry.
enum PeopleWork {
    static func text(_ values: [String: String], _ key: String) -> String {
        (values[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func requiredText(_ values: [String: String], _ key: String, _ message: String, _ errors: inout FieldErrors, max: Int = 2000) -> String {
        let t = text(values, key)
        if t.isEmpty { errors.add(key, message) } else if t.count > max { errors.add(key, "Не длиннее \(max) знаков.") }
        return t
    }

    static func day(_ values: [String: String], _ key: String, _ what: String, _ errors: inout FieldErrors, required: Bool = true) -> Day? {
        let t = text(values, key)
        if t.isEmpty {
            if required { errors.add(key, "\(what): укажите дату вида ДД.ММ.ГГГГ.") }
            return nil
        }
        guard let d = Day(t) else { errors.add(key, "\(what) — дата вида ДД.ММ.ГГГГ."); return nil }
        return d
    }

    // MARK: - Mentoring

    /// `mentor` and `mentee` are teacher record ids; the mentee is of this school, the mentor of this
    /// school or, for a school user, one the municipality has listed as a mentor (methodists: any school).
    static func addMentorship(_ values: [String: String], school: School, user: CurrentUser, on db: any Database) async throws -> Result<Void, FieldErrors> {
        var errors = FieldErrors()
        let mentor = try await UUID(uuidString: text(values, "mentor")).asyncFlatMap { try await TeacherRecord.find($0, on: db) }
        let mentee = try await UUID(uuidString: text(values, "mentee")).asyncFlatMap { try await TeacherRecord.find($0, on: db) }
        if mentor == nil || mentor!.$municipality.id != school.$municipality.id
            || !user.access.canSeeMentor(ofSchool: mentor!.$school.id.uuidString, listed: mentor!.municipalMentor) {
            errors.add("mentor", "Выберите наставника из списка.")
        }
        if mentee == nil || mentee!.$school.id != school.id { errors.add("mentee", "Выберите наставляемого педагога этой школы.") }
        if let mentor, let mentee, mentor.id == mentee.id { errors.add("mentee", "Наставник и наставляемый — разные педагоги.") }
        let from = day(values, "starts_on", "Начало", &errors)
        let to = day(values, "ends_on", "Окончание", &errors, required: false)
        if let from, let to, to < from { errors.add("ends_on", "Окончание раньше начала (\(from.russian)).") }
        let plan = requiredText(values, "plan", "Кратко опишите план наставничества.", &errors)
        guard errors.isEmpty, let mentor, let mentee, let from else { return .failure(errors) }
        let young = text(values, "young_specialist") == "да"
        try await db.transaction { db in
            let m = Mentorship()
            m.$municipality.id = school.$municipality.id
            m.$school.id = school.id!
            m.$mentor.id = mentor.id!
            m.$mentee.id = mentee.id!
            m.youngSpecialist = young
            m.startsOn = from.iso
            m.endsOn = to?.iso
            m.plan = plan
            try await m.create(on: db)
            try await Audit.record(db, user: user, action: "mentorship.create", entityType: "mentorship", entityID: m.id,
                                   municipalityID: school.$municipality.id, summary: "Наставничество: \(mentor.name) → \(mentee.name)",
                                   after: ["Наставник": mentor.name, "Наставляемый": mentee.name, "Молодой специалист": young ? "да" : "нет",
                                           "Срок": "с \(from.russian)" + (to.map { " по \($0.russian)" } ?? ""), "План": plan])
        }
        return .success(())
    }

    /// The municipality's list of mentors, for the teachers of one school: `mentor_<record id>` = 1
    /// for each teacher on the list. One transaction; each change audited.
    static func listMentors(_ values: [String: String], school: School, user: CurrentUser, on db: any Database) async throws -> Result<Void, FieldErrors> {
        try await db.transaction { db in
            let teachers = try await TeacherRecord.query(on: db).filter(\.$school.$id == school.requireID()).all()
            for t in teachers {
                let listed = values["mentor_\(try t.requireID().uuidString)"] == "1"
                guard listed != (t.municipalMentor) else { continue }
                t.municipalMentor = listed
                try await t.save(on: db)
                try await Audit.record(db, user: user, action: listed ? "mentor.list" : "mentor.unlist", entityType: "teacher", entityID: t.id,
                                       municipalityID: school.$municipality.id,
                                       summary: (listed ? "В список наставников муниципалитета: " : "Из списка наставников муниципалитета: ") + "\(t.name), \(school.shortName)")
            }
        }
        return .success(())
    }

    static func addMeeting(_ values: [String: String], pair: Mentorship, school: School, user: CurrentUser, today: Day,
                           on db: any Database) async throws -> Result<Day, FieldErrors> {
        var errors = FieldErrors()
        let date = day(values, "date", "Дата встречи", &errors)
        if let date, date > today { errors.add("date", "Встреча ещё не прошла: дата позже сегодняшней (\(today.russian)).") }
        let topic = requiredText(values, "topic", "Напишите тему встречи.", &errors, max: 500)
        guard errors.isEmpty, let date else { return .failure(errors) }
        try await db.transaction { db in
            let m = MentoringMeeting()
            m.$mentorship.id = pair.id!
            m.date = date.iso
            m.topic = topic
            try await m.create(on: db)
            try await Audit.record(db, user: user, action: "mentorship.meeting", entityType: "mentorship", entityID: pair.id,
                                   municipalityID: school.$municipality.id, summary: "Наставничество: встреча \(date.russian)",
                                   after: ["Дата": date.russian, "Тема": topic])
        }
        return .success(date)
    }

    // MARK: - Consultation points and consultations

    static func addPoint(_ values: [String: String], areaKeys: [String], municipalityID: UUID, user: CurrentUser,
                         on db: any Database) async throws -> Result<Void, FieldErrors> {
        var errors = FieldErrors()
        let name = requiredText(values, "name", "Назовите пункт.", &errors, max: 200)
        let tutors = requiredText(values, "tutors", "Укажите тьюторов или консультантов.", &errors, max: 500)
        let schedule = requiredText(values, "schedule", "Укажите график работы.", &errors, max: 500)
        let areas = try await CompetenceAreaList.load(municipalityID: municipalityID, on: db).map(\.key)
        let chosen = areas.filter { areaKeys.contains($0) }
        if chosen.isEmpty { errors.add("areas", "Отметьте хотя бы одну тему.") }
        if !name.isEmpty, try await ConsultationPoint.query(on: db).filter(\.$municipality.$id == municipalityID).filter(\.$name == name).count() > 0 {
            errors.add("name", "Пункт с таким названием уже есть.")
        }
        guard errors.isEmpty else { return .failure(errors) }
        try await db.transaction { db in
            let p = ConsultationPoint()
            p.$municipality.id = municipalityID
            p.name = name
            p.tutors = tutors
            p.areas = chosen.joined(separator: ",")
            p.schedule = schedule
            try await p.create(on: db)
            try await Audit.record(db, user: user, action: "consultationPoint.create", entityType: "consultationPoint", entityID: p.id,
                                   municipalityID: municipalityID, summary: "Консультационный пункт «\(name)»",
                                   after: ["Тьюторы": tutors, "График": schedule, "Темы": chosen.joined(separator: ", ")])
        }
        return .success(())
    }

    static func addConsultation(_ values: [String: String], municipalityID: UUID, user: CurrentUser, today: Day,
                                on db: any Database) async throws -> Result<Void, FieldErrors> {
        var errors = FieldErrors()
        let point = try await UUID(uuidString: text(values, "point")).asyncFlatMap { try await ConsultationPoint.find($0, on: db) }
        if point == nil || point!.$municipality.id != municipalityID { errors.add("point", "Выберите пункт из списка.") }
        let school = try await UUID(uuidString: text(values, "school")).asyncFlatMap { try await School.find($0, on: db) }
        if school == nil || school!.$municipality.id != municipalityID { errors.add("school", "Выберите школу из списка.") }
        var teacher: TeacherRecord?
        if !text(values, "teacher").isEmpty {
            teacher = try await UUID(uuidString: text(values, "teacher")).asyncFlatMap { try await TeacherRecord.find($0, on: db) }
            if teacher == nil || teacher!.$school.id != school?.id { errors.add("teacher", "Педагог должен работать в выбранной школе.") }
        }
        let date = day(values, "date", "Дата консультации", &errors)
        if let date, date > today { errors.add("date", "Дата позже сегодняшней (\(today.russian)).") }
        let topic = requiredText(values, "topic", "Напишите тему консультации.", &errors, max: 500)
        guard errors.isEmpty, let point, let school, let date else { return .failure(errors) }
        let chosenTeacher = teacher
        try await db.transaction { db in
            let c = Consultation()
            c.$municipality.id = municipalityID
            c.$point.id = point.id!
            c.$school.id = school.id!
            c.$teacher.id = chosenTeacher?.id
            c.date = date.iso
            c.topic = topic
            try await c.create(on: db)
            try await Audit.record(db, user: user, action: "consultation.create", entityType: "consultation", entityID: c.id,
                                   municipalityID: municipalityID, summary: "Консультация «\(topic)», \(school.shortName), \(date.russian)",
                                   after: ["Пункт": point.name, "Школа": school.shortName, "Педагог": chosenTeacher?.name ?? "—", "Дата": date.russian])
        }
        return .success(())
    }

    // MARK: - Students

    static func saveFamilies(_ values: [String: String], school: School, user: CurrentUser, on db: any Database) async throws -> Result<Void, FieldErrors> {
        var errors = FieldErrors()
        let year = Int(text(values, "year")).flatMap { (2000...2100).contains($0) ? $0 : nil }
        if year == nil { errors.add("year", "Год — четыре цифры.") }
        let t = text(values, "families")
        let count = Int(t)
        if count == nil || count! < 0 || count! > 100_000 { errors.add("families", "Число семей — целое неотрицательное число.") }
        guard errors.isEmpty, let year, let count else { return .failure(errors) }
        try await db.transaction { db in
            let r = try await AtRiskFamiliesRecord.query(on: db).filter(\.$school.$id == school.id!).filter(\.$year == year).first() ?? AtRiskFamiliesRecord()
            let before = r.id == nil ? nil : String(r.families)
            r.$municipality.id = school.$municipality.id
            r.$school.id = school.id!
            r.year = year
            r.families = count
            try await r.save(on: db)
            try await Audit.record(db, user: user, action: "atRiskFamilies.save", entityType: "atRiskFamilies", entityID: r.id,
                                   municipalityID: school.$municipality.id, summary: "Семьи «зоны риска»: \(school.shortName), \(year)",
                                   before: before.map { ["Семей": $0] }, after: ["Семей": String(count)])
        }
        return .success(())
    }

    /// Creates the plan of a participant code, or changes it when the school already has one.
    static func saveSupportPlan(_ values: [String: String], school: School, user: CurrentUser, on db: any Database) async throws -> Result<SupportPlan, FieldErrors> {
        let validated = SupportPlanRules.validate(participantCode: text(values, "participant_code"), grade: text(values, "grade"),
                                                  goal: text(values, "goal"), measures: text(values, "measures"),
                                                  specialistRole: text(values, "specialist_role"), reviewDates: text(values, "review_dates"),
                                                  outcome: text(values, "outcome"))
        let input: SupportPlanInput
        switch validated { case .failure(let e): return .failure(e); case .success(let i): input = i }
        return .success(try await db.transaction { db in
            let plan = try await SupportPlan.query(on: db).filter(\.$school.$id == school.id!)
                .filter(\.$participantCode == input.participantCode).first() ?? SupportPlan()
            let before = plan.id == nil ? nil : describe(plan.input)
            plan.$municipality.id = school.$municipality.id
            plan.$school.id = school.id!
            plan.set(input)
            try await plan.save(on: db)
            try await Audit.record(db, user: user, action: "supportPlan.save", entityType: "supportPlan", entityID: plan.id,
                                   municipalityID: school.$municipality.id,
                                   summary: "Индивидуальный план сопровождения \(input.participantCode), \(school.shortName)",
                                   before: before, after: describe(input))
            return plan
        })
    }

    static func describe(_ p: SupportPlanInput) -> [String: String] {
        ["Код участника": p.participantCode, "Класс": p.grade.map(String.init) ?? "—", "Цель": p.goal, "Меры": p.measures,
         "Специалист": p.specialistRole, "Сроки пересмотра": p.reviewDates.map(\.russian).joined(separator: ", "), "Итог": p.outcome ?? "—"]
    }
}

extension Optional {
    func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
