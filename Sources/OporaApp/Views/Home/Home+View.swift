import OporaDomain
import Plot
import Vapor

enum HomeView {
    static func render(_ ctx: PageContext, _ model: HomeSummary, indicators: IndicatorData?, today: Day) -> Response {
        Layout.page("Главная", ctx) {
            El("h1") { Tx(model.programmeName) }
            El("p", [("class", "lead")]) {
                // «Всего» as the measures page, the report and the API count it; the done share leaves cancelled measures out.
                Tx("Сегодня \(today.russian). Всего: \(RussianNoun.measure.counted(model.all)), выполнено \(model.done) из \(model.total) неотменённых"
                   + (model.cancelled > 0 ? " (отменено \(model.cancelled))" : "") + " — \(model.scopeTitle).")
            }
            if let d = indicators, let year = d.years.last(where: { $0 <= today.year }) ?? d.years.first {
                El("section", [("aria-labelledby", "h-indicators")]) {
                    El("h2", [("id", "h-indicators")]) { Tx("Целевые индикаторы, \(year) год") }
                    DataTable("Значение по данным Опоры и цель", headers: ["Индикатор", "Значение", "Цель", "Итог"], items: d.numbers) { n in
                        let v = d.value(n, year)
                        Cell.head("\(n). \(d.titles[n] ?? "")")
                        Cell.number { link(v.value.map { Format.number($0) + " %" } ?? "нет данных", SiteURL.indicator(n, year).path) }
                        Cell.number(d.targets[n]?[year].map { Format.number($0) + " %" } ?? "—")
                        Cell.of { IndicatorsView.achievedMark(IndicatorAssessment.achieved(value: v.value, target: d.targets[n]?[year])) }
                    }
                }
            }
            El("section", [("aria-labelledby", "h-progress")]) {
                El("h2", [("id", "h-progress")]) { Tx("Выполнение по разделам") }
                SectionBarChart.svg(model.sections)
                DataTable("Мероприятия по разделам", headers: ["Раздел", "Выполнено из неотменённых", "Выполняется", "Запланировано", "Просрочено"], items: model.sections) { s in
                    Cell.head { link("\(s.number). \(s.title)", SiteURL.measures.with([("section", String(s.number))] + schoolQuery(ctx))) }
                    Cell.text("\(s.done) из \(s.total)")
                    Cell.text(String(s.counts[.inProgress] ?? 0))
                    Cell.text(String(s.counts[.planned] ?? 0))
                    Cell.of {
                        if s.overdue > 0 {
                            link(String(s.overdue), SiteURL.measures.with([("section", String(s.number)), ("overdue", "1")] + schoolQuery(ctx)))
                        } else { Tx("0") }
                    }
                }
            }
            El("section", [("aria-labelledby", "h-overdue")]) {
                El("h2", [("id", "h-overdue")]) { Tx("Просроченные мероприятия (\(model.overdue.count))") }
                if model.overdue.isEmpty {
                    El("p") { Tx("Просроченных мероприятий нет.") }
                } else {
                    measureList(Array(model.overdue.prefix(15)))
                    if model.overdue.count > 15 {
                        El("p") { link("Все просроченные: \(RussianNoun.measure.counted(model.overdue.count))", SiteURL.measures.with([("overdue", "1")] + schoolQuery(ctx))) }
                    }
                }
            }
            El("section", [("aria-labelledby", "h-soon")]) {
                El("h2", [("id", "h-soon")]) { Tx("Сроки в ближайшие 30 дней (\(model.dueSoon.count))") }
                if model.dueSoon.isEmpty {
                    El("p") { Tx("В ближайшие 30 дней сроков нет.") }
                } else {
                    measureList(model.dueSoon)
                }
            }
        }
    }

    static func schoolQuery(_ ctx: PageContext) -> [(String, String)] {
        if let school = ctx.user?.ownSchoolID { return [("school", school.uuidString)] }
        return []
    }

    static func measureList(_ rows: [MeasureRow]) -> Component {
        El("ul", [("class", "measures-short")]) {
            for r in rows {
                El("li") {
                    El("span", [("class", "date")]) { Tx(Badges.deadline(r.deadline, text: r.deadlineText)) }
                    Tx(" ")
                    link("\(r.directionCode) \(r.name)", SiteURL.measure(.value(r.id)).path)
                    if let school = r.schoolName { El("span", [("class", "muted")]) { Tx(" — \(school)") } }
                }
            }
        }
    }
}
