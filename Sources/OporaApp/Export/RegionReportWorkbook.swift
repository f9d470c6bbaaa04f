import Foundation
import OporaDomain

/// The region's report as an XLSX workbook: municipalities, indicators, schools with their categories.
extension RegionReportView.Model {
    func workbook() throws -> [UInt8] {
        let o = overview
        let number = { (v: Double?) -> XLSXCell in v.map { $0 == $0.rounded() && abs($0) < 1e9 ? .integer(Int($0)) : .number($0) } ?? .empty }
        return try XLSXWriter.workbook([
            XLSXSheet(name: "Муниципалитеты", columns: [
                XLSXColumn(title: "Муниципалитет", width: 30), XLSXColumn(title: "Программа", width: 50), XLSXColumn(title: "Начало", width: 8),
                XLSXColumn(title: "Окончание", width: 10), XLSXColumn(title: "Мероприятий", width: 12), XLSXColumn(title: "Выполнено", width: 11),
                XLSXColumn(title: "Просрочено", width: 11), XLSXColumn(title: "Школ", width: 7), XLSXColumn(title: "Участвуют", width: 10),
                XLSXColumn(title: "Год категорий", width: 13),
            ] + SchoolCategory.allCases.map { XLSXColumn(title: $0.russian, width: 12) }, rows: o.rows.map { r in
                let p = r.programme
                return [.text(r.name), .text(p?.name ?? "нет действующей программы"), p.map { .integer($0.years.lowerBound) } ?? .empty,
                        p.map { .integer($0.years.upperBound) } ?? .empty, p.map { .integer($0.measures) } ?? .empty, p.map { .integer($0.done) } ?? .empty,
                        p.map { .integer($0.overdue) } ?? .empty, .integer(r.schools), p.map { .integer($0.participating) } ?? .empty,
                        r.categories == nil ? .empty : o.year.map { .integer($0) } ?? .empty]
                    + SchoolCategory.allCases.map { c in r.categories.map { .integer($0[c] ?? 0) } ?? .empty }
            }),
            XLSXSheet(name: "Индикаторы", columns: [
                XLSXColumn(title: "Муниципалитет", width: 30), XLSXColumn(title: "№", width: 5), XLSXColumn(title: "Индикатор", width: 60),
                XLSXColumn(title: "Год", width: 7), XLSXColumn(title: "Числитель", width: 11), XLSXColumn(title: "Знаменатель", width: 12),
                XLSXColumn(title: "Значение", width: 10), XLSXColumn(title: "Цель", width: 9), XLSXColumn(title: "Итог", width: 14),
            ], rows: RegionReportView.indicatorLines(o).map { r, i in
                let masked = SmallCount.indicator(i.number, numerator: i.numerator, denominator: i.denominator, masked: countsOnly)
                let shown = masked?.shareShown ?? true
                return [.text(r.name), .integer(i.number), .text(i.title), .integer(i.year),
                        masked.map { .text($0.part) } ?? number(i.numerator), masked.map { .text($0.whole) } ?? number(i.denominator),
                        shown ? number(i.value) : .text("скрыто"), number(i.target),
                        .text(!shown ? "скрыто" : i.achieved.map { $0 ? "достигнут" : "не достигнут" } ?? "нет данных")]
            }),
            XLSXSheet(name: "Школы", columns: [
                XLSXColumn(title: "Муниципалитет", width: 30), XLSXColumn(title: "Код школы", width: 12), XLSXColumn(title: "Школа", width: 34),
                XLSXColumn(title: "Категория", width: 20), XLSXColumn(title: "Сводный результат, п. п.", width: 14),
                XLSXColumn(title: "Критериев НСУ", width: 12), XLSXColumn(title: "Социальный индекс", width: 12),
            ], rows: schools.schools.map { s in
                [.text(s.municipality), .text(s.assessment.schoolCode), .text(s.name), .text(s.assessment.category.russian),
                 s.assessment.composite.map { .number(($0 * 1000).rounded() / 10) } ?? .empty, .integer(s.assessment.criteriaMet),
                 s.assessment.socialIndex.map { .number(($0 * 100).rounded() / 100) } ?? .empty]
            }),
        ])
    }
}
