import Foundation
import OporaDomain
import Plot
import Vapor

/// Upload, preview, confirm: the three steps of an import, and the history of imports.
enum ImportsView {
    static func index(_ ctx: PageContext, history: [ImportRecord]) -> Response {
        Layout.page("Загрузка данных", ctx) {
            El("h1") { Tx("Загрузка данных") }
            El("p", [("class", "lead")]) {
                Tx("Файл CSV (UTF-8 или Windows-1251, разделитель — запятая, точка с запятой или табуляция) или XLSX. Сначала Опора покажет, что изменится, и только после подтверждения запишет. Файл с ошибкой не загружается целиком: будут названы все ошибочные строки.")
            }
            El("form", [("method", "post"), ("action", SiteURL.imports.path), ("enctype", "multipart/form-data"), ("class", "edit")]) {
                Forms.csrf(ctx)
                Forms.select("Что загружаем", name: "kind", options: ImportKind.allCases.map { ($0.rawValue, $0.russianTitle) }, selected: ImportKind.results.rawValue)
                Forms.field("Файл", name: "file", value: "", type: "file", hint: "CSV или XLSX, не больше 50 МБ", required: true,
                            attributes: [("accept", ".csv,.txt,.xlsx")])
                El("details", [("class", "file-options")]) {
                    El("summary") { Tx("Если в файле нет года, процедуры, класса или предмета (выгрузка ФИС ОКО, ВПР)") }
                    El("p", [("class", "muted")]) {
                        Tx("Укажите их здесь — они подставятся во все строки файла. Если такой столбец в файле есть, поле оставьте пустым. Лист книги Excel — если таблица не на первом листе с заголовком.")
                    }
                    Forms.field("Год", name: "year", value: "", type: "number", hint: "год окончания учебного года, например 2025",
                                attributes: [("min", "2000"), ("max", "2100")])
                    Forms.select("Вид процедуры", name: "procedureKind", options: [("", "из файла")] + AssessmentKind.allCases.map { ($0.rawValue, $0.russian) }, selected: "")
                    Forms.field("Класс", name: "grade", value: "", type: "number", attributes: [("min", "1"), ("max", "11")])
                    Forms.field("Предмет", name: "subject", value: "", hint: "например, Математика")
                    Forms.field("Лист книги", name: "sheet", value: "", hint: "название листа, как на ярлычке")
                }
                El("button", [("type", "submit")]) { Tx("Проверить файл") }
            }
            El("h2") { Tx("Столбцы файлов и образцы") }
            El("p", [("class", "muted")]) {
                Tx("Заголовок таблицы можно писать любым из названий ниже, без учёта регистра, кавычек и «ё»; строки с названием таблицы над заголовком пропускаются. Столбцы, которых нет в списке, не загружаются — Опора покажет их перед загрузкой. Школу можно указать кодом или логином ОО из реестра. Имена учеников не загружаются: только коды участников.")
            }
            for kind in ImportKind.allCases { columnHelp(kind) }
            El("h2") { Tx("Журнал загрузок") }
            if history.isEmpty { El("p") { Tx("Загрузок ещё не было.") } } else {
                DataTable("Последние загрузки", headers: ["Когда", "Кто", "Файл", "Что", "Добавлено", "Заменено", "Без изменений"], items: history) { r in
                    Cell.text(r.createdAt.map(MeasureShowView.dateTime) ?? "")
                    Cell.text(r.userName)
                    Cell.text(r.fileName)
                    Cell.text(ImportKind(rawValue: r.kind)?.russianTitle ?? r.kind)
                    Cell.number(String(r.added))
                    Cell.number(String(r.replaced))
                    Cell.number(String(r.unchanged))
                }
            }
        }
    }

    /// A kind's columns: every accepted header, whether it is required, what a cell holds; from the
    /// definitions the import reads, with its templates.
    static func columnHelp(_ kind: ImportKind) -> Component {
        El("details", [("class", "columns-help")]) {
            El("summary") { Tx(kind.russianTitle) }
            El("p") {
                link("образец XLSX", SiteURL.importTemplate(kind.rawValue + ".xlsx").path)
                Tx(" · ")
                link("образец CSV (для Excel: «;», UTF-8)", SiteURL.importTemplate(kind.rawValue + ".csv").path)
                Tx(" · ")
                link(kind == .studentResults ? "выгрузить загруженное (по школам, XLSX)" : "выгрузить загруженное (XLSX)", SiteURL.importExport(kind.rawValue).path)
            }
            DataTable("Столбцы: \(kind.russianTitle.lowercased())", headers: ["Столбец", "Другие названия", "Обязательный", "Что писать"],
                      items: kind.columnSet.columns) { c in
                Cell.text(c.label)
                Cell.text(([c.key] + c.aliases).joined(separator: ", "))
                Cell.text(c.required ? (c.key == "school_code" ? "да (или логин ОО)" : "да") : "нет")
                Cell.text(c.rule)
            }
        }
    }

    /// Each column of the file with what it loads into, and what was read around the table.
    static func columnReport(_ report: ColumnReport) -> Component {
        ComponentGroup {
            if !report.entries.isEmpty {
                El("h2") { Tx("Столбцы файла") }
                let skipped = report.notLoaded
                if !skipped.isEmpty {
                    // The file's own words and column letters are shown as code: they are the user's text, not Opora's.
                    El("p", [("class", "warning"), ("role", "status")]) {
                        Tx("Не загружается: ")
                        for (i, e) in skipped.enumerated() {
                            if i > 0 { Tx(", ") }
                            if e.header.isEmpty { Tx("столбец "); El("code") { Tx(e.letter) }; Tx(" без заголовка") } else { Tx("«"); El("code") { Tx(e.header) }; Tx("»") }
                        }
                        Tx(". Если в них нужные данные, переименуйте столбец по списку «Столбцы файлов и образцы» на странице загрузки.")
                    }
                }
                El("ul", [("class", "columns")]) {
                    for e in report.entries {
                        El("li", e.loaded ? [] : [("class", "not-loaded")]) {
                            if let value = e.fromForm {
                                Tx("«\(e.header)» для всего файла: "); El("code") { Tx(value) }
                            } else {
                                El("code") { Tx(e.letter) }
                                Tx(". «"); El("code") { Tx(e.header.isEmpty ? "—" : e.header) }
                                Tx(e.loadsInto.map { "» → \($0)" } ?? "» — не загружается")
                            }
                        }
                    }
                }
                for note in report.notes { El("p", [("class", "muted")]) { Tx(note) } }
            }
        }
    }

    static func problems(_ ctx: PageContext, fileName: String, kind: ImportKind, problems: [ImportProblem], back: SiteURL = .imports) -> Response {
        let response = Layout.page("Файл не загружен", ctx) {
            El("h1") { Tx("Файл не загружен") }
            El("div", [("class", "error-summary"), ("role", "alert")]) {
                El("p") {
                    Tx("В файле «\(fileName)» (\(kind.russianTitle.lowercased())) найдено ошибок: \(problems.count). Ничего не изменено. Исправьте файл и загрузите его снова.")
                }
            }
            DataTable("Ошибки по строкам", headers: ["Строка", "Столбец", "Значение", "Что не так"], items: Array(problems.prefix(1000))) { p in
                Cell.number(p.line.map(String.init) ?? "весь файл")
                Cell.of { if let c = p.column { El("code") { Tx(c) } } else { Tx("—") } }
                Cell.text(p.value ?? "—")
                Cell.text(p.reason)
            }
            if problems.count > 1000 { El("p") { Tx("Показаны первые 1000 ошибок из \(problems.count).") } }
            El("p") { link("← Загрузить другой файл", back.path) }
        }
        response.status = .unprocessableEntity
        return response
    }

    static func preview(_ ctx: PageContext, pendingID: UUID, plan: ImportService.Plan) -> Response {
        Layout.page("Проверка файла", ctx) {
            El("h1") { Tx("Что изменится") }
            El("p", [("class", "lead")]) { Tx("Файл «\(plan.fileName)» (\(plan.kind.russianTitle.lowercased())) прочитан без ошибок. \(plan.russianSummary)") }
            if !plan.changesNothing {
                El("form", [("method", "post"), ("action", SiteURL.importConfirm(.value(pendingID)).path), ("class", "inline")]) {
                    Forms.csrf(ctx)
                    El("button", [("type", "submit")]) { Tx("Загрузить") }
                }
                Tx(" ")
            }
            link("Отмена", SiteURL.imports.path, [("class", "button secondary")])
            columnReport(plan.columns)
            changes("Заменится", plan.replaced)
            changes("Добавится", plan.added)
        }
    }

    static func changes(_ title: String, _ list: ChangeList) -> Component {
        ComponentGroup {
            if !list.isEmpty {
                El("h2") { Tx("\(title): \(list.count)") }
                El("ul", [("class", "changes")]) {
                    for line in list.lines { El("li") { Tx(line) } }
                }
                if list.count > list.lines.count { El("p", [("class", "muted")]) { Tx("…и ещё \(list.count - list.lines.count).") } }
            }
        }
    }
}
