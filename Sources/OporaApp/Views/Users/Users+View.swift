import Foundation
import OporaDomain
import Plot
import Vapor

/// «Пользователи»: an administrator's list of the municipality's (or region's) users, the form that
/// adds one, and one user's page with what may be done to the account.
enum UsersView {
    /// A password made just now, shown once.
    struct NewPassword {
        var login: String
        var password: String
    }

    static func render(_ ctx: PageContext, _ m: Model, newPassword: NewPassword?, failed: FailedForm?) -> Response {
        func value(_ field: String) -> String { failed?.values[field] ?? "" }
        let response = Layout.page("Пользователи", ctx) {
            El("h1") { Tx("Пользователи") }
            if let newPassword { passwordNotice(newPassword) }
            if m.users.isEmpty { El("p") { Tx("Пользователей нет.") } } else {
                DataTable("Пользователи", headers: ["Логин", "Имя", "Роль", "Почта", "Последний вход", "Состояние"], items: m.users) { u in
                    Cell.of { El("a", [("href", SiteURL.user(.value(u.id)).path)]) { Tx(u.login) } }
                    Cell.text(u.fullName)
                    Cell.text(u.title + (u.schoolName.map { ", \($0)" } ?? ""))
                    Cell.text(u.email ?? "—")
                    Cell.text(u.lastSignIn.map(MeasureShowView.dateTime) ?? "не входил(а)")
                    Cell.text(state(u))
                }
            }
            El("h2", [("id", "h-new")]) { Tx("Добавить пользователя") }
            El("form", [("method", "post"), ("action", SiteURL.users.path), ("id", "new-user"), ("class", "edit")]) {
                Forms.csrf(ctx)
                if let errors = failed?.errors { Forms.errorSummary(errors) }
                Forms.field("Логин", name: "login", value: value("login"), error: failed?.errors["login"],
                            hint: "Латинские буквы, цифры, точка, дефис, подчёркивание.", required: true, attributes: [("autocomplete", "off")])
                Forms.field("Имя", name: "fullName", value: value("fullName"), error: failed?.errors["fullName"], hint: "Фамилия и инициалы.", required: true)
                Forms.select("Роль", name: "role", options: roles(isRegion: m.isRegion), selected: value("role"), error: failed?.errors["role"])
                if !m.isRegion { schoolSelect(m, selected: value("schoolID"), error: failed?.errors["schoolID"]) }
                Forms.field("Почта", name: "email", value: value("email"), type: "email", error: failed?.errors["email"],
                            hint: "Необязательно: для напоминаний о сроках.")
                El("p", [("class", "hint")]) { Tx("Пароль создаётся сам и показывается один раз; при первом входе пользователь заменит его своим.") }
                El("button", [("type", "submit")]) { Tx("Добавить") }
            }
        }
        if failed != nil { response.status = .unprocessableEntity }
        return response
    }

    static func state(_ u: Line) -> String {
        if !u.isActive { return "отключён" }
        var parts = ["действует"]
        if u.isLocked { parts.append("вход заблокирован после неудачных попыток") }
        if u.mustChangePassword { parts.append("временный пароль") }
        return parts.joined(separator: "; ")
    }

    static func passwordNotice(_ p: NewPassword) -> Component {
        El("div", [("class", "notice"), ("role", "status")]) {
            El("p") { Tx("Временный пароль пользователя \(p.login). Передайте его пользователю сейчас — больше он показан не будет; при входе пользователь заменит его своим:") }
            El("code", [("class", "token")]) { Tx(p.password) }
        }
    }

    static func schoolSelect(_ m: Model, selected: String, error: String?) -> Component {
        Forms.select("Школа (для координатора школы)", name: "schoolID",
                     options: [("", "— не координатор школы —")] + m.schools.map { ($0.id.uuidString, $0.name) },
                     selected: selected, error: error)
    }

    /// One user: the account's state and the administrator's actions on it.
    static func renderUser(_ ctx: PageContext, _ m: Model, user u: Line, newPassword: NewPassword?, failed: FailedForm?) -> Response {
        let isSelf = ctx.user?.id == u.id
        let response = Layout.page("Пользователь \(u.login)", ctx) {
            El("p") { El("a", [("href", SiteURL.users.path)]) { Tx("← Все пользователи") } }
            El("h1") { Tx("\(u.fullName) (\(u.login))") }
            if let newPassword { passwordNotice(newPassword) }
            if let errors = failed?.errors, failed?.form != "role" { Forms.errorSummary(errors) }
            El("dl", [("class", "facts")]) {
                El("dt") { Tx("Роль") }; El("dd") { Tx(u.title + (u.schoolName.map { ", \($0)" } ?? "")) }
                El("dt") { Tx("Почта") }; El("dd") { Tx(u.email ?? "не указана") }
                El("dt") { Tx("Последний вход") }; El("dd") { Tx(u.lastSignIn.map(MeasureShowView.dateTime) ?? "не входил(а)") }
                El("dt") { Tx("Состояние") }; El("dd") { Tx(state(u)) }
            }
            El("h2") { Tx("Роль") }
            El("form", [("method", "post"), ("action", SiteURL.userAction(.value(u.id), "role").path), ("id", "role"), ("class", "edit")]) {
                Forms.csrf(ctx)
                if failed?.form == "role", let errors = failed?.errors { Forms.errorSummary(errors) }
                Forms.select("Роль", name: "role", options: roles(isRegion: m.isRegion),
                             selected: failed?.form == "role" ? failed?.values["role"] ?? "" : u.role.rawValue, error: failed?.form == "role" ? failed?.errors["role"] : nil)
                if !m.isRegion {
                    schoolSelect(m, selected: failed?.form == "role" ? failed?.values["schoolID"] ?? "" : u.schoolID?.uuidString ?? "",
                                 error: failed?.form == "role" ? failed?.errors["schoolID"] : nil)
                }
                El("p", [("class", "hint")]) { Tx("После смены роли пользователь входит заново.") }
                El("button", [("type", "submit")]) { Tx("Сохранить роль") }
            }
            El("h2") { Tx("Доступ") }
            actionForm(ctx, u, "reset", "Выдать временный пароль",
                       "Текущий пароль перестанет действовать, вход пользователя на всех устройствах завершится.")
            if u.isLocked {
                actionForm(ctx, u, "unlock", "Разблокировать вход", "Вход закрыт после \(SignIn.failuresPerLogin) неудачных попыток; без разблокировки он откроется сам через 15 минут.")
            }
            if u.isActive {
                if !isSelf {
                    actionForm(ctx, u, "disable", "Отключить пользователя",
                               "Вход и токены API пользователя перестанут действовать сразу; в журнале изменений его имя сохранится.")
                }
            } else {
                actionForm(ctx, u, "enable", "Включить пользователя", "Пользователь снова сможет входить; отозванные токены API не вернутся.")
            }
        }
        if failed != nil { response.status = .unprocessableEntity }
        return response
    }

    static func actionForm(_ ctx: PageContext, _ u: Line, _ action: String, _ title: String, _ hint: String) -> Component {
        El("form", [("method", "post"), ("action", SiteURL.userAction(.value(u.id), action).path), ("class", "edit")]) {
            Forms.csrf(ctx)
            El("p", [("class", "hint")]) { Tx(hint) }
            El("button", [("type", "submit"), ("class", "secondary")]) { Tx(title) }
        }
    }
}
