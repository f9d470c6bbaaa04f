import Foundation
import OporaDomain
import Plot
import Vapor

/// The open pages for parents and anyone: the programme, progress by section, indicators against
/// targets, the participating schools with the resources they publish, public practices and events.
/// No personal data; a count of fewer than 5 is shown as «<5»; no script, a few kilobytes.
enum PublicView {
    struct School {
        var name: String
        var available: [String]
        var missing: [String]
    }

    struct Practice {
        var id: UUID
        var title: String
        var school: String?
        var level: EvidenceLevel
    }

    struct Event {
        var date: Day
        var kind: EventKind
        var title: String
        var participants: Int?
    }

    struct Model {
        var report: ReportData
        var municipalityID: UUID
        var schools: [School]
        var practices: [Practice]
        var events: [Event]
    }

    static func render(_ ctx: PageContext, _ m: Model) -> Response {
        let r = m.report
        return Layout.page("Открытые сведения о программе", ctx) {
            El("h1") { Tx(r.passport.name) }
            El("p", [("class", "lead")]) { Tx("\(r.municipality). Открытые сведения о ходе программы на \(r.today.russian).") }
            El("section", [("aria-labelledby", "h-passport")]) {
                El("h2", [("id", "h-passport")]) { Tx("О программе") }
                El("dl", [("class", "facts")]) {
                    El("dt") { Tx("Цель") }
                    El("dd") { Tx(r.passport.goal) }
                    El("dt") { Tx("Срок реализации") }
                    El("dd") { Tx(r.passport.term) }
                    El("dt") { Tx("Задачи") }
                    El("dd") { El("ul") { for t in r.passport.tasks { El("li") { Tx(t) } } } }
                }
            }
            El("section", [("aria-labelledby", "h-progress")]) {
                El("h2", [("id", "h-progress")]) { Tx("Выполнение мероприятий по разделам, \(r.year)") }
                DataTable("Мероприятия муниципального плана и планов школ", headers: ["Раздел", "Всего", "Выполнено", "Выполняется", "Доля выполненных"],
                          items: r.sections) { s in
                    Cell.head(s.title)
                    Cell.number(String(s.total))
                    Cell.number(String(s.done))
                    Cell.number(String(s.inProgress))
                    Cell.number(s.total - s.cancelled > 0 ? Format.percent(Double(s.done) / Double(s.total - s.cancelled)) : "—")
                }
            }
            El("section", [("aria-labelledby", "h-indicators")]) {
                El("h2", [("id", "h-indicators")]) { Tx("Целевые индикаторы, \(r.year)") }
                DataTable("Значения в процентах: факт и цель", headers: ["Индикатор", "Исходное", "Цель", "Факт", "Итог"], items: r.indicators) { i in
                    Cell.head("\(i.number). \(i.title)")
                    Cell.number(i.baseline.map { Format.number($0) } ?? "—")
                    Cell.number(i.target.map { Format.number($0) } ?? "—")
                    // A share that would tell a count of fewer than 5 people is withheld.
                    let masked = SmallCount.indicator(i.number, numerator: i.numerator, denominator: i.denominator, masked: true)
                    Cell.number(masked?.shareShown == false && i.value != nil ? "скрыто" : i.value.map { Format.number($0) } ?? "нет данных")
                    Cell.text(i.achieved.map { $0 ? "достигнут" : "не достигнут" } ?? "—")
                }
            }
            El("section", [("aria-labelledby", "h-schools")]) {
                El("h2", [("id", "h-schools")]) { Tx("Школы — участники программы") }
                for s in m.schools {
                    El("h3") { Tx(s.name) }
                    if s.available.isEmpty && s.missing.isEmpty { El("p", [("class", "muted")]) { Tx("Школа пока не опубликовала сведения о ресурсах.") } }
                    if !s.available.isEmpty { El("p") { Tx("Есть: " + s.available.joined(separator: "; ") + ".") } }
                    if !s.missing.isEmpty { El("p") { Tx("Не хватает: " + s.missing.joined(separator: "; ") + ".") } }
                }
            }
            El("section", [("aria-labelledby", "h-practices")]) {
                El("h2", [("id", "h-practices")]) { Tx("Успешные практики") }
                if m.practices.isEmpty { El("p") { Tx("Опубликованных практик пока нет.") } }
                El("ul") {
                    for p in m.practices {
                        El("li") { link(p.title, SiteURL.publicPractice(.value(p.id)).path); Tx(" — \(p.school ?? "муниципальная практика"); уровень доказанности: \(p.level.russian)") }
                    }
                }
            }
            El("section", [("aria-labelledby", "h-events")]) {
                El("h2", [("id", "h-events")]) { Tx("События") }
                if m.events.isEmpty { El("p") { Tx("Опубликованных событий пока нет.") } }
                El("ul") {
                    for e in m.events {
                        El("li") { Tx("\(e.date.russian) — \(e.kind.russian): «\(e.title)»" + (e.participants.map { ", участников: \(SmallCount.masked($0))" } ?? "")) }
                    }
                }
            }
        }
    }

    /// The municipalities whose open page is switched on, when there are several.
    static func list(_ ctx: PageContext, _ municipalities: [(id: UUID, name: String)]) -> Response {
        Layout.page("Открытые сведения о программах", ctx) {
            El("h1") { Tx("Открытые сведения о программах поддержки школ") }
            El("p", [("class", "lead")]) { Tx("Выберите муниципалитет.") }
            El("ul") {
                for m in municipalities { El("li") { link(m.name, SiteURL.publicHome.with([("municipality", m.id.uuidString)])) } }
            }
        }
    }

    /// Why there is no open page to show.
    static func nothing(_ ctx: PageContext, _ reason: String) -> Response {
        let response = Layout.page("Открытые сведения о программе", ctx) {
            El("h1") { Tx("Открытые сведения о программе") }
            El("p") { Tx(reason) }
        }
        response.status = .notFound
        return response
    }

    static func practice(_ ctx: PageContext, _ p: PracticeModel) -> Response {
        Layout.page(p.title, ctx) {
            El("p", [("class", "crumbs")]) { link("← Открытые сведения о программе", SiteURL.publicHome.with([("municipality", p.municipalityID.uuidString)]) + "#h-practices") }
            El("h1") { Tx(p.title) }
            El("p", [("class", "lead")]) { Tx(p.school ?? "Муниципальная практика") }
            El("dl", [("class", "facts")]) {
                El("dt") { Tx("Описание") }
                El("dd") { Tx(p.description) }
                El("dt") { Tx("Результаты") }
                El("dd") { Tx(p.results) }
                El("dt") { Tx("Чем подтверждены") }
                El("dd") { Tx(p.evidence.ifEmpty("—")) }
                El("dt") { Tx("Уровень доказанности") }
                El("dd") { Tx("\(p.level.russian): \(p.level.explanation)") }
                if !p.files.isEmpty {
                    El("dt") { Tx("Материалы") }
                    El("dd") { for f in p.files { El("p") { link(f.name, SiteURL.publicPracticeFile(.value(f.id)).path) } } }
                }
            }
        }
    }
}
