import Foundation
import OporaDomain
import Plot
import Vapor

/// The municipality's programmes over time: which one the pages show, their periods and states,
/// and (admin) starting, activating and closing one.
enum ProgrammesView {
    static func render(_ ctx: PageContext, _ m: Model, failed: FailedForm?) -> Response {
        let errors = failed?.errors
        func v(_ form: String, _ key: String, _ fallback: String = "") -> String {
            failed?.form == form ? failed?.values[key] ?? fallback : fallback
        }
        func e(_ form: String, _ key: String) -> String? { failed?.form == form ? errors?[key] : nil }
        let response = Layout.page("Программы", ctx) {
            El("h1") { Tx("Программы муниципалитета") }
            El("p", [("class", "lead")]) {
                Tx("Страницы Опоры показывают одну программу: выбранную здесь, иначе действующую, иначе самую новую. Закрытая программа остаётся доступной для чтения со всеми планами, подтверждениями и отчётами.")
            }
            if let errors, failed?.form != "create" && failed?.form != "import" { Forms.errorSummary(errors) }
            if m.items.isEmpty { El("p") { Tx("Программ пока нет.") } }
            DataTable("Программы", headers: ["Программа", "Период", "Состояние", "Мероприятия: выполнено", ""], items: m.items) { p in
                Cell.head { Tx(p.name); if p.isCurrent { El("p", [("class", "muted")]) { Tx("показывается на страницах") } } }
                Cell.text("\(p.years.lowerBound)–\(p.years.upperBound)")
                Cell.of {
                    Tx(p.status.russian + (p.closedOn.map { " \($0.russian)" } ?? ""))
                    if let reason = p.closeReason { El("p", [("class", "muted")]) { Tx("Причина: \(reason)") } }
                }
                Cell.number("\(p.done) из \(p.measures)")
                Cell.of { actions(ctx, p, m, reason: v("close-\(p.id.uuidString)", "reason"), reasonError: e("close-\(p.id.uuidString)", "reason")) }
            }
            if let on = m.publicPage {
                El("h2", [("id", "h-public")]) { Tx("Открытая страница для родителей") }
                El("p") {
                    Tx(on ? "Включена: на странице " : "Выключена. Когда она включена, на странице ")
                    // A link only while it is on: a switched-off page answers «not found».
                    if on { link(SiteURL.publicHome.path, SiteURL.publicHome.path) } else { El("code") { Tx(SiteURL.publicHome.path) } }
                    Tx(" без входа видны паспорт и ход действующей программы, открытые практики, события и ресурсы школ — без персональных данных.")
                }
                El("form", [("method", "post"), ("action", SiteURL.programmesPublicPage.path), ("class", "inline")]) {
                    Forms.csrf(ctx)
                    VoidEl("input", [("type", "hidden"), ("name", "on"), ("value", on ? "0" : "1")])
                    El("button", [("type", "submit"), ("class", on ? "secondary" : "")]) { Tx(on ? "Выключить открытую страницу" : "Включить открытую страницу") }
                }
            }
            if m.canManage {
                El("h2", [("id", "h-new")]) { Tx("Начать программу") }
                El("p", [("class", "muted")]) { Tx("Новая программа создаётся черновиком: её можно проверить и изменить, а затем сделать действующей. Периоды программ не пересекаются; программа длится от 1 до \(ProgrammePeriod.maxYears) лет.") }
                if failed?.form == "create", let errors { Forms.errorSummary(errors) }
                El("form", [("method", "post"), ("action", SiteURL.programmeNew.path), ("class", "edit"), ("id", "form-create")]) {
                    Forms.csrf(ctx)
                    Forms.select("Начать", name: "start", options: Programmes.Start.allCases.map { ($0.rawValue, $0.russian) },
                                 selected: v("create", "start", Programmes.Start.template.rawValue), error: e("create", "start"))
                    Forms.field("Первый год", name: "first_year", value: v("create", "first_year", String(m.suggestedYears.lowerBound)), type: "number",
                                error: e("create", "first_year"), required: true, attributes: [("min", "2000"), ("max", "2100")])
                    Forms.field("Последний год", name: "last_year", value: v("create", "last_year", String(m.suggestedYears.upperBound)), type: "number",
                                error: e("create", "last_year"), required: true, attributes: [("min", "2000"), ("max", "2100")])
                    Forms.field("Название", name: "name", value: v("create", "name"), error: e("create", "name"),
                                hint: "Для шаблона можно не указывать: название возьмётся из шаблона с вашими годами и муниципалитетом")
                    if let previous = m.previous, !previous.unfinished.isEmpty {
                        El("details", [("class", "field"), ("open", failed?.form == "create" ? "" : nil)]) {
                            El("summary") { Tx("Невыполненные мероприятия программы «\(previous.name)»: какие перенести в новую (для начала из предыдущей программы)") }
                            for item in previous.unfinished {
                                let name = "carry_\(item.id.uuidString)"
                                El("div", [("class", "field check")]) {
                                    VoidEl("input", [("type", "checkbox"), ("id", name), ("name", name), ("value", "1"),
                                                     ("checked", v("create", name).isEmpty ? nil : "")])
                                    El("label", [("for", name)]) { Tx(item.title) }
                                }
                            }
                        }
                    }
                    El("button", [("type", "submit")]) { Tx("Создать черновик") }
                }
                importForm(ctx, m, failed: failed)
            }
        }
        if failed != nil { response.status = .unprocessableEntity }
        return response
    }

    static func actions(_ ctx: PageContext, _ p: Item, _ m: Model, reason: String, reasonError: String?) -> Component {
        ComponentGroup {
            if p.isCurrent && ctx.editsProgramme { El("p") { link("Редактировать", SiteURL.programmeEdit.path) } }
            if ctx.user?.access.readsWholeMunicipality == true {
                El("p") { link(p.status == .closed ? "Итоговый отчёт" : "Итоговый отчёт (предварительный)", SiteURL.programmeFinalReport(.value(p.id)).path) }
                El("p") { link("Эффект программы", SiteURL.programmeEffect(.value(p.id)).path) }
            }
            if !p.isCurrent {
                El("form", [("method", "post"), ("action", SiteURL.programmeChoose(.value(p.id)).path), ("class", "inline")]) {
                    Forms.csrf(ctx)
                    El("button", [("type", "submit"), ("class", "secondary")]) { Tx("Показывать на страницах") }
                }
            }
            if m.canManage && p.status == .draft {
                El("form", [("method", "post"), ("action", SiteURL.programmeActivate(.value(p.id)).path), ("class", "inline")]) {
                    Forms.csrf(ctx)
                    El("button", [("type", "submit")]) { Tx("Сделать действующей") }
                }
                El("form", [("method", "post"), ("action", SiteURL.programmeDelete(.value(p.id)).path), ("class", "inline")]) {
                    Forms.csrf(ctx)
                    El("button", [("type", "submit"), ("class", "secondary"), ("aria-label", "Удалить черновик «\(p.name)»")]) { Tx("Удалить черновик") }
                }
            }
            if m.canManage && p.status == .active {
                El("form", [("method", "post"), ("action", SiteURL.programmeClose(.value(p.id)).path), ("id", "form-close-\(p.id.uuidString)")]) {
                    Forms.csrf(ctx)
                    Forms.field("Причина закрытия", name: "reason", value: reason, error: reasonError,
                                hint: m.today.year < p.years.upperBound ? "Программа рассчитана до \(p.years.upperBound) года: причина обязательна" : "Необязательно: программа завершила свой срок",
                                id: "reason-\(p.id.uuidString)")
                    El("button", [("type", "submit"), ("class", "secondary")]) { Tx("Закрыть программу") }
                }
            }
        }
    }

    /// The fourth way to start: from the municipality's own files, previewed before anything is written.
    static func importForm(_ ctx: PageContext, _ m: Model, failed: FailedForm?) -> Component {
        func v(_ key: String, _ fallback: String = "") -> String { failed?.form == "import" ? failed?.values[key] ?? fallback : fallback }
        func e(_ key: String) -> String? { failed?.form == "import" ? failed?.errors[key] : nil }
        let years = m.suggestedYears
        return ComponentGroup {
            El("h3", [("id", "h-import")]) { Tx("Начать из файла (XLSX или DOCX)") }
            El("p", [("class", "muted")]) {
                Tx("Книга Excel с листами «Паспорт», «План», «Мероприятия» и «Индикаторы» ")
                link("(образец с примером строки)", SiteURL.programmeImportTemplate.path + "?first_year=\(years.lowerBound)&last_year=\(years.upperBound)")
                Tx(" или документ Word программы: Опора найдёт в нём таблицы плана (Приложение 1: направления, задачи по годам) и мероприятий (Приложение 2: наименование, сроки, ответственные, продукт/результат) по заголовкам столбцов. Сначала будет показано всё прочитанное; файл с ошибкой ничего не меняет.")
            }
            if failed?.form == "import", let errors = failed?.errors { Forms.errorSummary(errors) }
            El("form", [("method", "post"), ("action", SiteURL.programmeImport.path), ("enctype", "multipart/form-data"), ("class", "edit"), ("id", "form-import")]) {
                Forms.csrf(ctx)
                Forms.field("Первый год", name: "first_year", value: v("first_year", String(years.lowerBound)), type: "number",
                            error: e("first_year"), required: true, attributes: [("min", "2000"), ("max", "2100")], id: "import-first_year")
                Forms.field("Последний год", name: "last_year", value: v("last_year", String(years.upperBound)), type: "number",
                            error: e("last_year"), required: true, attributes: [("min", "2000"), ("max", "2100")], id: "import-last_year")
                Forms.field("Название", name: "name", value: v("name"), error: e("name"),
                            hint: "Можно не указывать, если оно есть в листе «Паспорт»", id: "import-name")
                Forms.field("Файл", name: "file", value: "", type: "file", error: e("file"), hint: "XLSX или DOCX, не больше 50 МБ", required: true,
                            attributes: [("accept", ".xlsx,.docx")], id: "import-file")
                El("button", [("type", "submit")]) { Tx("Проверить файл") }
            }
        }
    }
}
