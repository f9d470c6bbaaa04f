import Fluent
import Foundation
import OporaDomain
import Vapor

/// Individual development plans (ИОМ): a draft from the teacher's deficits, steps added by hand,
/// and completion with evidence. A completed course step is written as a training record, which
/// indicator 2 counts. Each change is one transaction with its audit entry.
enum DevelopmentPlans {
    /// Makes the plan if there is none and adds a step for every deficit that no open step addresses yet.
    /// Returns the number of steps added.
    @discardableResult
    static func draft(teacher: TeacherRecord, school: School, user: CurrentUser?, today: Day, on db: any Database) async throws -> Int {
        let people = try await PeopleData.load(municipalityID: school.$municipality.id, on: db)
        let key = "\(school.code)|\(teacher.teacherCode)"
        let existing = people.plan(of: key)
        let addressed = Set(existing?.steps.filter { $0.completedOn == nil }.map(\.area) ?? [])
        let deficits = people.deficits(of: key).filter { !addressed.contains($0.area) }
        let drafts = DevelopmentPlanDraft.make(deficits: deficits, areas: people.areas, courses: people.courses, consultations: people.points,
                                               practices: [], hasMentor: people.hasMentor(key, today: today), start: today)
        guard !drafts.isEmpty else { return 0 }
        try await db.transaction { db in
            let plan: DevelopmentPlan
            if let id = existing?.id, let p = try await DevelopmentPlan.find(id, on: db) { plan = p } else {
                plan = DevelopmentPlan()
                plan.$municipality.id = school.$municipality.id
                plan.$school.id = school.id!
                plan.$teacher.id = teacher.id!
                plan.createdOn = today.iso
                try await plan.create(on: db)
            }
            // Read the open steps again inside the transaction: a double click must not add the draft twice.
            let now = try await DevelopmentStep.query(on: db).filter(\.$plan.$id == plan.id!).all()
            let open = Set(now.filter { $0.completedOn == nil }.map(\.area))
            let first = (now.map(\.ordinal).max() ?? 0) + 1
            for (i, d) in drafts.filter({ !open.contains($0.area) }).enumerated() {
                try await step(from: d, ordinal: first + i, planID: plan.id!).create(on: db)
            }
            try await Audit.record(db, user: user, action: "developmentPlan.draft", entityType: "developmentPlan", entityID: plan.id,
                                   municipalityID: school.$municipality.id,
                                   summary: "ИОМ: \(teacher.name): по дефицитам добавлено \(RussianNoun.step.counted(drafts.count))",
                                   after: ["Шаги": drafts.map { "\(people.areaTitle($0.area)): \($0.title), до \($0.deadline.russian)" }.joined(separator: "\n")])
        }
        return drafts.count
    }

    static func step(from d: StepDraft, ordinal: Int, planID: UUID) -> DevelopmentStep {
        let s = DevelopmentStep()
        s.$plan.id = planID
        s.ordinal = ordinal
        s.area = d.area
        s.kind = d.kind.rawValue
        s.title = d.title
        s.courseKey = d.courseID
        s.form = d.form
        s.expectedResult = d.expectedResult
        s.deadline = d.deadline.iso
        return s
    }

    /// A step typed in by hand: `area, kind, title, form, expected_result, deadline`.
    static func addStep(_ values: [String: String], teacher: TeacherRecord, school: School, user: CurrentUser, today: Day,
                        on db: any Database) async throws -> Result<Void, FieldErrors> {
        let areas = try await CompetenceAreaList.load(municipalityID: school.$municipality.id, on: db)
        var errors = FieldErrors()
        let area = values["area"] ?? ""
        if !areas.contains(where: { $0.key == area }) { errors.add("area", "Выберите компетенцию из списка.") }
        let kind = StepKind(rawValue: values["kind"] ?? "")
        if kind == nil { errors.add("kind", "Выберите вид шага.") }
        let title = (values["title"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty { errors.add("title", "Напишите, что нужно сделать.") }
        if title.count > 500 { errors.add("title", "Не длиннее 500 знаков.") }
        let deadline = Day((values["deadline"] ?? "").trimmingCharacters(in: .whitespaces))
        if deadline == nil { errors.add("deadline", "Срок — дата вида ДД.ММ.ГГГГ.") }
        let form = (values["form"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let expected = (values["expected_result"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if expected.isEmpty { errors.add("expected_result", "Напишите ожидаемый результат.") }
        guard errors.isEmpty, let kind, let deadline else { return .failure(errors) }
        try await db.transaction { db in
            let plan: DevelopmentPlan
            if let p = try await DevelopmentPlan.query(on: db).filter(\.$teacher.$id == teacher.id!).first() { plan = p } else {
                plan = DevelopmentPlan()
                plan.$municipality.id = school.$municipality.id
                plan.$school.id = school.id!
                plan.$teacher.id = teacher.id!
                plan.createdOn = today.iso
                try await plan.create(on: db)
            }
            let last = try await DevelopmentStep.query(on: db).filter(\.$plan.$id == plan.id!).max(\.$ordinal) ?? 0
            let draft = StepDraft(area: area, kind: kind, title: title, courseID: nil, form: form.isEmpty ? kind.russian : form,
                                  expectedResult: expected, deadline: deadline)
            let s = step(from: draft, ordinal: last + 1, planID: plan.id!)
            try await s.create(on: db)
            try await Audit.record(db, user: user, action: "developmentPlan.step", entityType: "developmentStep", entityID: s.id,
                                   municipalityID: school.$municipality.id, summary: "ИОМ: \(teacher.name): добавлен шаг «\(title)»",
                                   after: ["Шаг": title, "Вид": kind.russian, "Срок": deadline.russian, "Ожидаемый результат": expected])
        }
        return .success(())
    }

    /// Takes an open step out of the plan; a completed step stays, it is the record of the work done.
    static func remove(step: DevelopmentStep, teacher: TeacherRecord, school: School, user: CurrentUser, on db: any Database) async throws -> Result<Void, FieldErrors> {
        guard step.completedOn == nil else {
            var errors = FieldErrors()
            errors.add("step", "Выполненный шаг не убирается из маршрута: это запись о сделанной работе.")
            return .failure(errors)
        }
        try await db.transaction { db in
            try await step.delete(on: db)
            try await Audit.record(db, user: user, action: "developmentPlan.removeStep", entityType: "developmentStep", entityID: step.id,
                                   municipalityID: school.$municipality.id, summary: "ИОМ: \(teacher.name): убран шаг «\(step.title)»",
                                   before: ["Шаг": step.title, "Срок": step.deadlineDay?.russian ?? step.deadline], after: nil)
        }
        return .success(())
    }

    /// Marks a step done on a date with its evidence (a certificate number, a link, a document's name).
    /// A course step adds the course to the teacher's trainings, or links the training already there.
    static func complete(step: DevelopmentStep, teacher: TeacherRecord, school: School, completedOn text: String, evidence rawEvidence: String,
                         user: CurrentUser?, today: Day, on db: any Database) async throws -> Result<Void, FieldErrors> {
        var errors = FieldErrors()
        let evidence = rawEvidence.trimmingCharacters(in: .whitespacesAndNewlines)
        let day = Day(text.trimmingCharacters(in: .whitespaces))
        if day == nil { errors.add("completed_on", "Дата выполнения — дата вида ДД.ММ.ГГГГ.") }
        if let day, day > today { errors.add("completed_on", "Дата выполнения позже сегодняшней (\(today.russian)).") }
        if evidence.isEmpty { errors.add("evidence", "Укажите подтверждение: номер удостоверения, ссылку или название документа.") }
        if evidence.count > 500 { errors.add("evidence", "Не длиннее 500 знаков.") }
        if step.completedOn != nil { errors.add("completed_on", "Этот шаг уже выполнен.") }
        guard errors.isEmpty, let day else { return .failure(errors) }
        var course: CourseRecord?
        if let key = step.courseKey {
            course = try await CourseRecord.query(on: db).filter(\.$municipality.$id == school.$municipality.id).filter(\.$naturalKey == key).first()
        }
        let catalogued = course
        try await db.transaction { db in
            // Read again inside the transaction: a second submit of the same form must not overwrite the first.
            guard let fresh = try await DevelopmentStep.find(step.id, on: db), fresh.completedOn == nil else {
                throw Abort(.conflict, reason: "Этот шаг уже отмечен выполненным.")
            }
            step.completedOn = day.iso
            step.evidence = evidence
            var after = ["Выполнено": day.russian, "Подтверждение": evidence]
            if step.stepKind == .course {
                let title = catalogued?.title ?? step.title
                let key = TrainingFact.naturalKey(schoolCode: school.code, teacherCode: teacher.teacherCode, completedOn: day, title: title)
                let training = try await TrainingRecord.query(on: db).filter(\.$municipality.$id == school.$municipality.id)
                    .filter(\.$naturalKey == key).first() ?? TrainingRecord()
                if training.id == nil {
                    training.$municipality.id = school.$municipality.id
                    training.$teacher.id = teacher.id!
                    training.set(TrainingFact(id: key, teacherID: "\(school.code)|\(teacher.teacherCode)", title: title, provider: catalogued?.provider,
                                              hours: catalogued?.hours, completedOn: day, concernsQuality: catalogued?.concernsQuality ?? false,
                                              certificate: evidence))
                    try await training.create(on: db)
                    after["Курс повышения квалификации"] = "добавлен в сведения о повышении квалификации"
                }
                step.trainingID = training.id
            }
            try await step.save(on: db)
            try await Audit.record(db, user: user, action: "developmentPlan.complete", entityType: "developmentStep", entityID: step.id,
                                   municipalityID: school.$municipality.id, summary: "ИОМ: \(teacher.name): выполнен шаг «\(step.title)»",
                                   before: ["Выполнено": "нет"], after: after)
        }
        return .success(())
    }
}
