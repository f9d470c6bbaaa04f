import Foundation
import OporaDomain
import Plot
import Vapor

/// A programme read from files: everything read, for the admin to confirm, or every problem found.
enum ProgrammeImportView {
    /// «4 раздела, 19 направлений, 53 задачи, 46 мероприятий, 8 индикаторов»
    static func counts(_ t: ProgrammeTemplate) -> String {
        [RussianNoun.section.counted(t.sections.count), RussianNoun.direction.counted(t.directions.count),
         RussianNoun.task.counted(t.directions.reduce(0) { $0 + $1.tasks.count }), RussianNoun.measure.counted(t.measureCount),
         RussianNoun.indicator.counted(t.indicators.count)].joined(separator: ", ")
    }

    static func years(_ ys: [Int]) -> String {
        guard let first = ys.first, let last = ys.last else { return "" }
        return first == last ? String(first) : "\(first)–\(last)"
    }

    static func preview(_ ctx: PageContext, pendingID: UUID, form: [String: String], fileName: String, reading: ProgrammeFile.Reading) -> Response {
        let t = reading.template
        return Layout.page("Программа из файла", ctx) {
            El("h1") { Tx("Программа из файла «\(fileName)»") }
            El("p", [("class", "lead")]) {
                Tx("Файл прочитан без ошибок. Период: \(t.passport.startYear)–\(t.passport.endYear). Название: «\(t.passport.name)». Прочитано: \(counts(t)). Черновик создаётся только после подтверждения.")
            }
            El("form", [("method", "post"), ("action", SiteURL.programmeImportConfirm(.value(pendingID)).path), ("class", "inline")]) {
                Forms.csrf(ctx)
                for key in ["first_year", "last_year", "name"] {
                    VoidEl("input", [("type", "hidden"), ("name", key), ("value", form[key] ?? "")])
                }
                El("button", [("type", "submit")]) { Tx("Создать черновик") }
            }
            Tx(" ")
            link("Отмена", SiteURL.programmes.path + "#h-new", [("class", "button secondary")])
            readAndNotLoaded(reading)
            for s in t.sections {
                El("h2") { Tx("\(s.number). \(s.title)") }
                if !s.expectedResult.isEmpty { El("p") { Tx("Прогнозируемый результат: \(s.expectedResult)") } }
                DataTable("Раздел \(s.number): направления и задачи", headers: ["Направление", "Задача", "Годы"],
                          items: s.directions.flatMap { d in d.tasks.map { (d, $0) } }) { d, task in
                    Cell.head("\(d.code) \(d.title)")
                    Cell.text(task.text)
                    Cell.text(years(task.years))
                }
                DataTable("Раздел \(s.number): мероприятия", headers: ["Направление", "Мероприятие", "Задача", "Год", "Сроки", "Ответственные", "Продукт/результат"],
                          items: s.directions.flatMap { d in d.measures.map { (d, $0) } }) { d, m in
                    Cell.text(d.code)
                    Cell.head(m.name)
                    Cell.text(m.task)
                    Cell.number(String(m.year))
                    Cell.text(m.deadlineText ?? m.deadline?.russian ?? "—")
                    Cell.text(m.responsible ?? "—")
                    Cell.text(m.product ?? "—")
                }
            }
            if !t.indicators.isEmpty {
                El("h2") { Tx("Целевые индикаторы") }
                let ys = Array(t.passport.years)
                DataTable("Целевые индикаторы", headers: ["№", "Индикатор", "Единица", "Базовое значение"] + ys.map(String.init), items: t.indicators) { i in
                    Cell.number(String(i.number))
                    Cell.head(i.title)
                    Cell.text(i.unit)
                    Cell.number(i.baseline.map { RussianNumberFormat.decimal($0, fractionDigits: 0...2) } ?? "—")
                    for y in ys { Cell.number(i.targets.first { $0.year == y }.map { RussianNumberFormat.decimal($0.value, fractionDigits: 0...2) } ?? "—") }
                }
            }
        }
    }

    static func problems(_ ctx: PageContext, fileName: String, reading: ProgrammeFile.Reading) -> Response {
        let response = Layout.page("Программа не создана", ctx) {
            El("h1") { Tx("Программа не создана") }
            El("div", [("class", "error-summary"), ("role", "alert")]) {
                El("p") {
                    Tx("В файле «\(fileName)» \(RussianNoun.problem.counted(reading.problems.count)). Ничего не изменено. Исправьте файл и загрузите его снова.")
                }
            }
            DataTable("Ошибки", headers: ["Где", "Что не так"], items: Array(reading.problems.prefix(1000))) { p in
                Cell.head(p.place ?? "весь файл")
                Cell.text(p.reason)
            }
            if reading.problems.count > 1000 { El("p") { Tx("Показаны первые 1000 ошибок из \(reading.problems.count).") } }
            readAndNotLoaded(reading)
            El("p") { link("← Загрузить другой файл", SiteURL.programmes.path + "#h-new") }
        }
        response.status = .unprocessableEntity
        return response
    }

    /// What each table was taken for, and every column or row of them not loaded.
    static func readAndNotLoaded(_ reading: ProgrammeFile.Reading) -> Component {
        ComponentGroup {
            if !reading.recognised.isEmpty {
                El("h2") { Tx("Что прочитано") }
                El("ul") { for line in reading.recognised { El("li") { Tx(line) } } }
            }
            El("h2") { Tx("Не загружается") }
            if reading.notLoaded.isEmpty {
                El("p") { Tx("Всё, что есть в таблицах программы, загружается.") }
            } else {
                El("ul") { for line in reading.notLoaded { El("li") { Tx(line) } } }
            }
        }
    }
}
