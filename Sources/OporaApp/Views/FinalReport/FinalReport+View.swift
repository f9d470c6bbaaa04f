import Foundation
import OporaDomain
import Plot
import Vapor

/// The closing report of a programme as a page that prints on A4: the same tables as its workbook.
enum FinalReportView {
    static func render(_ ctx: PageContext, _ r: FinalReport, programmeID: UUID) -> Response {
        Layout.page("Итоговый отчёт", ctx) {
            El("p", [("class", "crumbs no-print")]) {
                link("← Программы", SiteURL.programmes.path)
                Tx(" · ")
                link("Скачать XLSX", SiteURL.programmeFinalReportXLSX(.value(programmeID)).path, [("class", "button secondary")])
                Tx(" · ")
                link("Эффект программы", SiteURL.programmeEffect(.value(programmeID)).path)
            }
            El("h1") { Tx("Итоговый отчёт о реализации программы" + (r.status == .closed ? "" : " (предварительный)")) }
            El("p", [("class", "lead")]) { Tx("\(r.name). \(r.municipality). Период \(r.years.lowerBound)–\(r.years.upperBound).") }
            El("p") {
                if r.status == .closed {
                    Tx("Программа закрыта \(r.closedOn?.russian ?? "")" + (r.closeReason.map { ". Причина: \($0)" } ?? " по окончании срока") + ".")
                } else {
                    Tx("Программа ещё не закрыта (\(r.status.russian.lowercased())): отчёт показывает положение на \(r.today.russian); при закрытии невыполненные мероприятия будут отмечены «не выполнено».")
                }
            }
            El("section", [("class", "report-part")]) {
                El("h2") { Tx("1. Мероприятия муниципального плана: выполнено \(r.done) из \(r.measures.count)" + (r.status == .closed ? ", не выполнено \(r.unfinished)" : "")) }
                DataTable("Мероприятия и их итог", headers: ["Мероприятие", "Срок", "Итог", "Дата выполнения", "Подтверждения", "Планы школ: выполнено"],
                          items: r.measures, scrolls: false) { m in
                    Cell.head { link("\(m.code) \(m.name)", SiteURL.measure(.value(m.id)).path) }
                    Cell.text(m.deadline)
                    Cell.of(m.unfinished && r.status == .closed ? [("class", "gap")] : []) { Tx(m.outcome) }
                    Cell.text(m.completedOn?.russian ?? "—")
                    Cell.text(m.evidence)
                    Cell.text(m.schoolsDone ?? "—")
                }
            }
            El("section", [("class", "report-part")]) {
                El("h2") { Tx("2. Целевые индикаторы по годам: цель и значение") }
                DataTable("Индикаторы", headers: ["Индикатор", "Исходное"] + r.years.map(String.init), items: r.indicators, scrolls: false) { i in
                    Cell.head("\(i.number). \(i.title), \(i.unit)")
                    Cell.number(i.baseline.map { "\(Format.number($0)) (\(i.baselineYear))" } ?? "—")
                    for y in i.years {
                        Cell.of {
                            Tx("цель \(y.target.map { Format.number($0) } ?? "—"), факт \(y.value.map { Format.number($0) } ?? "нет данных")")
                            if let m = y.manual { El("div", [("class", "manual")]) { Tx("вручную: \(Format.number(m))") } }
                            El("div") { IndicatorsView.achievedMark(y.achieved) }
                        }
                    }
                }
            }
            El("section", [("class", "report-part")]) {
                El("h2") { Tx("3. Школы НРО и НСУ: кто вышел и кто вошёл") }
                if r.categoryYears.isEmpty {
                    El("p") { Tx("Результатов мониторинга за годы программы нет: категории не определить.") }
                } else {
                    let left = r.schools.filter { $0.change == .left }, entered = r.schools.filter { $0.change == .entered }
                    El("p") {
                        Tx("С \(r.years.lowerBound - 1) года до последнего года программы с категорией: вышли из НРО/НСУ — \(left.isEmpty ? "никто" : left.map(\.name).joined(separator: ", ")); вошли — \(entered.isEmpty ? "никто" : entered.map(\.name).joined(separator: ", ")).")
                    }
                    DataTable("Категории школ по годам", headers: ["Школа", "Участвует"] + r.categoryYears.map(String.init) + ["Итог"],
                              items: r.schools, scrolls: false) { s in
                        Cell.head(s.name)
                        Cell.text(s.participating ? "да" : "нет")
                        for y in r.categoryYears { Cell.of { if let c = s.categories[y] { CategoryBadge.render(c) } else { Tx("—") } } }
                        Cell.text(s.change.russian)
                    }
                }
            }
            El("section", [("class", "report-part")]) {
                El("h2") { Tx("4. Эффект программы: школы программы против похожих школ") }
                if !r.effect.supported { El("p", [("class", "warn")]) { Tx("Вывода сделать нельзя: " + r.effect.notSupported.joined(separator: " ")) } }
                DataTable("Изменение сводного результата с \(r.effect.baseline) года, п. п.",
                          headers: ["Год", "Школы программы", "Похожие школы", "Эффект", "90-процентный интервал"], items: r.effect.years, scrolls: false) { y in
                    Cell.head(String(y.year))
                    Cell.number(Format.points(y.changeParticipating))
                    Cell.number(Format.points(y.changeMatched))
                    Cell.number(Format.points(y.effect))
                    Cell.text(y.interval.map(RussianNumberFormat.pointsInterval) ?? "—")
                }
                El("p", [("class", "muted")]) { Tx(EffectView.explanation(r.effect)) }
            }
        }
    }
}
