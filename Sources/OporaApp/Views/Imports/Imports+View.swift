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
                El("button", [("type", "submit")]) { Tx("Проверить файл") }
            }
            El("h2") { Tx("Столбцы файлов") }
            El("p", [("class", "muted")]) { Tx("Названия столбцов — по-английски, как ниже, или по-русски; лишние столбцы не читаются. Имена учеников не загружаются: только коды участников.") }
            El("ul", [("class", "templates")]) {
                for kind in ImportKind.allCases {
                    El("li") {
                        El("strong") { Tx(kind.russianTitle + ": ") }
                        El("code") { Tx(kind.canonicalHeader) }
                        Tx(" ")
                        link("образец CSV", SiteURL.importTemplate(kind.rawValue).path)
                    }
                }
            }
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
