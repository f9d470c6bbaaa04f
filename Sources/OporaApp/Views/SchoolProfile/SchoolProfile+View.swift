import Foundation
import OporaDomain
import Plot
import Vapor

/// A school's profile: its category each year with the reasons, its results against the
/// reference, its social context, and a form for the context.
enum SchoolProfileView {
    struct Model {
        var school: School.Facts
        var settlement: String?
        var type: String?
        var isDemo: Bool
        var hasPlan: Bool
        /// Whether it takes part in the shown programme.
        var participating: Bool
        /// Newest year first.
        var assessments: [SchoolAssessment]
        var references: [ResultRow.Key: Double]
        var rows: [ResultRow]
        var contexts: [SocialContext]
        var version: Methodology.Version
        var canEditContext: Bool
        var selectedYear: Int?
    }

    static func render(_ ctx: PageContext, _ m: Model, failed: FailedForm?) -> Response {
        let s = m.school
        let years = Array(Set(m.rows.map(\.year))).sorted()
        let procedures = Array(Set(m.rows.map(\.procedure))).sorted()
        let response = Layout.page(s.shortName, ctx) {
            El("p", [("class", "crumbs")]) { link("← Школы", SiteURL.schools.path) }
            El("h1") { Tx(s.name) }
            El("p", [("class", "lead")]) {
                Tx(["Код \(s.code)", m.type, m.settlement, s.distanceKm.map { "\(Format.number($0)) км до районного центра" },
                    m.participating ? "участвует в программе" : "не участвует в программе"].compactMap { $0 }.joined(separator: " · "))
            }
            El("p", [("class", "actions")]) {
                if m.hasPlan { link("План школы", SiteURL.schoolPlan(.value(s.id)).path); Tx(" · ") }
                link("Кадры и условия", SiteURL.schoolData(.value(s.id)).path)
                Tx(" · ")
                link("Ресурсы", SiteURL.schoolResources(.value(s.id)).path)
                Tx(" · ")
                link("Профиль рисков и рекомендации", SiteURL.schoolRisks(.value(s.id)).path)
                if ctx.user?.access.canReadPeople(ofSchool: s.id.uuidString) == true {
                    Tx(" · ")
                    link("Педагоги: дефициты и ИОМ", SiteURL.schoolPeople(.value(s.id)).path)
                    Tx(" · ")
                    link("Поддержка обучающихся", SiteURL.schoolSupport(.value(s.id)).path)
                }
                if ctx.user?.access.canAdminister == true { Tx(" · "); link("Изменить сведения о школе", SiteURL.schoolEdit(.value(s.id)).path) }
            }
            if m.isDemo { El("p", [("class", "demo-inline")]) { Tx("Результаты и социальные сведения этой школы придуманы для показа.") } }

            El("section", [("aria-labelledby", "h-cat")]) {
                El("h2", [("id", "h-cat")]) { Tx("Категория по годам и почему") }
                El("p", [("class", "muted")]) { Tx("Методика: версия \(m.version.number).") }
                if m.assessments.isEmpty { El("p") { Tx("Результатов оценочных процедур пока нет.") } }
                for a in m.assessments {
                    El("details", [("open", a.year == (m.selectedYear ?? m.assessments.first?.year) ? "" : nil)]) {
                        El("summary") { Tx("\(a.year): "); CategoryBadge.render(a.category) }
                        let why = ctx.countsOnly ? Identification.explanation(of: a, parameters: m.version.parameters, masked: true) : a.explanation
                        // The signs of biased results once, highlighted under the explanation, not again inside it.
                        let signs = Set(a.biasFlags.map { $0.russian(parameters: m.version.parameters) })
                        El("ul", [("class", "why")]) { for line in why where !signs.contains(line) { El("li") { Tx(line) } } }
                        if !a.biasFlags.isEmpty {
                            El("p", [("class", "warn"), ("id", "bias-\(a.year)")]) {
                                Tx("Признаки необъективности результатов: " + a.biasFlags.map { $0.detail(parameters: m.version.parameters) }.joined(separator: "; "))
                            }
                        }
                    }
                }
            }

            El("section", [("aria-labelledby", "h-res")]) {
                El("h2", [("id", "h-res")]) { Tx("Результаты по процедурам") }
                if procedures.isEmpty { El("p") { Tx("Нет данных.") } } else {
                    DataTable("Доля «2» (не преодолели минимальный порог) с её 90-процентным интервалом: школа / ориентир", headers: ["Процедура"] + years.map(String.init), items: procedures) { p in
                        Cell.head(p.russian)
                        for y in years {
                            Cell.of {
                                if let r = m.rows.first(where: { $0.procedure == p && $0.year == y }) {
                                    let shown = SmallCount.fraction(part: r.fails, whole: r.participants, masked: ctx.countsOnly)
                                    let interval = Uncertainty.wilson(count: r.fails, of: r.participants).map { "; \(RussianNumberFormat.shareInterval($0))" } ?? ""
                                    Tx("«2» у \(shown.part) из \(shown.whole)"
                                       + (shown.shareShown ? " (\(Format.percent(Double(r.fails) / Double(max(r.participants, 1))))\(interval))" : ""))
                                    if let ref = m.references[ResultRow.Key(year: y, procedure: p, schoolCode: "")] {
                                        El("div", [("class", "muted")]) { Tx("ориентир \(Format.percent(1 - ref))") }
                                    }
                                } else { El("span", [("class", "muted")]) { Tx("—") } }
                            }
                        }
                    }
                    El("div", [("class", "charts")]) {
                        for p in procedures where Set(m.rows.filter { $0.procedure == p }.map(\.year)).count > 1 {
                            El("figure") {
                                LineChart.svg(
                                    years: years,
                                    series: [
                                        .init(name: "школа", cls: "s-school", values: Dictionary(m.rows.filter { $0.procedure == p }.map {
                                            ($0.year, Double($0.fails) / Double(max($0.participants, 1)))
                                        }, uniquingKeysWith: { a, _ in a })),
                                        .init(name: "ориентир", cls: "s-ref", values: Dictionary(years.compactMap { y in
                                            m.references[ResultRow.Key(year: y, procedure: p, schoolCode: "")].map { (y, 1 - $0) }
                                        }, uniquingKeysWith: { a, _ in a })),
                                    ],
                                    threshold: m.version.parameters.failThreshold,
                                    title: "\(p.russian): доля «2» школы и ориентира по годам; пунктир — порог \(Format.percent(m.version.parameters.failThreshold, digits: 0))")
                                El("figcaption") { Tx(p.russian) }
                            }
                        }
                    }
                }
            }

            El("section", [("aria-labelledby", "h-ctx")]) {
                El("h2", [("id", "h-ctx")]) { Tx("Социальные условия") }
                if m.contexts.isEmpty { El("p") { Tx("Сведений нет.") } } else {
                    El("ul") {
                        for c in m.contexts.sorted(by: { $0.year > $1.year }) { El("li") { Tx("\(c.year): \(Format.context(c))") } }
                    }
                }
                if m.canEditContext { contextFormView(ctx, s, failed) }
            }
        }
        if failed != nil { response.status = .unprocessableEntity }
        return response
    }

    static func contextFormView(_ ctx: PageContext, _ s: School.Facts, _ failed: FailedForm?) -> Component {
        let f = failed?.values ?? [:]
        let errors = failed?.errors
        return El("form", [("method", "post"), ("action", SiteURL.schoolContext(.value(s.id)).path), ("class", "edit")]) {
            El("h3") { Tx("Внести сведения за год") }
            if let errors { Forms.errorSummary(errors) }
            Forms.csrf(ctx)
            Forms.count("Год", name: "year", value: f["year"] ?? "", error: errors?["year"], required: true, range: 2000...2100)
            Forms.count("Число обучающихся", name: "students", value: f["students"] ?? "", error: errors?["students"])
            El("p", [("class", "muted")]) { Tx("Доли — числом от 0 до 1 (0,3) или процентом (30%). Пустое поле — нет сведений.") }
            Forms.field(ContextFile.label("low_income_share"), name: "low_income_share", value: f["low_income_share"] ?? "", error: errors?["low_income_share"])
            Forms.field(ContextFile.label("incomplete_family_share"), name: "incomplete_family_share", value: f["incomplete_family_share"] ?? "", error: errors?["incomplete_family_share"])
            Forms.field(ContextFile.label("no_higher_education_share"), name: "no_higher_education_share", value: f["no_higher_education_share"] ?? "", error: errors?["no_higher_education_share"])
            Forms.field(ContextFile.label("non_native_share"), name: "non_native_share", value: f["non_native_share"] ?? "", error: errors?["non_native_share"])
            Forms.field(ContextFile.label("preventive_register_share"), name: "preventive_register_share", value: f["preventive_register_share"] ?? "", error: errors?["preventive_register_share"])
            El("button", [("type", "submit")]) { Tx("Сохранить") }
        }
    }
}

extension FieldErrors {
    init(_ messages: [String: String]) {
        self.init()
        for (k, v) in messages { add(k, v) }
    }
}
