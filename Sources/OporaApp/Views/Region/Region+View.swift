import Foundation
import OporaDomain
import Plot
import Vapor

/// «Муниципалитеты»: a region's municipalities side by side, each opened for reading from its row;
/// for the region's administrator, the forms that add a municipality and a regional user.
enum RegionView {
    struct Model: Sendable {
        var overview: RegionOverview
        var sort: RegionOverview.Sort
        /// The region's own users, for its administrator; nil for everyone else.
        var users: [UserLine]?
        /// A password made just now, shown once: whose and which.
        var newPassword: (login: String, password: String)?
    }

    struct UserLine: Sendable {
        var login: String
        var name: String
        var title: String
        var active: Bool
    }

    static func render(_ ctx: PageContext, _ m: Model, failed: FailedForm? = nil) -> Response {
        let response = Layout.page("Муниципалитеты", ctx) { content(ctx, m, failed: failed) }
        if failed != nil { response.status = .unprocessableEntity }
        return response
    }

    static func content(_ ctx: PageContext, _ m: Model, failed: FailedForm?) -> Component {
        let o = m.overview
        return ComponentGroup {
            El("h1") { Tx("Муниципалитеты: \(o.regionName)") }
            if let p = m.newPassword {
                El("div", [("class", "notice"), ("role", "status")]) {
                    El("p") { Tx("Пользователь \(p.login) добавлен. Временный пароль показан один раз — передайте его пользователю; при первом входе он заменит его своим:") }
                    El("code", [("class", "token")]) { Tx(p.password) }
                }
            }
            if failed != nil { Forms.refusedNotice(failed?.form ?? "") }
            El("p", [("class", "lead")]) {
                Tx("Каждый муниципалитет — с годами действующей программы, выполненными и просроченными мероприятиями (муниципальный план и планы школ), школами (в скобках — участники программы), числом школ НРО и НСУ и индикаторами, достигшими цели. Кнопка «Открыть» показывает страницы муниципалитета — только для чтения.")
            }
            if o.rows.isEmpty {
                El("p") { Tx("В регионе пока нет муниципалитетов.") }
            } else {
                controls(m)
                table(ctx, m)
                El("p", [("class", "muted")]) {
                    Tx("Категории школ — за \(o.year.map { "\($0) год" } ?? "—"); \(o.reference). Индикаторы — за последний год программы, за который есть значения; индикатор, доля которого скрыта (меньше 5 человек), не считается.")
                }
            }
            if let users = m.users {
                adminForms(ctx, users: users, failed: failed)
            }
        }
    }

    static func controls(_ m: Model) -> Component {
        let o = m.overview
        return ComponentGroup {
            if !o.years.isEmpty {
                El("form", [("method", "get"), ("action", SiteURL.region.path), ("class", "inline-form")]) {
                    Forms.select("Год категорий", name: "year", options: o.years.reversed().map { (String($0), String($0)) }, selected: o.year.map(String.init) ?? "")
                    VoidEl("input", [("type", "hidden"), ("name", "sort"), ("value", m.sort.rawValue)])
                    El("button", [("type", "submit")]) { Tx("Показать") }
                }
            }
            El("p", [("class", "sort-links")]) {
                Tx("Упорядочить: ")
                for (i, s) in RegionOverview.Sort.allCases.enumerated() {
                    if i > 0 { Tx(" · ") }
                    if s == m.sort { El("strong") { Tx(title(s)) } }
                    else { link(title(s), SiteURL.region.with([("year", o.year.map(String.init) ?? ""), ("sort", s.rawValue)])) }
                }
            }
        }
    }

    static func title(_ s: RegionOverview.Sort) -> String {
        switch s {
        case .name: return "по названию"
        case .schools: return "по числу школ"
        case .done: return "по доле выполненных мероприятий"
        case .overdue: return "по просроченным"
        case .lowResults: return "по числу школ НРО"
        case .adverse: return "по числу школ НСУ"
        case .indicators: return "по доле достигнутых индикаторов"
        }
    }

    static func table(_ ctx: PageContext, _ m: Model) -> Component {
        DataTable("Муниципалитеты региона", headers: ["Муниципалитет", "Программа", "Выполнено", "Просрочено",
                                                     "Школ (в программе)", "НРО", "НСУ", "Индикаторы", ""],
                  items: m.sort.ordered(m.overview.rows, countsOnly: ctx.countsOnly), classes: "region") { r in
            Cell.head(r.name + (r.isDemo ? " (демо)" : ""))
            if let p = r.programme {
                // The period only: programmes' names are long and all alike; the full name is the cell's title.
                Cell.of { El("span", [("title", p.name)]) { Tx("\(p.years.lowerBound)–\(p.years.upperBound)") } }
                Cell.number("\(p.done) из \(p.measures)")
                Cell.number(String(p.overdue))
                Cell.number("\(r.schools) (\(p.participating))")
            } else {
                Cell.text("нет действующей программы")
                Cell.number("—")
                Cell.number("—")
                Cell.number(String(r.schools))
            }
            Cell.number(r.lowResults.map(String.init) ?? "нет данных")
            Cell.number(r.adverse.map(String.init) ?? "нет данных")
            Cell.number(r.programme.map { p in
                let t = p.tally(countsOnly: ctx.countsOnly)
                return t.withTarget == 0 ? "нет целей" : "\(t.achieved) из \(t.withTarget) (\(p.indicatorYear))"
            } ?? "—")
            Cell.of {
                El("form", [("method", "post"), ("action", SiteURL.regionOpen(.value(r.municipalityID)).path), ("class", "inline")]) {
                    Forms.csrf(ctx)
                    El("button", [("type", "submit"), ("class", "secondary"), ("aria-label", "Открыть страницы: \(r.name)")]) { Tx("Открыть") }
                }
            }
        }
    }

    static func adminForms(_ ctx: PageContext, users: [UserLine], failed: FailedForm?) -> Component {
        let errors = failed?.errors
        func value(_ form: String, _ name: String) -> String { failed?.form == form ? failed?.values[name] ?? "" : "" }
        return ComponentGroup {
            El("section", [("aria-labelledby", "h-new-municipality")]) {
                El("h2", [("id", "h-new-municipality")]) { Tx("Добавить муниципалитет") }
                El("p", [("class", "muted")]) { Tx("Вместе с муниципалитетом создаётся его первый администратор (управление образования): он добавит школы, пользователей и программу.") }
                El("form", [("method", "post"), ("action", SiteURL.regionMunicipalityNew.path), ("id", "new-municipality"), ("class", "edit")]) {
                    Forms.csrf(ctx)
                    if failed?.form == "new-municipality", let errors { Forms.errorSummary(errors) }
                    Forms.field("Название", name: "name", value: value("new-municipality", "name"), error: failed?.form == "new-municipality" ? errors?["name"] : nil,
                                hint: "Например: Усть-Удинский район", required: true)
                    Forms.field("Логин администратора", name: "adminLogin", value: value("new-municipality", "adminLogin"),
                                error: failed?.form == "new-municipality" ? errors?["adminLogin"] : nil, hint: "Латинские буквы, цифры, точка, дефис", required: true)
                    Forms.field("Имя администратора", name: "adminFullName", value: value("new-municipality", "adminFullName"),
                                error: failed?.form == "new-municipality" ? errors?["adminFullName"] : nil, required: true)
                    El("button", [("type", "submit")]) { Tx("Добавить муниципалитет") }
                }
            }
            El("section", [("aria-labelledby", "h-region-users")]) {
                El("h2", [("id", "h-region-users")]) { Tx("Пользователи региона") }
                El("p", [("class", "muted")]) { Tx("Видят все муниципалитеты региона и ничего в них не меняют. Администратор региона добавляет муниципалитеты и пользователей региона.") }
                DataTable("Пользователи региона", headers: ["Логин", "Имя", "Роль", "Состояние"], items: users) { u in
                    Cell.head(u.login)
                    Cell.text(u.name)
                    Cell.text(u.title)
                    Cell.text(u.active ? "действует" : "отключён")
                }
                El("form", [("method", "post"), ("action", SiteURL.regionUserNew.path), ("id", "new-user"), ("class", "edit")]) {
                    Forms.csrf(ctx)
                    if failed?.form == "new-user", let errors { Forms.errorSummary(errors) }
                    Forms.field("Логин", name: "login", value: value("new-user", "login"), error: failed?.form == "new-user" ? errors?["login"] : nil, required: true)
                    Forms.field("Имя", name: "fullName", value: value("new-user", "fullName"), error: failed?.form == "new-user" ? errors?["fullName"] : nil, required: true)
                    Forms.select("Роль", name: "role", options: [("observer", "Наблюдатель региона"), ("methodist", "Методист региона"), ("admin", "Администратор региона")],
                                 selected: value("new-user", "role"), error: failed?.form == "new-user" ? errors?["role"] : nil)
                    El("button", [("type", "submit")]) { Tx("Добавить пользователя") }
                }
            }
        }
    }
}
