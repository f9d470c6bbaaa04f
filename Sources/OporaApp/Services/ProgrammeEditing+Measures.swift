import Fluent
import Foundation
import OporaDomain

/// Adding, describing and deleting measures of the municipal plan. A measure for schools lives in
/// each school plan of the programme as a copy (same task and place); its description follows the
/// municipal row, its work is the school's.
extension ProgrammeEditing {
    /// A measure just added and what to tell about it (a deadline outside the period), if anything.
    struct Added: Sendable {
        var id: UUID
        var warning: String?
    }

    /// Adds a measure to a task. Form: `task_id`, `name`, `deadline`, `responsible`, `product`, `level`.
    static func addMeasure(_ programme: Programme, _ form: Form, user: CurrentUser, on db: any Database) async throws -> Result<Added, FieldErrors> {
        guard let task = try await item(YearTask.self, form["task_id"], in: programme, on: db),
              let direction = try await item(Direction.self, task.$direction.id.uuidString, in: programme, on: db),
              let section = try await ProgrammeSection.find(direction.$section.id, on: db) else {
            return refusal("task_id", "Выберите задачу направления: мероприятие выполняет одну из задач плана.")
        }
        let draft = MeasureDraft.validate(name: form["name"], deadline: form["deadline"], responsible: form["responsible"],
                                          product: form["product"], level: form["level"], programme: programme.years)
        guard case .success(let valid) = draft else { return draft.map { _ in Added(id: UUID(), warning: nil) } }
        let programmeID = try programme.requireID()
        let schools = valid.level.inSchoolPlans
            ? try await Array(Participation.schoolIDs(of: programmeID, on: db)) : []
        let ordinal = (try await Measure.query(on: db).filter(\.$direction.$id == direction.requireID()).max(\.$ordinal) ?? 0) + 1
        let year = MeasureDraft.year(task: task.firstYear...task.lastYear, deadline: valid.deadline)
        let m = Measure()
        m.$programme.id = programmeID
        m.$direction.id = try direction.requireID()
        m.$task.id = try task.requireID()
        m.sectionNumber = section.number
        m.year = year
        m.ordinal = ordinal
        m.name = valid.name
        m.deadline = valid.deadline?.iso
        m.responsible = valid.responsible
        m.product = valid.product
        m.status = .planned
        m.level = valid.level
        m.searchText = SearchText.normalise([valid.name, task.text, direction.code, direction.title, valid.product, valid.responsible])
        try await db.transaction { db in
            try await m.create(on: db)
            for schoolID in schools { try await ProgrammeInstaller.schoolCopy(of: m, schoolID: schoolID).create(on: db) }
            try await record(db, programme, user, "programme.measure.create", "Добавлено мероприятие «\(valid.name)»",
                             after: describe(valid.name, valid.deadline, valid.responsible, valid.product, valid.level)
                                .merging(["Задача": "\(direction.code) \(task.text)", "Планы школ": String(schools.count)]) { a, _ in a })
        }
        return .success(Added(id: try m.requireID(), warning: valid.warning))
    }

    static func describe(_ name: String, _ deadline: Day?, _ responsible: String?, _ product: String?, _ level: MeasureLevel) -> [String: String] {
        ["Мероприятие": name, "Срок": deadline?.russian ?? "—", "Ответственные": responsible ?? "—", "Продукт": product ?? "—",
         "Кто выполняет": level.russian]
    }

    /// The school plans' copies of a municipal measure.
    static func copies(of measure: Measure, on db: any Database) async throws -> [Measure] {
        try await Measure.query(on: db).filter(\.$programme.$id == measure.$programme.id).filter(\.$task.$id == measure.$task.id)
            .filter(\.$ordinal == measure.ordinal).filter(\.$school.$id != nil).all()
    }

    /// Whether nothing was ever recorded on a measure: still planned, no completion, no evidence, no work in its history
    /// (a new description is not work on it).
    static func untouched(_ measures: [Measure], on db: any Database) async throws -> Bool {
        let ids = measures.compactMap(\.id)
        if ids.isEmpty { return true }
        guard measures.allSatisfy({ $0.status == .planned && $0.completedOn == nil && $0.evidenceLink == nil && $0.completionComment == nil }) else { return false }
        if try await Evidence.query(on: db).filter(\.$measure.$id ~~ ids).count() > 0 { return false }
        return try await AuditEntry.query(on: db).filter(\.$entityType == "measure").filter(\.$entityID ~~ ids)
            .filter(\.$action != "measure.describe").count() == 0
    }

    /// Changes what a municipal measure is: name, product, who carries it out. Its school copies follow;
    /// taking it out of the school plans is refused once a school recorded work on it.
    static func describeMeasure(_ measure: Measure, _ form: Form, user: CurrentUser, on db: any Database) async throws -> Result<Void, FieldErrors> {
        guard measure.$school.id == nil else { return refusal("name", "Описание мероприятия меняется в муниципальном плане; в плане школы — только его выполнение.") }
        let programme = try await measure.$programme.get(on: db)
        let draft = MeasureDraft.validate(name: form["name"], deadline: nil, responsible: measure.responsible, product: form["product"],
                                          level: form["level"], programme: programme.years)
        guard case .success(let valid) = draft else { return draft.map { _ in () } }
        let copies = try await copies(of: measure, on: db)
        if !valid.level.inSchoolPlans, !copies.isEmpty, !(try await untouched(copies, on: db)) {
            return refusal("level", "Школы уже отмечали работу по этому мероприятию в своих планах: убрать его из планов школ нельзя. Отмените мероприятие в планах школ или оставьте его школам.")
        }
        let before = describe(measure.name, measure.deadlineDay, measure.responsible, measure.product, measure.level)
        let schools = valid.level.inSchoolPlans && copies.isEmpty
            ? try await Array(Participation.schoolIDs(of: programme.requireID(), on: db)) : []
        try await db.transaction { db in
            for m in [measure] + copies {
                m.name = valid.name
                m.product = valid.product
                try await m.save(on: db)
            }
            measure.level = valid.level
            try await measure.save(on: db)
            if !valid.level.inSchoolPlans { for c in copies { try await c.delete(on: db) } }
            for schoolID in schools {
                let copy = try ProgrammeInstaller.schoolCopy(of: measure, schoolID: schoolID)
                try await copy.create(on: db)
            }
            try await refreshSearch(directionIDs: [measure.$direction.id], on: db)
            try await Audit.record(db, user: user, action: "measure.describe", entityType: "measure", entityID: measure.id,
                                   municipalityID: programme.$municipality.id, summary: "Мероприятие «\(valid.name)» описано заново",
                                   before: before, after: describe(valid.name, measure.deadlineDay, measure.responsible, valid.product, valid.level))
        }
        return .success(())
    }

    /// Deletes a municipal measure nothing was recorded on, with its school copies; any other is cancelled with a reason instead.
    static func deleteMeasure(_ measure: Measure, user: CurrentUser, on db: any Database) async throws -> Result<Void, FieldErrors> {
        guard measure.$school.id == nil else { return refusal("delete", "Удалить можно мероприятие муниципального плана; в плане школы его можно отменить с причиной.") }
        let copies = try await copies(of: measure, on: db)
        guard try await untouched([measure] + copies, on: db) else {
            return refusal("delete", "По мероприятию уже есть записи (состояние, срок, подтверждения или история): удалить его нельзя. Отмените его с причиной — отмена останется в истории.")
        }
        let programme = try await measure.$programme.get(on: db)
        try await db.transaction { db in
            for m in copies + [measure] { try await m.delete(on: db) }
            try await record(db, programme, user, "programme.measure.delete", "Удалено мероприятие «\(measure.name)»",
                             before: describe(measure.name, measure.deadlineDay, measure.responsible, measure.product, measure.level)
                                .merging(["Планы школ": String(copies.count)]) { a, _ in a })
        }
        return .success(())
    }
}
