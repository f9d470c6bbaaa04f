import Foundation
import OporaDomain
import Plot
import Vapor

/// «Эффект программы»: how much more the participating schools' composites changed since the baseline
/// year than those of the most similar schools that did not take part, with the interval, the balance
/// of the two groups and, in words, what the figure does and does not show.
enum EffectView {
    static func render(_ ctx: PageContext, _ r: EffectReport, programmeID: UUID) -> Response {
        let e = r.effect
        return Layout.page("Эффект программы", ctx) {
            El("p", [("class", "crumbs")]) {
                link("← Программы", SiteURL.programmes.path)
                Tx(" · ")
                link("Итоговый отчёт", SiteURL.programmeFinalReport(.value(programmeID)).path)
            }
            El("h1") { Tx("Эффект программы") }
            El("p", [("class", "lead")]) {
                Tx("\(r.programmeName), \(r.programmeYears.lowerBound)–\(r.programmeYears.upperBound). Базовый год — \(e.baseline),"
                   + " методика мониторинга версии \(r.methodologyVersion). Похожие школы подбираются "
                   + (r.regionPool ? "среди школ всего региона (муниципалитет сравнивает себя с регионом)." : "среди школ муниципалитета."))
            }
            El("p") { Tx(explanation(e)) }
            if !e.supported {
                El("div", [("class", "warn-box"), ("role", "note")]) {
                    El("p") { El("strong") { Tx("Вывода об эффекте сделать нельзя.") }; Tx(" Ниже — только средние сводные результаты по годам.") }
                    El("ul") { for reason in e.notSupported { El("li") { Tx(reason) } } }
                }
            }
            El("section", [("aria-labelledby", "h-years")]) {
                El("h2", [("id", "h-years")]) { Tx("Эффект по годам") }
                if e.years.isEmpty {
                    El("p") { Tx("За годы программы результатов мониторинга пока нет.") }
                } else {
                    DataTable("Изменение сводного результата с \(e.baseline) года, п. п.",
                              headers: ["Год", "Школ программы", "Школы программы", "Похожие школы", "Эффект", "90-процентный интервал"],
                              items: e.years) { y in
                        Cell.head(String(y.year))
                        Cell.number(String(y.schools))
                        Cell.number(Format.points(y.changeParticipating))
                        Cell.number(Format.points(y.changeMatched))
                        Cell.number(Format.points(y.effect))
                        Cell.text(y.interval.map { RussianNumberFormat.pointsInterval($0) + ($0.contains(0) ? " — включает 0" : "") } ?? "—")
                    }
                }
                if e.trajectories.contains(where: { $0.participating != nil || $0.matched != nil }) {
                    El("figure", [("class", "chart")]) {
                        EffectChart.svg(e, title: "Средний сводный результат школ программы и похожих школ по годам и эффект по годам")
                    }
                }
            }
            El("section", [("aria-labelledby", "h-balance")]) {
                El("h2", [("id", "h-balance")]) { Tx("С кем сравнивали") }
                if let b = e.balance {
                    DataTable("Группы в базовом году", headers: ["", "Школы программы", "Похожие школы"],
                              items: [("Сводный результат \(e.baseline) года", Format.points(b.compositeParticipating), Format.points(b.compositeMatched)),
                                      ("Социальный индекс \(e.baseline) года", Format.number(b.socialParticipating, digits: 2), Format.number(b.socialMatched, digits: 2))]) { row in
                        Cell.head(row.0)
                        Cell.number(row.1)
                        Cell.number(row.2)
                    }
                    El("p") {
                        Tx("Похожие школы подобраны по сводному результату \(e.baseline - 1) и \(e.baseline) годов и социальному индексу: в среднем пара различается на"
                           + " \(RussianNumberFormat.decimal(b.meanDistance, fractionDigits: 2...2)) стандартного отклонения (сравнение имеет смысл до"
                           + " \(RussianNumberFormat.decimal(e.settings.maxMeanDistance, fractionDigits: 2...2))).")
                    }
                }
                if !e.participating.isEmpty {
                    DataTable("Школа программы и её похожие школы", headers: ["Школа программы", "Похожие школы"], items: e.participating) { code in
                        Cell.head(r.name(code))
                        Cell.text((e.matches[code] ?? []).map(r.name).joined(separator: ", "))
                    }
                }
                if !e.leftOut.isEmpty {
                    El("p") { Tx("Не вошли в сравнение: " + e.leftOut.map { "\(r.name($0.code)) — \($0.reason)" }.joined(separator: "; ") + ".") }
                }
            }
        }
    }

    /// What the figure does and does not show, in words.
    static func explanation(_ e: ProgrammeEffect) -> String {
        "Для каждой школы программы подобраны \(RussianNoun.school.counted(e.settings.neighbours)), не участвующие в программе и наиболее похожие"
            + " на неё в \(e.baseline - 1) и \(e.baseline) годах (сводный результат обоих лет и социальный индекс). Эффект года — насколько больше,"
            + " чем у похожих школ, вырос с \(e.baseline) года сводный результат школ программы. Школы попадают в программу из-за"
            + " низких результатов, а такие результаты и без всякой помощи часто улучшаются на следующий год; сравнение с похожими школами"
            + " убирает это из оценки. 90-процентный интервал получен повторными выборками школ (\(e.settings.resamples) раз): если он"
            + " включает 0, данные не позволяют сказать, что программа что-то изменила. Оценка не учитывает различий, которых нет в"
            + " данных (например, смену директора), и не показывает, какие мероприятия подействовали."
    }
}
