import Fluent
import Foundation
import OporaDomain

/// Editing an open programme's passport, analysis, sections and directions. Each change is one
/// transaction with its audit entry (before → after); bad input changes nothing and answers the
/// problems by field. The caller has checked that the user may edit and the programme is open.
enum ProgrammeEditing {
    typealias Form = [String: String]

    /// The passport's fields of one line and of several (one item per line), with their Russian labels.
    static let passportFields: [(key: String, label: String)] = [
        ("name", "Наименование программы"), ("goal", "Цель"), ("developers", "Разработчики"), ("executors", "Исполнители"),
        ("mechanism", "Механизм реализации"), ("control", "Контроль"), ("indicators_intro", "Целевые индикаторы: вводная фраза"),
    ]
    static let passportLists: [(key: String, label: String)] = [
        ("basis", "Основания для разработки"), ("terms", "Основные понятия"), ("tasks", "Задачи"),
        ("indicators", "Целевые индикаторы"), ("expected_results", "Ожидаемые результаты"),
    ]

    /// The passport and analysis as the form shows them.
    static func passportValues(_ plan: ProgrammePlan) -> Form {
        let p = plan.passport
        return ["name": p.name, "goal": p.goal, "developers": p.developers, "executors": p.executors, "mechanism": p.mechanism,
                "control": p.control, "indicators_intro": p.indicatorsIntro, "basis": p.basis.joined(separator: "\n"),
                "terms": p.terms.joined(separator: "\n"), "tasks": p.tasks.joined(separator: "\n"),
                "indicators": p.indicators.joined(separator: "\n"), "expected_results": p.expectedResults.joined(separator: "\n"),
                "analysis_title": plan.analysis.title, "analysis": plan.analysis.paragraphs.joined(separator: "\n\n")]
    }

    static func savePassport(_ programme: Programme, _ form: Form, user: CurrentUser, on db: any Database) async throws -> Result<Void, FieldErrors> {
        var errors = FieldErrors()
        let plan = try await ProgrammePlan.fetch(programme, on: db)
        var passport = plan.passport
        func line(_ key: String, _ label: String, required: Bool = false, max: Int = PlanText.maxText) -> String {
            PlanText.read(form[key], field: key, label: label, required: required, max: max, errors: &errors) ?? ""
        }
        func list(_ key: String, _ label: String) -> [String] {
            line(key, label).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        passport.name = line("name", "Наименование программы", required: true, max: 500)
        passport.goal = line("goal", "Цель")
        passport.developers = line("developers", "Разработчики")
        passport.executors = line("executors", "Исполнители")
        passport.mechanism = line("mechanism", "Механизм реализации")
        passport.control = line("control", "Контроль")
        passport.indicatorsIntro = line("indicators_intro", "Вводная фраза индикаторов")
        passport.basis = list("basis", "Основания")
        passport.terms = list("terms", "Основные понятия")
        passport.tasks = list("tasks", "Задачи")
        passport.indicators = list("indicators", "Целевые индикаторы")
        passport.expectedResults = list("expected_results", "Ожидаемые результаты")
        let analysisTitle = line("analysis_title", "Заголовок анализа", max: 500)
        let paragraphs = line("analysis", "Анализ ситуации").components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard errors.isEmpty else { return .failure(errors) }
        let analysis = ProgrammeTemplate.Analysis(title: analysisTitle.isEmpty ? "Анализ ситуации" : analysisTitle, paragraphs: paragraphs)
        let before = passportValues(plan)
        let after = passportValues(ProgrammePlan(id: plan.id, name: passport.name, years: plan.years, passport: passport, analysis: analysis,
                                                 sections: [], indicators: []))
        let changed = after.keys.filter { before[$0] != after[$0] }.sorted()
        guard !changed.isEmpty else { return .success(()) }
        let passportToSave = passport
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try await db.transaction { db in
            programme.name = passportToSave.name
            programme.passportJSON = String(decoding: try encoder.encode(passportToSave), as: UTF8.self)
            programme.analysisJSON = String(decoding: try encoder.encode(analysis), as: UTF8.self)
            try await programme.save(on: db)
            try await record(db, programme, user, "programme.passport", "Паспорт программы «\(passportToSave.name)» изменён",
                             before: before.filter { changed.contains($0.key) }, after: after.filter { changed.contains($0.key) })
        }
        return .success(())
    }

    // MARK: - Sections

    /// Adds a section (no `id` in the form) or renames one; `title`, `expected_result`.
    static func saveSection(_ programme: Programme, _ form: Form, user: CurrentUser, on db: any Database) async throws -> Result<UUID, FieldErrors> {
        var errors = FieldErrors()
        let title = PlanText.read(form["title"], field: "title", label: "Название раздела", errors: &errors)
        let expected = PlanText.read(form["expected_result"], field: "expected_result", label: "Ожидаемый результат", required: false,
                                     max: PlanText.maxText, errors: &errors) ?? ""
        let existing = try await item(ProgrammeSection.self, form["id"], in: programme, on: db)
        guard errors.isEmpty, let title else { return .failure(errors) }
        let programmeID = try programme.requireID()
        let id = try await db.transaction { db -> UUID in
            if let section = existing {
                let before = ["Раздел": "\(section.number). \(section.title)", "Ожидаемый результат": section.expectedResult]
                section.title = title
                section.expectedResult = expected
                try await section.save(on: db)
                try await record(db, programme, user, "programme.section.update", "Раздел \(section.number) переименован: «\(title)»",
                                 before: before, after: ["Раздел": "\(section.number). \(title)", "Ожидаемый результат": expected])
                return try section.requireID()
            } else {
                let section = ProgrammeSection()
                section.$programme.id = programmeID
                section.number = (try await ProgrammeSection.query(on: db).filter(\.$programme.$id == programmeID).max(\.$number) ?? 0) + 1
                section.title = title
                section.expectedResult = expected
                try await section.create(on: db)
                try await record(db, programme, user, "programme.section.create", "Добавлен раздел \(section.number): «\(title)»",
                                 after: ["Раздел": "\(section.number). \(title)", "Ожидаемый результат": expected])
                return try section.requireID()
            }
        }
        return .success(id)
    }

    /// Deletes a section that holds no direction.
    static func deleteSection(_ programme: Programme, id: String?, user: CurrentUser, on db: any Database) async throws -> Result<Void, FieldErrors> {
        guard let section = try await item(ProgrammeSection.self, id, in: programme, on: db) else { return refusal("id", "Такого раздела в программе нет.") }
        let held = try await Direction.query(on: db).filter(\.$section.$id == section.requireID()).count()
        if held > 0 {
            return refusal("id", "В разделе «\(section.title)» \(RussianNoun("направление", "направления", "направлений").counted(held)): сначала удалите или перенесите их.")
        }
        try await db.transaction { db in
            try await section.delete(on: db)
            try await renumber(programme, on: db)
            try await record(db, programme, user, "programme.section.delete", "Удалён раздел «\(section.title)»",
                             before: ["Раздел": "\(section.number). \(section.title)"])
        }
        return .success(())
    }

    /// Moves a section one place up or down: its number and its directions' codes follow.
    static func moveSection(_ programme: Programme, id: String?, up: Bool, user: CurrentUser, on db: any Database) async throws -> Result<Void, FieldErrors> {
        guard let section = try await item(ProgrammeSection.self, id, in: programme, on: db) else { return refusal("id", "Такого раздела в программе нет.") }
        let all = try await ProgrammeSection.query(on: db).filter(\.$programme.$id == programme.requireID()).sort(\.$number).all()
        guard let at = all.firstIndex(where: { $0.id == section.id }), all.indices.contains(up ? at - 1 : at + 1) else { return .success(()) }
        let other = all[up ? at - 1 : at + 1]
        try await db.transaction { db in
            let (a, b) = (section.number, other.number)
            section.number = -a
            try await section.save(on: db)
            other.number = a
            try await other.save(on: db)
            section.number = b
            try await section.save(on: db)
            try await renumber(programme, on: db)
            try await record(db, programme, user, "programme.section.move", "Раздел «\(section.title)» перемещён",
                             before: ["Номер": String(a)], after: ["Номер": String(b)])
        }
        return .success(())
    }

    // MARK: - Directions

    /// Adds a direction to a section (no `id`) or renames it and moves it to another section; `section_id`, `title`.
    static func saveDirection(_ programme: Programme, _ form: Form, user: CurrentUser, on db: any Database) async throws -> Result<UUID, FieldErrors> {
        var errors = FieldErrors()
        let title = PlanText.read(form["title"], field: "title", label: "Название направления", errors: &errors)
        let section = try await item(ProgrammeSection.self, form["section_id"], in: programme, on: db)
        if section == nil { errors.add("section_id", "Выберите раздел программы.") }
        let existing = try await item(Direction.self, form["id"], in: programme, on: db)
        guard errors.isEmpty, let title, let section else { return .failure(errors) }
        let programmeID = try programme.requireID()
        let id = try await db.transaction { db -> UUID in
            if let direction = existing {
                let before = ["Направление": "\(direction.code) \(direction.title)"]
                direction.title = title
                direction.$section.id = try section.requireID()
                try await direction.save(on: db)
                let codes = try await renumber(programme, on: db)
                try await refreshSearch(directionIDs: [try direction.requireID()], on: db)
                try await record(db, programme, user, "programme.direction.update", "Направление «\(title)» изменено",
                                 before: before, after: ["Направление": "\(codes[try direction.requireID()] ?? "") \(title)", "Раздел": section.title])
                return try direction.requireID()
            } else {
                let direction = Direction()
                direction.$programme.id = programmeID
                direction.$section.id = try section.requireID()
                direction.title = title
                direction.code = "~\(UUID().uuidString)"
                direction.ordinal = (try await Direction.query(on: db).filter(\.$programme.$id == programmeID).max(\.$ordinal) ?? 0) + 1
                try await direction.create(on: db)
                let codes = try await renumber(programme, on: db)
                try await record(db, programme, user, "programme.direction.create", "Добавлено направление «\(title)»",
                                 after: ["Направление": "\(codes[try direction.requireID()] ?? "") \(title)", "Раздел": section.title])
                return try direction.requireID()
            }
        }
        return .success(id)
    }

    /// Deletes a direction that holds no measure, with its tasks.
    static func deleteDirection(_ programme: Programme, id: String?, user: CurrentUser, on db: any Database) async throws -> Result<Void, FieldErrors> {
        guard let direction = try await item(Direction.self, id, in: programme, on: db) else { return refusal("id", "Такого направления в программе нет.") }
        let held = try await Measure.query(on: db).filter(\.$direction.$id == direction.requireID()).count()
        if held > 0 {
            return refusal("id", "В направлении «\(direction.title)» \(RussianNoun.measure.counted(held)) (с планами школ): удалить можно только пустое направление.")
        }
        let tasks = try await YearTask.query(on: db).filter(\.$direction.$id == direction.requireID()).all()
        try await db.transaction { db in
            for task in tasks { try await task.delete(on: db) }
            try await direction.delete(on: db)
            try await renumber(programme, on: db)
            try await record(db, programme, user, "programme.direction.delete", "Удалено направление «\(direction.title)»",
                             before: ["Направление": "\(direction.code) \(direction.title)", "Задачи": tasks.map(\.text).joined(separator: "; ")])
        }
        return .success(())
    }

    /// Moves a direction one place up or down within its section.
    static func moveDirection(_ programme: Programme, id: String?, up: Bool, user: CurrentUser, on db: any Database) async throws -> Result<Void, FieldErrors> {
        guard let direction = try await item(Direction.self, id, in: programme, on: db) else { return refusal("id", "Такого направления в программе нет.") }
        let siblings = try await Direction.query(on: db).filter(\.$section.$id == direction.$section.id).sort(\.$ordinal).all()
        guard let at = siblings.firstIndex(where: { $0.id == direction.id }), siblings.indices.contains(up ? at - 1 : at + 1) else { return .success(()) }
        let other = siblings[up ? at - 1 : at + 1]
        let before = direction.code
        try await db.transaction { db in
            (direction.ordinal, other.ordinal) = (other.ordinal, direction.ordinal)
            try await direction.save(on: db)
            try await other.save(on: db)
            let codes = try await renumber(programme, on: db)
            try await refreshSearch(directionIDs: [try direction.requireID(), try other.requireID()], on: db)
            try await record(db, programme, user, "programme.direction.move", "Направление «\(direction.title)» перемещено",
                             before: ["Код": before], after: ["Код": codes[try direction.requireID()] ?? ""])
        }
        return .success(())
    }
}
