import Foundation
import OporaDomain
import Plot
import Vapor

/// «Загрузка по региону»: a file of the whole region, previewed by municipality, then confirmed.
enum RegionImportView {
    static func index(_ ctx: PageContext, regionName: String, kinds: [ImportKind]) -> Response {
        Layout.page("Загрузка по региону", ctx) {
            El("h1") { Tx("Загрузка файла по региону: \(regionName)") }
            El("p", [("class", "lead")]) {
                Tx("Один файл на все муниципалитеты региона. Каждая строка попадает в свой муниципалитет: в реестре школ — по столбцу «Муниципалитет», в остальных файлах — по коду школы из реестра региона. Строки «REGION» (эталон по региону) получают все муниципалитеты. Файл с любой ошибкой не меняет ничего; сначала показывается, что изменится в каждом муниципалитете.")
            }
            El("form", [("method", "post"), ("action", SiteURL.regionImport.path), ("enctype", "multipart/form-data"), ("class", "edit")]) {
                Forms.csrf(ctx)
                Forms.select("Что загружается", name: "kind", options: kinds.map { ($0.rawValue, $0.russianTitle) }, selected: ImportKind.results.rawValue)
                Forms.field("Файл CSV или XLSX", name: "file", value: "", type: "file", hint: "Столбцы — как в загрузке муниципалитета; в реестре школ ещё «Муниципалитет» с названием как на странице «Муниципалитеты».", required: true)
                El("button", [("type", "submit")]) { Tx("Проверить файл") }
            }
        }
    }

    static func preview(_ ctx: PageContext, pendingID: UUID, fileName: String, kind: ImportKind, parts: [RegionalImport.Part]) -> Response {
        let changes = parts.contains { !$0.plan.changesNothing }
        return Layout.page("Проверка файла", ctx) {
            El("h1") { Tx("Что изменится") }
            El("p", [("class", "lead")]) {
                Tx("Файл «\(fileName)» (\(kind.russianTitle.lowercased())) прочитан без ошибок. Муниципалитетов в файле: \(parts.count).")
            }
            DataTable("По муниципалитетам", headers: ["Муниципалитет", "Добавится", "Заменится", "Без изменений"], items: parts) { p in
                Cell.head(p.municipality)
                Cell.number(String(p.plan.added.count))
                Cell.number(String(p.plan.replaced.count))
                Cell.number(String(p.plan.unchanged))
            }
            if changes {
                El("form", [("method", "post"), ("action", SiteURL.regionImportConfirm(.value(pendingID)).path), ("class", "inline")]) {
                    Forms.csrf(ctx)
                    El("button", [("type", "submit")]) { Tx("Загрузить") }
                }
                Tx(" ")
            } else {
                El("p") { Tx("Эти данные уже загружены: ничего не изменится.") }
            }
            link("Отмена", SiteURL.regionImport.path, [("class", "button secondary")])
            if let first = parts.first { ImportsView.columnReport(first.plan.columns) }
        }
    }
}
