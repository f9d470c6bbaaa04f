import Foundation
import OporaDomain
import Plot

/// The editor's tasks with their measures, the form that adds a measure, and the indicators.
extension ProgrammeEditView.Page {
    func tasks(_ d: ProgrammePlan.DirectionItem) -> Component {
        let newTask = "task-new-\(d.id.uuidString)"
        let newMeasure = "measure-\(d.id.uuidString)"
        return ComponentGroup {
            if d.tasks.isEmpty { El("p", [("class", "muted")]) { Tx("Задач пока нет: мероприятие выполняет одну из задач направления.") } }
            El("ul", [("class", "edit-tasks")]) {
                for t in d.tasks { task(t, direction: d) }
            }
            El("details", [("open", isOpen(newTask) ? "" : nil)]) {
                El("summary") { Tx("Добавить задачу направления \(d.code)") }
                taskFields(newTask, nil, directionID: d.id)
            }
            if !d.tasks.isEmpty {
                El("details", [("open", isOpen(newMeasure) ? "" : nil)]) {
                    El("summary") { Tx("Добавить мероприятие в направление \(d.code)") }
                    measureFields(newMeasure, d)
                }
            }
        }
    }

    func task(_ t: ProgrammePlan.TaskItem, direction d: ProgrammePlan.DirectionItem) -> Component {
        let formID = "task-\(t.id.uuidString)"
        let measures = model.measures[t.id] ?? []
        return El("li") {
            El("p") {
                Tx(t.text)
                El("span", [("class", "muted")]) { Tx(" — \(t.years.first!)–\(t.years.last!)") }
            }
            if !measures.isEmpty {
                El("ul", [("class", "edit-measures")]) {
                    for m in measures {
                        El("li") {
                            link(m.name, SiteURL.measure(.value(m.id)).path)
                            El("span", [("class", "muted")]) {
                                Tx(" — \(m.deadline?.russian ?? "срок не указан"); \(m.level.russian); \(m.status.russian.lowercased())")
                            }
                        }
                    }
                }
            }
            El("details", [("open", isOpen(formID) ? "" : nil)]) {
                El("summary") { Tx("Изменить задачу") }
                taskFields(formID, t, directionID: d.id)
            }
            if measures.isEmpty { button("Удалить задачу", part: "task-delete", id: t.id, label: "Удалить задачу «\(t.text)»") }
        }
    }

    func taskFields(_ id: String, _ t: ProgrammePlan.TaskItem?, directionID: UUID) -> Component {
        form(id, part: "task") {
            if let t { hidden("id", t.id.uuidString) }
            hidden("direction_id", directionID.uuidString)
            Forms.textarea("Задача", name: "text", value: value(id, "text", t?.text ?? ""), error: error(id, "text"), id: "\(id)-text")
            Forms.field("Первый год", name: "first_year", value: value(id, "first_year", String(t?.years.first ?? years.first!)), type: "number",
                        error: error(id, "first_year"), required: true, attributes: yearBounds, id: "\(id)-first")
            Forms.field("Последний год", name: "last_year", value: value(id, "last_year", String(t?.years.last ?? years.last!)), type: "number",
                        error: error(id, "last_year"), required: true, attributes: yearBounds, id: "\(id)-last")
            El("button", [("type", "submit")]) { Tx(t == nil ? "Добавить задачу" : "Сохранить задачу") }
        }
    }

    var yearBounds: [(String, String?)] { [("min", String(years.first!)), ("max", String(years.last!))] }

    func measureFields(_ id: String, _ d: ProgrammePlan.DirectionItem) -> Component {
        form(id, part: "measure") {
            hidden("direction_id", d.id.uuidString)
            Forms.select("Задача", name: "task_id", options: d.tasks.map { ($0.id.uuidString, "\($0.text) (\($0.years.first!)–\($0.years.last!))") },
                         selected: value(id, "task_id", d.tasks.first!.id.uuidString), error: error(id, "task_id"), id: "\(id)-task")
            Forms.textarea("Наименование мероприятия", name: "name", value: value(id, "name", ""), error: error(id, "name"), id: "\(id)-name")
            Forms.date("Срок", name: "deadline", value: value(id, "deadline", ""), error: error(id, "deadline"),
                       hint: "Обычно в годы программы \(years.first!)–\(years.last!); срок за ними будет отмечен", id: "\(id)-deadline")
            Forms.field("Ответственные", name: "responsible", value: value(id, "responsible", ""), error: error(id, "responsible"), id: "\(id)-responsible")
            Forms.field("Продукт / результат", name: "product", value: value(id, "product", ""), error: error(id, "product"), id: "\(id)-product")
            Forms.select("Кто выполняет", name: "level", options: MeasureLevel.allCases.map { ($0.rawValue, $0.russian) },
                         selected: value(id, "level", MeasureLevel.both.rawValue), error: error(id, "level"), id: "\(id)-level")
            El("button", [("type", "submit")]) { Tx("Добавить мероприятие") }
        }
    }

    func indicatorsPart() -> Component {
        El("section", [("aria-labelledby", "indicators")]) {
            El("h2", [("id", "indicators")]) { Tx("Целевые индикаторы") }
            if model.plan.indicators.isEmpty { El("p") { Tx("Индикаторов пока нет.") } }
            for i in model.plan.indicators {
                let formID = "indicator-\(i.id.uuidString)"
                El("div", [("class", "edit-indicator")]) {
                    El("h3") { Tx("\(i.number). \(i.title)") }
                    El("p", [("class", "muted")]) {
                        Tx("Значение: \(i.formula?.russian ?? "вносится вручную, источник: \(i.source ?? "—")"). Цели: "
                           + years.map { y in "\(y) — \(i.targets[y].map(ProgrammeEditing.plain) ?? "не задана")" }.joined(separator: ", ") + ".")
                    }
                    El("details", [("open", isOpen(formID) ? "" : nil)]) {
                        El("summary") { Tx("Изменить индикатор") }
                        indicatorFields(formID, i)
                    }
                    button("Удалить индикатор", part: "indicator-delete", id: i.id, label: "Удалить индикатор \(i.number)")
                }
            }
            El("details", [("open", isOpen("indicator-new") ? "" : nil)]) {
                El("summary") { Tx("Добавить индикатор") }
                indicatorFields("indicator-new", nil)
            }
        }
    }

    func indicatorFields(_ id: String, _ i: ProgrammePlan.IndicatorItem?) -> Component {
        let stored = i.map { ProgrammeEditing.indicatorValues($0, years: years) }
            ?? ["unit": "%", "baseline_year": String(years.first! - 1), "formula": IndicatorDraft.manual]
        func v(_ key: String) -> String { value(id, key, stored[key] ?? "") }
        return form(id, part: "indicator") {
            if let i { hidden("id", i.id.uuidString) }
            Forms.textarea("Название индикатора", name: "title", value: v("title"), error: error(id, "title"), id: "\(id)-title")
            Forms.field("Единица измерения", name: "unit", value: v("unit"), error: error(id, "unit"), hint: "Для «%» исходное значение и цели — от 0 до 100",
                        required: true, id: "\(id)-unit")
            Forms.field("Год исходного значения", name: "baseline_year", value: v("baseline_year"), type: "number", error: error(id, "baseline_year"),
                        required: true, attributes: [("min", "2000"), ("max", "2100")], id: "\(id)-baseline_year")
            Forms.field("Исходное значение", name: "baseline", value: v("baseline"), error: error(id, "baseline"), attributes: [("inputmode", "decimal")],
                        id: "\(id)-baseline")
            for y in years {
                let key = IndicatorDraft.targetField(y)
                Forms.field("Цель на \(y) год", name: key, value: v(key), error: error(id, key), attributes: [("inputmode", "decimal")], id: "\(id)-\(key)")
            }
            Forms.select("Как получается значение", name: "formula",
                         options: IndicatorFormula.allCases.map { ($0.rawValue, "Опора считает: " + $0.russian) } + [(IndicatorDraft.manual, "Вносится вручную")],
                         selected: v("formula"), error: error(id, "formula"), id: "\(id)-formula")
            Forms.field("Источник (для значения вручную)", name: "source", value: v("source"), error: error(id, "source"),
                        hint: "Например, «отчёт ОО-1» или «данные ЦНППМ»", id: "\(id)-source")
            El("button", [("type", "submit")]) { Tx(i == nil ? "Добавить индикатор" : "Сохранить индикатор") }
        }
    }
}
