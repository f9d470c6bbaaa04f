import Foundation
import OporaDomain
import Plot
import Vapor

/// The five target indicators × the programme's years: baseline, target, the value computed from
/// the rows, achieved or not, the change; a chart each; one click to the rows behind a value.
enum IndicatorsView {
    static func render(_ ctx: PageContext, _ d: IndicatorData, schoolCode: String?) -> Response {
        Layout.page("Целевые индикаторы", ctx) {
            El("h1") { Tx("Целевые индикаторы программы") }
            if let schoolCode {
                El("p", [("class", "lead")]) {
                    Tx("Вклад вашей школы (\(d.inputs.schoolNames[schoolCode] ?? schoolCode)) в индикаторы. Значения по муниципалитету видят методисты, управление образования и наблюдатели.")
                }
                schoolTable(d, schoolCode)
            } else {
                El("p", [("class", "lead")]) {
                    Tx("Значения посчитаны по данным Опоры для школ-участниц (\(RussianNoun.school.counted(d.inputs.participating.count))). Нажмите на значение, чтобы увидеть, из каких школ и строк оно сложилось.")
                }
                table(d)
                El("div", [("class", "charts")]) {
                    for n in d.numbers { chart(d, n) }
                }
            }
        }
    }

    static func achievedMark(_ ok: Bool?) -> Component {
        switch ok {
        case .some(true): return El("span", [("class", "badge s-done")]) { Tx("достигнут") }
        case .some(false): return El("span", [("class", "badge overdue")]) { Tx("не достигнут") }
        case .none: return El("span", [("class", "muted")]) { Tx("нет данных") }
        }
    }

    static func table(_ d: IndicatorData) -> Component {
        DataTable("Результативность муниципальной программы, %",
                  headers: ["Целевой индикатор", "Исходное (\(d.baselineYear))"] + d.years.map(String.init), items: d.numbers, classes: "indicators") { n in
            Cell.head("\(n). \(d.titles[n] ?? "")")
            Cell.number(d.baselines[n].map { Format.number($0) } ?? "—")
            for y in d.years {
                let v = d.value(n, y)
                let previous = y == d.years.first ? d.baselines[n] : d.value(n, y - 1).value
                Cell.of {
                    El("div") {
                        link(v.value.map { Format.number($0) + " %" } ?? "нет данных", SiteURL.indicator(n, y).path, [("class", "value")])
                    }
                    El("div", [("class", "muted")]) { Tx("цель " + (d.targets[n]?[y].map { Format.number($0) + " %" } ?? "—")) }
                    achievedMark(IndicatorAssessment.achieved(value: v.value, target: d.targets[n]?[y]))
                    if let change = IndicatorAssessment.change(value: v.value, previous: previous) {
                        El("div", [("class", "muted")]) { Tx("к прошлому: " + Format.points(change / 100)) }
                    }
                    if let m = d.manual[n]?[y] {
                        El("div", [("class", "manual")]) { Tx("введено вручную: \(Format.number(m.value)) %") }
                    }
                }
            }
        }
    }

    static func chart(_ d: IndicatorData, _ n: Int) -> Component {
        let actual = Dictionary(uniqueKeysWithValues: d.years.compactMap { y in d.value(n, y).value.map { (y, $0 / 100) } })
        let targets = (d.targets[n] ?? [:]).mapValues { $0 / 100 }
        return El("figure") {
            LineChart.svg(years: d.years, series: [.init(name: "факт", cls: "s-school", values: actual),
                                                   .init(name: "цель", cls: "s-ref", values: targets)],
                          threshold: nil, title: "Индикатор \(n): факт и цель по годам, %")
            El("figcaption") { Tx("\(n). " + (d.titles[n] ?? "")) }
        }
    }

    static func schoolTable(_ d: IndicatorData, _ code: String) -> Component {
        DataTable("Показатели школы по годам", headers: ["Индикатор"] + d.years.map(String.init), items: d.numbers) { n in
            Cell.head("\(n). \(d.titles[n] ?? "")")
            for y in d.years {
                let part = d.value(n, y).breakdown.first { $0.schoolCode == code }
                Cell.of {
                    if let part {
                        link(part.value.map { Format.number($0) + " %" } ?? "нет данных", SiteURL.indicator(n, y).path)
                        El("div", [("class", "muted")]) { Tx("\(Format.number(part.numerator)) из \(Format.number(part.denominator))") }
                    } else { Tx("школа не участвует") }
                }
            }
        }
    }
}

/// One value of one indicator: how it is computed, the schools, the rows, and a value entered by hand.
enum IndicatorDetailView {
    static func render(_ ctx: PageContext, _ d: IndicatorData, _ v: IndicatorValue, schoolCode: String?, canEnter: Bool,
                       failed: FailedForm?) -> Response {
        let form = failed?.values ?? [:]
        let errors = failed?.errors
        let parts = v.breakdown.filter { schoolCode == nil || $0.schoolCode == schoolCode }
        // Outside the municipality (observers) no worker is named and a count of fewer than 5 people is «<5».
        let namesHidden = ctx.user?.access.seesNames != true
        let sources = v.sources.filter { (schoolCode == nil || $0.schoolCode == schoolCode) && !(namesHidden && ($0.kind == .teacher || $0.kind == .training)) }
        let masked = ctx.countsOnly && SmallCount.peopleIndicators.contains(v.number)
        // «numerator of denominator, value» as the reader may see it: one masking rule for every fraction.
        func shown(_ numerator: Double, _ denominator: Double, _ value: Double?) -> (String, String, String) {
            let valueText = value.map { Format.number($0) + " %" } ?? "—"
            guard masked else { return (Format.number(numerator), Format.number(denominator), valueText) }
            let f = SmallCount.fraction(part: Int(numerator.rounded(.down)), whole: Int(denominator.rounded(.down)))
            return (f.part, f.whole, f.shareShown ? valueText : "скрыто")
        }
        let total = shown(v.numerator, v.denominator, v.value)
        let response = Layout.page("Индикатор \(v.number), \(v.year)", ctx) {
            El("p", [("class", "crumbs")]) { link("← Все индикаторы", SiteURL.indicators.path) }
            El("h1") { Tx("Индикатор \(v.number) за \(v.year) год") }
            El("p", [("class", "lead")]) { Tx(d.titles[v.number] ?? "") }
            if schoolCode == nil {
                El("p", [("class", "big")]) {
                    Tx("Значение: " + (v.value == nil ? "нет данных" : total.2)
                       + " (\(total.0) из \(total.1)); цель "
                       + (d.targets[v.number]?[v.year].map { Format.number($0) + " %" } ?? "—") + ". ")
                    IndicatorsView.achievedMark(IndicatorAssessment.achieved(value: v.value, target: d.targets[v.number]?[v.year]))
                }
                El("ul", [("class", "why")]) { for line in v.explanation { El("li") { Tx(line) } } }
                if let m = d.manual[v.number]?[v.year] {
                    El("p", [("class", "manual")]) {
                        Tx("Введено вручную: \(Format.number(m.value)) %. Источник: \(m.source). Причина: \(m.reason). Внёс(ла): \(m.enteredBy)"
                           + (m.createdAt.map { ", \(MeasureShowView.dateTime($0))" } ?? "") + ". Вычисленное значение выше — из данных Опоры.")
                    }
                }
            }
            El("h2") { Tx("По школам") }
            // Both tables stay next to their <h2>: the browser journeys find their rows from the heading.
            DataTable("Вклад школ-участниц", headers: ["Школа", "Числитель", "Знаменатель", "Значение", "Примечание"], items: parts, scrolls: false) { p in
                let row = shown(p.numerator, p.denominator, p.value)
                Cell.head(p.schoolName)
                Cell.number(row.0)
                Cell.number(row.1)
                Cell.number(p.value == nil ? "—" : row.2)
                Cell.text(p.note ?? "")
            }
            El("h2") { Tx("Строки, из которых посчитано (\(sources.count))") }
            if namesHidden && sources.count < v.sources.filter({ schoolCode == nil || $0.schoolCode == schoolCode }).count {
                El("p", [("class", "muted")]) { Tx("Строки о работниках и их курсах видят только внутри муниципалитета.") }
            }
            if sources.isEmpty { El("p") { Tx("Строк нет: данные для этого индикатора ещё не внесены.") } } else {
                DataTable("Исходные строки", headers: ["Школа", "Строка", "Засчитана"], items: sources, scrolls: false) { s in
                    Cell.text(d.inputs.schoolNames[s.schoolCode] ?? s.schoolCode)
                    Cell.text(s.description)
                    Cell.text(s.counted ? "да" : "нет")
                }
            }
            if canEnter {
                El("h2", [("id", "manual")]) { Tx("Внести значение вручную") }
                El("p", [("class", "muted")]) { Tx("Например, когда данных в Опоре нет, а значение известно из отчёта. Оно будет показано отдельно, с источником и причиной.") }
                if let errors { Forms.errorSummary(errors) }
                El("form", [("method", "post"), ("action", SiteURL.indicatorManual(v.number, v.year).path + "#manual"), ("class", "edit")]) {
                    Forms.csrf(ctx)
                    Forms.field("Значение, %", name: "value", value: form["value"] ?? "", error: errors?["value"], required: true, attributes: [("inputmode", "decimal")])
                    Forms.field("Источник", name: "source", value: form["source"] ?? "", error: errors?["source"], hint: "Документ, из которого взято значение", required: true)
                    Forms.field("Причина", name: "reason", value: form["reason"] ?? "", error: errors?["reason"], required: true)
                    El("button", [("type", "submit")]) { Tx("Сохранить") }
                }
            }
        }
        if errors != nil { response.status = .unprocessableEntity }
        return response
    }
}
