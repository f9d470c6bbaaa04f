import Fluent
import Foundation
import OporaDomain

/// Editing the yearly tasks of directions and the target indicators.
extension ProgrammeEditing {
    // MARK: - Tasks

    /// Adds a task to a direction (no `id`) or changes one; `direction_id`, `text`, `first_year`, `last_year`.
    static func saveTask(_ programme: Programme, _ form: Form, user: CurrentUser, on db: any Database) async throws -> Result<UUID, FieldErrors> {
        let existing = try await item(YearTask.self, form["id"], in: programme, on: db)
        guard let direction = try await item(Direction.self, existing.map { $0.$direction.id.uuidString } ?? form["direction_id"], in: programme, on: db) else {
            return refusal("direction_id", "Выберите направление программы.")
        }
        let siblings = try await YearTask.query(on: db).filter(\.$direction.$id == direction.requireID()).sort(\.$ordinal).all()
        let draft = TaskDraft.validate(text: form["text"], firstYear: form["first_year"], lastYear: form["last_year"], programme: programme.years,
                                       otherTexts: siblings.filter { $0.id != existing?.id }.map(\.text))
        guard case .success(let valid) = draft else { return draft.map { _ in UUID() } }
        let programmeID = try programme.requireID()
        let directionID = try direction.requireID()
        let id = try await db.transaction { db -> UUID in
            let task = existing ?? YearTask()
            let before = existing.map { ["Задача": "\($0.text) (\($0.firstYear)–\($0.lastYear))"] }
            if existing == nil {
                task.$programme.id = programmeID
                task.$direction.id = directionID
                task.ordinal = (siblings.map(\.ordinal).max() ?? 0) + 1
            }
            task.text = valid.text
            task.firstYear = valid.years.lowerBound
            task.lastYear = valid.years.upperBound
            try await task.save(on: db)
            if existing != nil { try await refreshSearch(directionIDs: [directionID], on: db) }
            try await record(db, programme, user, existing == nil ? "programme.task.create" : "programme.task.update",
                             "Задача направления \(direction.code) \(existing == nil ? "добавлена" : "изменена")", before: before,
                             after: ["Задача": "\(valid.text) (\(valid.years.lowerBound)–\(valid.years.upperBound))"])
            return try task.requireID()
        }
        return .success(id)
    }

    /// Deletes a task no measure carries out.
    static func deleteTask(_ programme: Programme, id: String?, user: CurrentUser, on db: any Database) async throws -> Result<Void, FieldErrors> {
        guard let task = try await item(YearTask.self, id, in: programme, on: db) else { return refusal("id", "Такой задачи в программе нет.") }
        let held = try await Measure.query(on: db).filter(\.$task.$id == task.requireID()).count()
        if held > 0 { return refusal("id", "Задачу выполняют \(RussianNoun.measure.counted(held)) (с планами школ): удалить можно только задачу без мероприятий.") }
        try await db.transaction { db in
            try await task.delete(on: db)
            try await record(db, programme, user, "programme.task.delete", "Удалена задача «\(task.text)»",
                             before: ["Задача": "\(task.text) (\(task.firstYear)–\(task.lastYear))"])
        }
        return .success(())
    }

    // MARK: - Indicators

    /// An indicator's fields as the form shows them.
    static func indicatorValues(_ i: ProgrammePlan.IndicatorItem, years: [Int]) -> Form {
        var values: Form = ["title": i.title, "unit": i.unit, "baseline_year": String(i.baselineYear),
                            "baseline": i.baseline.map(plain) ?? "", "formula": i.formula?.rawValue ?? IndicatorDraft.manual,
                            "source": i.source ?? ""]
        for y in years { values[IndicatorDraft.targetField(y)] = i.targets[y].map(plain) ?? "" }
        return values
    }

    /// Adds an indicator (no `id`) or changes one: name, unit, baseline, the targets of the programme's years, formula or source.
    static func saveIndicator(_ programme: Programme, _ form: Form, user: CurrentUser, on db: any Database) async throws -> Result<UUID, FieldErrors> {
        let existing = try await item(Indicator.self, form["id"], in: programme, on: db)
        if form["id"].map({ !$0.isEmpty }) == true && existing == nil { return refusal("id", "Такого индикатора в программе нет.") }
        let draft = IndicatorDraft.validate(form, programme: programme.years)
        guard case .success(let valid) = draft else { return draft.map { _ in UUID() } }
        let programmeID = try programme.requireID()
        let oldTargets = try await existing.asyncFlatMap { try await IndicatorTarget.query(on: db).filter(\.$indicator.$id == $0.requireID()).all() } ?? []
        let before = existing.map { i in
            describe(title: i.title, unit: i.unit, baselineYear: i.baselineYear, baseline: i.baseline,
                     targets: Dictionary(uniqueKeysWithValues: oldTargets.map { ($0.year, $0.value) }), formula: i.formula, source: i.source)
        }
        let id = try await db.transaction { db -> UUID in
            let indicator = existing ?? Indicator()
            if existing == nil {
                indicator.$programme.id = programmeID
                indicator.number = (try await Indicator.query(on: db).filter(\.$programme.$id == programmeID).max(\.$number) ?? 0) + 1
            }
            indicator.title = valid.title
            indicator.unit = valid.unit
            indicator.baselineYear = valid.baselineYear
            indicator.baseline = valid.baseline
            indicator.formula = valid.formula
            indicator.source = valid.source
            try await indicator.save(on: db)
            for t in oldTargets { try await t.delete(on: db) }
            for (year, value) in valid.targets.sorted(by: { $0.key < $1.key }) {
                try await IndicatorTarget(indicatorID: try indicator.requireID(), year: year, value: value).create(on: db)
            }
            try await record(db, programme, user, existing == nil ? "programme.indicator.create" : "programme.indicator.update",
                             "Индикатор \(indicator.number) \(existing == nil ? "добавлен" : "изменён"): «\(valid.title)»", before: before,
                             after: describe(title: valid.title, unit: valid.unit, baselineYear: valid.baselineYear, baseline: valid.baseline,
                                             targets: valid.targets, formula: valid.formula, source: valid.source))
            return try indicator.requireID()
        }
        return .success(id)
    }

    /// A number as a form shows it and accepts it back: «12,5», «80».
    static func plain(_ x: Double) -> String { RussianNumberFormat.decimal(x, fractionDigits: 0...3) }

    static func describe(title: String, unit: String, baselineYear: Int, baseline: Double?, targets: [Int: Double],
                         formula: IndicatorFormula?, source: String?) -> [String: String] {
        ["Индикатор": "\(title), \(unit)", "Исходное значение": "\(baseline.map(plain) ?? "—") (\(baselineYear))",
         "Цели": targets.sorted { $0.key < $1.key }.map { "\($0.key): \(plain($0.value))" }.joined(separator: "; "),
         "Значение": formula?.russian ?? "вручную, источник: \(source ?? "—")"]
    }

    /// Deletes an indicator no value was entered for by hand.
    static func deleteIndicator(_ programme: Programme, id: String?, user: CurrentUser, on db: any Database) async throws -> Result<Void, FieldErrors> {
        guard let indicator = try await item(Indicator.self, id, in: programme, on: db) else { return refusal("id", "Такого индикатора в программе нет.") }
        let entered = try await IndicatorManualValue.query(on: db).filter(\.$programme.$id == programme.requireID())
            .filter(\.$number == indicator.number).count()
        if entered > 0 { return refusal("id", "Для индикатора «\(indicator.title)» уже вносились значения вручную: удалить его нельзя, история значений сохраняется.") }
        try await db.transaction { db in
            try await IndicatorTarget.query(on: db).filter(\.$indicator.$id == indicator.requireID()).delete()
            try await indicator.delete(on: db)
            try await record(db, programme, user, "programme.indicator.delete", "Удалён индикатор \(indicator.number): «\(indicator.title)»",
                             before: ["Индикатор": "\(indicator.number). \(indicator.title), \(indicator.unit)"])
        }
        return .success(())
    }
}
