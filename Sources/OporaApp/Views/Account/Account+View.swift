import OporaDomain
import Plot
import Vapor

/// «Мой профиль»: the signed-in user's password and e-mail address for reminders.
enum AccountView {
    static func render(_ ctx: PageContext, email: String, reminders: String, sendsLetters: Bool, failed: FailedForm?) -> Response {
        let oneTime = ctx.user?.mustChangePassword == true
        func error(_ form: String, _ field: String) -> String? { failed?.form == form ? failed?.errors[field] : nil }
        let response = Layout.page("Мой профиль", ctx) {
            El("h1") { Tx("Мой профиль") }
            if oneTime {
                El("p", [("class", "notice"), ("role", "status")]) {
                    Tx("Вы вошли с временным паролем. Придумайте свой пароль — после этого откроются остальные страницы.")
                }
            }
            El("section", [("aria-labelledby", "h-password")]) {
                El("h2", [("id", "h-password")]) { Tx("Смена пароля") }
                El("form", [("method", "post"), ("action", SiteURL.accountSave("password").path), ("id", "password"), ("class", "edit")]) {
                    Forms.csrf(ctx)
                    if failed?.form == "password", let errors = failed?.errors { Forms.errorSummary(errors) }
                    Forms.field(oneTime ? "Временный пароль" : "Текущий пароль", name: "current", value: "", type: "password",
                                error: error("password", "current"), required: true, attributes: [("autocomplete", "current-password")])
                    Forms.field("Новый пароль", name: "password", value: "", type: "password", error: error("password", "password"),
                                hint: "Не короче \(PasswordPolicy.minimumLength) знаков; не содержит логин; не из списка распространённых паролей.",
                                required: true, attributes: [("autocomplete", "new-password"), ("minlength", String(PasswordPolicy.minimumLength))])
                    Forms.field("Новый пароль ещё раз", name: "repeat", value: "", type: "password", error: error("password", "repeat"),
                                required: true, attributes: [("autocomplete", "new-password")])
                    El("button", [("type", "submit")]) { Tx("Сменить пароль") }
                }
                El("p", [("class", "hint")]) { Tx("После смены пароля вход на других устройствах завершится.") }
            }
            if !oneTime {
                El("section", [("aria-labelledby", "h-email")]) {
                    El("h2", [("id", "h-email")]) { Tx("Почта для напоминаний") }
                    El("form", [("method", "post"), ("action", SiteURL.accountSave("email").path), ("id", "email"), ("class", "edit")]) {
                        Forms.csrf(ctx)
                        if failed?.form == "email", let errors = failed?.errors { Forms.errorSummary(errors) }
                        Forms.field("Адрес электронной почты", name: "email", value: failed?.form == "email" ? failed?.values["email"] ?? "" : email,
                                    type: "email", error: error("email", "email"),
                                    hint: "На него приходят напоминания о мероприятиях: просроченных и со сроком в ближайшие 14 дней. Пустое поле — писем не будет.",
                                    attributes: [("autocomplete", "email")])
                        Forms.select("Как часто присылать", name: "reminders", options: ReminderFrequency.allCases.map { ($0.rawValue, $0.russian) },
                                     selected: failed?.form == "email" ? failed?.values["reminders"] ?? reminders : reminders, error: error("email", "reminders"))
                        if !sendsLetters {
                            El("p", [("class", "hint")]) { Tx("Отправка писем на этом сервере пока не настроена администратором; адрес сохранится до её включения.") }
                        }
                        El("button", [("type", "submit")]) { Tx("Сохранить") }
                    }
                }
            }
        }
        if failed != nil { response.status = .unprocessableEntity }
        return response
    }
}
