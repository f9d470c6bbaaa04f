import Foundation
import OporaDomain
import Plot
import Vapor

/// «Люди» for the municipality: the most common deficits, who is not diagnosed yet, development
/// plans, mentoring and student support by school. Observers get counts only, any under 5 as «<5».
enum PeopleView {
    struct SchoolRow {
        var school: School.Facts
        var teachers: Int
        var diagnosed: Int
        var withDeficits: Int
        var plans: Int
        var stepsDone: Int
        var steps: Int
        var pairs: Int
        var difficulties: Int?
        var lowMotivation: Int?
        var families: Int?
    }

    struct Model {
        var year: Int
        var years: [Int]
        var common: [AreaCount]
        var undiagnosed: [(teacher: TeacherFact, school: String)]
        var schools: [SchoolRow]
        var consultations: Int
        /// Names and links to schools' pages; false for observers, who see masked counts only.
        var named: Bool
    }

    static func render(_ ctx: PageContext, _ m: Model) -> Response {
        let count = { (n: Int) in m.named ? String(n) : SmallCount.masked(n) }
        let optional = { (n: Int?) in n.map(count) ?? "—" }
        return Layout.page("Кадры и обучающиеся", ctx) {
            El("h1") { Tx("Кадры и обучающиеся") }
            El("p", [("class", "lead")]) { Tx("Профессиональные дефициты педагогов, индивидуальные маршруты, наставничество и поддержка обучающихся по школам муниципалитета.") }
            if !m.named {
                El("p", [("class", "notice")]) { Tx("Для наблюдателя показаны только числа; число меньше 5 показано как «<5». Имена педагогов и планы сопровождения обучающихся не показываются.") }
            }
            if m.named {
                El("p") {
                    link("Компетенции и каталог курсов", SiteURL.peopleCatalogue.path)
                    Tx(" · ")
                    link("Консультационные пункты (\(m.consultations) консультаций)", SiteURL.consultations.path)
                }
            }
            El("section", [("aria-labelledby", "h-common")]) {
                El("h2", [("id", "h-common")]) { Tx("Самые частые профессиональные дефициты") }
                if m.common.allSatisfy({ $0.teacherIDs.isEmpty }) { El("p") { Tx("Дефицитов по результатам диагностики нет или диагностика не проводилась.") } } else {
                    // Bars would tell the exact counts that an observer sees as «<5»: the table only, then.
                    if m.named {
                        CountBarChart.svg(title: "Число педагогов с дефицитом по компетенциям",
                                          m.common.map { ($0.area.title, $0.teacherIDs.count, count($0.teacherIDs.count)) })
                    }
                    DataTable("Дефициты по последней диагностике каждого педагога", headers: ["Компетенция", "Порог, %", "Педагогов с дефицитом"], items: m.common) { c in
                        Cell.text(c.area.title)
                        Cell.number(Format.number(c.area.threshold))
                        Cell.number(count(c.teacherIDs.count))
                    }
                }
            }
            El("section", [("aria-labelledby", "h-schools")]) {
                El("h2", [("id", "h-schools")]) { Tx("По школам") }
                El("form", [("method", "get"), ("action", SiteURL.people.path), ("class", "inline-form")]) {
                    Forms.select("Год (обучающиеся)", name: "year", options: m.years.map { (String($0), String($0)) }, selected: String(m.year))
                    El("button", [("type", "submit")]) { Tx("Показать") }
                }
                let plans = m.schools.map(\.plans).reduce(0, +), steps = m.schools.map(\.steps).reduce(0, +), done = m.schools.map(\.stepsDone).reduce(0, +)
                El("p") {
                    Tx("По муниципалитету: педагогов \(count(m.schools.map(\.teachers).reduce(0, +))), прошли диагностику \(count(m.schools.map(\.diagnosed).reduce(0, +))), "
                       + "ИОМ \(count(plans)); " + (steps == 0 ? "шагов ИОМ пока нет." : "выполнено шагов ИОМ: \(count(done)) из \(count(steps))"
                           + (m.named || (done >= SmallCount.threshold && steps >= SmallCount.threshold) ? " (\(Int((Double(done) * 100 / Double(steps)).rounded())) %)." : ".")))
                }
                DataTable("Педагоги и обучающиеся; обучающиеся — за \(m.year) год",
                          headers: ["Школа", "Педагогов", "Прошли диагностику", "С дефицитами", "ИОМ", "Шаги ИОМ выполнены", "Наставнических пар",
                                    "Обучающихся с трудностями", "С низкой мотивацией", "Семей «зоны риска»"],
                          items: m.schools) { r in
                    Cell.head {
                        if m.named {
                            link(r.school.shortName, SiteURL.schoolPeople(.value(r.school.id)).path)
                            Tx(" · ")
                            link("обучающиеся", SiteURL.schoolSupport(.value(r.school.id)).with([("year", String(m.year))]))
                        } else { Tx(r.school.shortName) }
                    }
                    for n in [r.teachers, r.diagnosed, r.withDeficits, r.plans] { Cell.number(count(n)) }
                    Cell.number(r.steps == 0 ? "—" : "\(count(r.stepsDone)) из \(count(r.steps))")
                    Cell.number(count(r.pairs))
                    for n in [r.difficulties, r.lowMotivation, r.families] { Cell.number(optional(n)) }
                }
            }
            if m.named {
                El("section", [("aria-labelledby", "h-undiagnosed")]) {
                    El("h2", [("id", "h-undiagnosed")]) { Tx("Педагоги без диагностики (\(m.undiagnosed.count))") }
                    if m.undiagnosed.isEmpty { El("p") { Tx("Все педагоги прошли диагностику.") } } else {
                        El("ul") { for u in m.undiagnosed { El("li") { Tx("\(u.teacher.name), \(u.teacher.position) — \(u.school)") } } }
                    }
                }
            }
        }
    }
}
