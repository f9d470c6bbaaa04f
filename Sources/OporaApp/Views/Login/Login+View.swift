import Plot
import Vapor

enum LoginView {
    static func render(_ ctx: PageContext, login: String, next: String, error: String?) -> Response {
        let response = Layout.page("Вход", ctx) {
            El("div", [("class", "narrow")]) {
                El("h1") { Tx("Вход в Опору") }
                if let error { El("p", [("class", "error-summary"), ("role", "alert")]) { Tx(error) } }
                El("form", [("method", "post"), ("action", SiteURL.login.path)]) {
                    Forms.csrf(ctx)
                    VoidEl("input", [("type", "hidden"), ("name", "next"), ("value", next)])
                    Forms.field("Логин", name: "login", value: login, required: true, attributes: [("autocomplete", "username"), ("autofocus", "")])
                    Forms.field("Пароль", name: "password", value: "", type: "password", required: true, attributes: [("autocomplete", "current-password")])
                    El("button", [("type", "submit")]) { Tx("Войти") }
                }
                if ctx.isDemo {
                    El("p", [("class", "hint")]) {
                        Tx("Учётные записи для показа выведены в окне, где запущена Опора; пароль у всех один.")
                    }
                }
            }
        }
        if error != nil { response.status = .unauthorized }
        return response
    }
}
