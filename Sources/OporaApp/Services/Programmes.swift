import Fluent
import Foundation
import OporaDomain
import Vapor

/// A municipality's programmes over time: started from the built-in template or empty, made active,
/// closed. Each change is one audited transaction; the rules of periods and of the one active
/// programme are `ProgrammePeriod`'s.
enum Programmes {
    enum Start: String, CaseIterable, Sendable {
        case template, previous, empty

        var russian: String {
            switch self {
            case .template: return "из встроенного шаблона: образец муниципальной программы поддержки школ с НРО и НСУ, годы и название муниципалитета — ваши"
            case .previous: return "из предыдущей программы: паспорт, разделы, направления, задачи и индикаторы; невыполненные мероприятия — по выбору"
            case .empty: return "пустую: план пишется в Опоре"
            }
        }
    }

    static func others(of municipalityID: UUID, except id: UUID?, on db: any Database) async throws -> [ProgrammePeriod.Other] {
        try await Programme.query(on: db).filter(\.$municipality.$id == municipalityID).all()
            .filter { $0.id != id }.map { .init(name: $0.name, years: $0.years, status: $0.status) }
    }

    /// A new draft programme; the form's fields are `start`, `first_year`, `last_year`, `name`.
    static func create(_ form: [String: String], municipality: Municipality, user: CurrentUser?, on db: any Database) async throws -> Result<UUID, FieldErrors> {
        var errors = FieldErrors()
        let municipalityID = try municipality.requireID()
        let start = Start(rawValue: form["start"] ?? "")
        if start == nil { errors.add("start", "Выберите, с чего начать программу.") }
        let first = Int((form["first_year"] ?? "").trimmingCharacters(in: .whitespaces))
        let last = Int((form["last_year"] ?? "").trimmingCharacters(in: .whitespaces))
        for (field, message) in ProgrammePeriod.problems(first: first, last: last, others: try await others(of: municipalityID, except: nil, on: db)) {
            errors.add(field, message)
        }
        let typedName = (form["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if typedName.count > 500 { errors.add("name", "Название — не длиннее 500 знаков.") }
        if start == .empty && typedName.isEmpty { errors.add("name", "Назовите программу.") }
        guard errors.isEmpty, let start, let first, let last else { return .failure(errors) }
        var template: ProgrammeTemplate
        switch start {
        case .template: template = try ProgrammeTemplate.balagansky().adapted(to: municipality.name, years: first...last)
        case .empty: template = .empty(name: typedName, years: first...last)
        case .previous:
            guard let previous = try await latest(of: municipalityID, on: db) else {
                errors.add("start", "Предыдущей программы нет: начните из шаблона или с пустой.")
                return .failure(errors)
            }
            let carried = Set(form.compactMap { $0.key.hasPrefix("carry_") && $0.value == "1" ? UUID(uuidString: String($0.key.dropFirst(6))) : nil })
            template = .successor(of: try await storedPlan(previous, carrying: carried, on: db), years: first...last)
        }
        if !typedName.isEmpty { template.passport.name = typedName }
        return .success(try await installDraft(template, basis: start.russian, municipalityID: municipalityID, user: user, on: db))
    }

    /// Writes a new draft programme and its audit entry in one transaction.
    static func installDraft(_ template: ProgrammeTemplate, basis: String, municipalityID: UUID, user: CurrentUser?, on db: any Database) async throws -> UUID {
        let (first, last) = (template.passport.startYear, template.passport.endYear)
        return try await db.transaction { db in
            let id = try await ProgrammeInstaller.install(template, municipalityID: municipalityID, status: .draft, on: db)
            try await Audit.record(db, user: user, action: "programme.create", entityType: "programme", entityID: id, municipalityID: municipalityID,
                                   summary: "Создана программа «\(template.passport.name)», \(first)–\(last)",
                                   after: ["Название": template.passport.name, "Период": "\(first)–\(last)", "Основа": basis, "Состояние": ProgrammeStatus.draft.russian])
            return id
        }
    }

    /// The municipality's programme with the latest period: the one a successor starts from.
    static func latest(of municipalityID: UUID, on db: any Database) async throws -> Programme? {
        try await Programme.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$endYear, .descending).first()
    }

    /// The measures of the municipal plan that were not done: offered for carrying over.
    static func unfinished(_ programme: Programme, on db: any Database) async throws -> [Measure] {
        try await Measure.query(on: db).filter(\.$programme.$id == programme.requireID()).filter(\.$school.$id == nil)
            .filter(\.$status ~~ [.planned, .inProgress]).sort(\.$sectionNumber).sort(\.$ordinal).all()
    }

    /// A stored programme's plan with the chosen unfinished measures of its municipal plan.
    static func storedPlan(_ programme: Programme, carrying carried: Set<UUID>, on db: any Database) async throws -> ProgrammeTemplate.StoredPlan {
        let plan = try await ProgrammePlan.fetch(programme, on: db)
        let measures = try await unfinished(programme, on: db).filter { carried.contains($0.id!) }
        let taskText = Dictionary(uniqueKeysWithValues: plan.sections.flatMap(\.directions).flatMap(\.tasks).map { ($0.id, $0.text) })
        return .init(passport: plan.passport, sections: plan.sections.map { s in
            .init(number: s.number, title: s.title, expectedResult: s.expectedResult, directions: s.directions.map { d in
                .init(code: d.code, title: d.title, tasks: d.tasks.map { .init(text: $0.text, years: $0.years) },
                      measures: measures.filter { $0.$direction.id == d.id }.map { m in
                          .init(task: taskText[m.$task.id] ?? "", year: m.year, name: m.name, deadline: m.deadline.flatMap(Day.init),
                                responsible: m.responsible, product: m.product, level: m.level)
                      })
            })
        }, indicators: plan.indicators.map { .init(number: $0.number, title: $0.title, unit: $0.unit, targets: $0.targets, formula: $0.formula, source: $0.source) })
    }

    /// A draft becomes the active programme, if no other is active.
    static func activate(_ programme: Programme, user: CurrentUser?, on db: any Database) async throws -> Result<Void, FieldErrors> {
        let others = try await others(of: programme.$municipality.id, except: programme.id, on: db)
        if let problem = ProgrammePeriod.activationProblem(status: programme.status, others: others) {
            var errors = FieldErrors()
            errors.add("activate", problem)
            return .failure(errors)
        }
        try await db.transaction { db in
            programme.status = .active
            try await programme.save(on: db)
            try await Audit.record(db, user: user, action: "programme.activate", entityType: "programme", entityID: programme.id,
                                   municipalityID: programme.$municipality.id, summary: "Программа «\(programme.name)» стала действующей",
                                   before: ["Состояние": ProgrammeStatus.draft.russian], after: ["Состояние": ProgrammeStatus.active.russian])
        }
        return .success(())
    }

    /// Closes an active programme: at or after its last year freely, earlier only with a reason.
    /// It stays readable with everything in it, and nothing in it changes any more.
    static func close(_ programme: Programme, reason rawReason: String, user: CurrentUser?, today: Day, on db: any Database) async throws -> Result<Void, FieldErrors> {
        var errors = FieldErrors()
        let reason = rawReason.trimmingCharacters(in: .whitespacesAndNewlines)
        if programme.status != .active { errors.add("close", "Закрыть можно только действующую программу.") }
        if today.year < programme.endYear && reason.isEmpty {
            errors.add("reason", "Программа рассчитана до \(programme.endYear) года: укажите, почему она закрывается раньше.")
        }
        if reason.count > 2000 { errors.add("reason", "Причина — не длиннее 2000 знаков.") }
        guard errors.isEmpty else { return .failure(errors) }
        try await db.transaction { db in
            programme.status = .closed
            programme.closedOn = today.iso
            programme.closeReason = reason.isEmpty ? nil : reason
            try await programme.save(on: db)
            try await Audit.record(db, user: user, action: "programme.close", entityType: "programme", entityID: programme.id,
                                   municipalityID: programme.$municipality.id, summary: "Программа «\(programme.name)» закрыта \(today.russian)",
                                   before: ["Состояние": ProgrammeStatus.active.russian],
                                   after: ["Состояние": ProgrammeStatus.closed.russian, "Причина": reason.isEmpty ? "окончание срока" : reason])
        }
        return .success(())
    }

    /// Refuses a change to anything of a closed programme.
    static func requireOpen(_ programme: Programme) throws {
        guard programme.status.isOpen else {
            throw Abort(.forbidden, reason: "Программа «\(programme.name)» закрыта: её план, мероприятия и индикаторы больше не меняются.")
        }
    }

    /// Switches the municipality's open page for parents on or off.
    static func setPublicPage(_ municipality: Municipality, on: Bool, user: CurrentUser, on db: any Database) async throws {
        guard municipality.publicPage != on else { return }
        try await db.transaction { db in
            municipality.publicPage = on
            try await municipality.save(on: db)
            try await Audit.record(db, user: user, action: "municipality.publicPage", entityType: "municipality", entityID: municipality.id,
                                   municipalityID: municipality.id, summary: "Открытая страница \(on ? "включена" : "выключена")",
                                   before: ["Открытая страница": on ? "выключена" : "включена"], after: ["Открытая страница": on ? "включена" : "выключена"])
        }
    }

    /// Deletes a draft nothing was recorded in (no work on a measure, no value entered by hand): a
    /// draft started by mistake, or the one `opora setup` made for years the municipality does not want.
    static func deleteDraft(_ programme: Programme, user: CurrentUser?, on db: any Database) async throws -> Result<Void, FieldErrors> {
        var errors = FieldErrors()
        let id = try programme.requireID()
        let measures = try await Measure.query(on: db).filter(\.$programme.$id == id).all()
        let untouched = try await ProgrammeEditing.untouched(measures, on: db)
        let entered = try await IndicatorManualValue.query(on: db).filter(\.$programme.$id == id).count()
        if programme.status != .draft {
            errors.add("delete", "Удалить можно только черновик; действующая программа закрывается, закрытая остаётся в истории.")
        } else if !untouched || entered > 0 {
            errors.add("delete", "В черновике уже отмечена работа (мероприятия или значения индикаторов): удалить его нельзя.")
        }
        guard errors.isEmpty else { return .failure(errors) }
        try await db.transaction { db in
            try await ProgrammeSchool.query(on: db).filter(\.$programme.$id == id).delete()
            try await Measure.query(on: db).filter(\.$programme.$id == id).delete()
            try await YearTask.query(on: db).filter(\.$programme.$id == id).delete()
            try await Direction.query(on: db).filter(\.$programme.$id == id).delete()
            try await ProgrammeSection.query(on: db).filter(\.$programme.$id == id).delete()
            let indicators = try await Indicator.query(on: db).filter(\.$programme.$id == id).all(\.$id)
            if !indicators.isEmpty { try await IndicatorTarget.query(on: db).filter(\.$indicator.$id ~~ indicators).delete() }
            try await Indicator.query(on: db).filter(\.$programme.$id == id).delete()
            try await programme.delete(on: db)
            try await Audit.record(db, user: user, action: "programme.delete", entityType: "programme", entityID: id,
                                   municipalityID: programme.$municipality.id, summary: "Удалён черновик программы «\(programme.name)»",
                                   before: ["Программа": "\(programme.name), \(programme.startYear)–\(programme.endYear)", "Мероприятий": String(measures.count)])
        }
        return .success(())
    }
}
