import Foundation
import OporaDomain

/// The closing report as an XLSX workbook: measures, indicators by year, schools' categories.
extension FinalReport {
    func workbook() throws -> [UInt8] {
        let number = { (v: Double?) -> XLSXCell in v.map { $0 == $0.rounded() && abs($0) < 1e9 ? .integer(Int($0)) : .number($0) } ?? .empty }
        let achieved = { (a: Bool?) -> XLSXCell in a.map { .text($0 ? "достигнут" : "не достигнут") } ?? .text("нет данных") }
        return try XLSXWriter.workbook([
            XLSXSheet(name: "Итог", columns: [XLSXColumn(title: "Сведение", width: 34), XLSXColumn(title: "Значение", width: 100)], rows: [
                [.text("Программа"), .text(name)],
                [.text("Муниципалитет"), .text(municipality)],
                [.text("Период"), .text("\(years.lowerBound)–\(years.upperBound)")],
                [.text("Состояние"), .text(status.russian)],
                [.text("Дата закрытия"), closedOn.map { .date($0) } ?? .empty],
                [.text("Причина закрытия"), .text(closeReason ?? (status == .closed ? "окончание срока" : ""))],
                [.text("Мероприятий муниципального плана"), .integer(measures.count)],
                [.text("Выполнено"), .integer(done)],
                [.text(status == .closed ? "Не выполнено" : "Ещё не выполнено"), .integer(unfinished)],
                [.text("Дата отчёта"), .date(today)],
            ]),
            XLSXSheet(name: "Мероприятия", columns: [
                XLSXColumn(title: "Направление", width: 12), XLSXColumn(title: "Мероприятие", width: 70), XLSXColumn(title: "Срок", width: 14),
                XLSXColumn(title: "Итог", width: 16), XLSXColumn(title: "Дата выполнения", width: 14), XLSXColumn(title: "Подтверждения", width: 30),
                XLSXColumn(title: "Планы школ: выполнено", width: 16),
            ], rows: measures.map { m in
                [.text(m.code), .text(m.name), .text(m.deadline), .text(m.outcome), m.completedOn.map { .date($0) } ?? .empty,
                 .text(m.evidence), m.schoolsDone.map { .text($0) } ?? .empty]
            }),
            XLSXSheet(name: "Индикаторы", columns: [
                XLSXColumn(title: "№", width: 5), XLSXColumn(title: "Индикатор", width: 60), XLSXColumn(title: "Единица", width: 9),
                XLSXColumn(title: "Год", width: 7), XLSXColumn(title: "Исходное", width: 10), XLSXColumn(title: "Цель", width: 9),
                XLSXColumn(title: "Значение", width: 10), XLSXColumn(title: "Вручную", width: 10), XLSXColumn(title: "Итог", width: 14),
            ], rows: indicators.flatMap { i in
                i.years.map { y in
                    [.integer(i.number), .text(i.title), .text(i.unit), .integer(y.year), number(i.baseline), number(y.target), number(y.value),
                     number(y.manual), achieved(y.achieved)]
                }
            }),
            XLSXSheet(name: "Школы", columns: [XLSXColumn(title: "Школа", width: 34), XLSXColumn(title: "Участвует", width: 11)]
                      + categoryYears.map { XLSXColumn(title: String($0), width: 14) } + [XLSXColumn(title: "Итог", width: 30)],
                      rows: schools.map { s in
                          [.text(s.name), .text(s.participating ? "да" : "нет")] + categoryYears.map { y in s.categories[y].map { .text($0.russian) } ?? .empty }
                              + [.text(s.change.russian)]
                      }),
            XLSXSheet(name: "Эффект", columns: [
                XLSXColumn(title: "Год", width: 7), XLSXColumn(title: "Школ программы", width: 10),
                XLSXColumn(title: "Изменение у школ программы с \(effect.baseline) года, п. п.", width: 18),
                XLSXColumn(title: "Изменение у похожих школ, п. п.", width: 18), XLSXColumn(title: "Эффект, п. п.", width: 12),
                XLSXColumn(title: "Интервал 90 %: от", width: 12), XLSXColumn(title: "до", width: 12), XLSXColumn(title: "Вывод", width: 60),
            ], rows: effect.years.map { y in
                let pp = { (v: Double?) -> XLSXCell in v.map { .number(($0 * 1000).rounded() / 10) } ?? .empty }
                return [.integer(y.year), .integer(y.schools), pp(y.changeParticipating), pp(y.changeMatched), pp(y.effect),
                        pp(y.interval?.low), pp(y.interval?.high), .text(effect.supported ? "" : effect.notSupported.joined(separator: " "))]
            }),
        ])
    }
}
