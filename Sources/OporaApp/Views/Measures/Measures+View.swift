import OporaDomain
import Plot
import Vapor

/// Приложение 2 as a table, with filters, text search and counts per status.
enum MeasuresView {
    struct Model {
        var filter: MeasureFilter
        var result: MeasureListResult
        var sections: [(number: Int, title: String)]
        var years: [Int]
        var schools: [(id: UUID, name: String)]
        var page: Int
        static let pageSize = 100
    }

    static func render(_ ctx: PageContext, _ model: Model) -> Response {
        let f = model.filter
        let rows = model.result.rows
        let pages = max(1, (rows.count + Model.pageSize - 1) / Model.pageSize)
        let page = min(max(1, model.page), pages)
        let shown = rows.dropFirst((page - 1) * Model.pageSize).prefix(Model.pageSize)
        let baseQuery: [(String, String)] = [("section", f.section.map(String.init) ?? ""), ("year", f.year.map(String.init) ?? ""),
                                             ("school", f.schoolValue), ("q", f.text)]
        return Layout.page("Мероприятия", ctx) {
            El("h1") { Tx("Мероприятия (Приложение 2)") }
            El("form", [("method", "get"), ("action", SiteURL.measures.path), ("class", "filters"), ("role", "search")]) {
                Forms.field("Поиск по тексту", name: "q", value: f.text, type: "search", hint: "Слово из названия мероприятия, задачи или направления")
                Forms.select("Раздел", name: "section",
                             options: [("", "Все разделы")] + model.sections.map { (String($0.number), "\($0.number). \($0.title)") },
                             selected: f.section.map(String.init) ?? "")
                Forms.select("Год", name: "year", options: [("", "Все годы")] + model.years.map { (String($0), String($0)) },
                             selected: f.year.map(String.init) ?? "")
                Forms.select("План", name: "school",
                             options: [("", "Все планы"), ("municipal", "Муниципальный план")] + model.schools.map { ($0.id.uuidString, "План школы: \($0.name)") },
                             selected: f.schoolValue)
                Forms.select("Состояние", name: "status",
                             options: [("", "Любое")] + MeasureStatus.allCases.map { ($0.rawValue, $0.russian) },
                             selected: f.status?.rawValue ?? "")
                El("div", [("class", "field check")]) {
                    VoidEl("input", [("type", "checkbox"), ("id", "f-overdue"), ("name", "overdue"), ("value", "1"), ("checked", f.overdueOnly ? "" : nil)])
                    El("label", [("for", "f-overdue")]) { Tx("Только просроченные") }
                }
                El("div", [("class", "actions")]) {
                    El("button", [("type", "submit")]) { Tx("Показать") }
                    link("Сбросить", SiteURL.measures.path, [("class", "button secondary")])
                }
            }
            El("p", [("class", "counts")]) {
                link("Всего: \(model.result.total)", SiteURL.measures.with(baseQuery), [("aria-current", f.status == nil && !f.overdueOnly ? "true" : nil)])
                for status in MeasureStatus.allCases {
                    Tx(" · ")
                    link("\(status.russian): \(model.result.counts[status] ?? 0)", SiteURL.measures.with(baseQuery + [("status", status.rawValue)]),
                         [("aria-current", f.status == status ? "true" : nil)])
                }
                Tx(" · ")
                link("Просрочено: \(model.result.overdue)", SiteURL.measures.with(baseQuery + [("overdue", "1")]),
                     [("aria-current", f.overdueOnly ? "true" : nil), ("class", model.result.overdue > 0 ? "warn" : nil)])
            }
            if rows.isEmpty {
                El("p", [("class", "empty")]) { Tx("Ничего не найдено. Измените условия поиска или сбросьте фильтры.") }
            } else {
                El("p", [("class", "muted")]) { Tx("Найдено: \(RussianNoun.measure.counted(rows.count)).") }
                // On a narrow screen each row becomes a card; `data-label` names each of its cells.
                DataTable("Мероприятия по задачам",
                          headers: ["Раздел", "Целевое направление", "Задача", "Мероприятие", "Сроки", "Ответственные", "Отметка о выполнении", "Продукт / результат"],
                          items: Array(shown), classes: "measures", rowAttributes: { r in [("class", r.overdue ? "is-overdue" : nil)] }) { r in
                    Cell.of([("data-label", "Раздел")]) { Tx(String(r.sectionNumber)) }
                    Cell.of([("data-label", "Направление")]) { Tx("\(r.directionCode) \(r.directionTitle)") }
                    Cell.of([("data-label", "Задача")]) { Tx(r.taskText) }
                    Cell.of([("data-label", "Мероприятие")]) {
                        link(r.name, SiteURL.measure(.value(r.id)).path)
                        El("div", [("class", "muted")]) { Tx(r.schoolName.map { "План школы: \($0)" } ?? "Муниципальный план") }
                    }
                    Cell.of([("data-label", "Сроки")]) { Tx(r.deadline?.russian ?? r.deadlineText ?? "—") }
                    Cell.of([("data-label", "Ответственные")]) { Tx(r.responsible ?? "—") }
                    Cell.of([("data-label", "Отметка")]) {
                        Badges.status(r.status, overdue: r.overdue)
                        if let on = r.completedOn { El("div") { Tx("\(on.russian), \(r.completedBy ?? "")") } }
                    }
                    Cell.of([("data-label", "Продукт")]) { Tx(r.product ?? "—") }
                }
                if pages > 1 {
                    El("nav", [("class", "pages"), ("aria-label", "Страницы")]) {
                        for p in 1...pages {
                            if p == page { El("span", [("aria-current", "page")]) { Tx(String(p)) } }
                            else { link(String(p), SiteURL.measures.with(baseQuery + [("status", f.status?.rawValue ?? ""), ("overdue", f.overdueOnly ? "1" : ""), ("page", String(p))])) }
                        }
                    }
                }
            }
        }
    }
}
