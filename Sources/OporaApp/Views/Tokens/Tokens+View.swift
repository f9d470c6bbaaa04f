import Foundation
import OporaDomain
import Plot
import Vapor

enum TokensView {
    struct Item {
        var id: UUID
        var name: String
        var userName: String
        var createdAt: Date?
        var revoked: Bool
    }

    static func render(_ ctx: PageContext, tokens: [Item], users: [(id: UUID, title: String)], newToken: String?,
                       failed: FailedForm?) -> Response {
        let errors = failed?.errors
        let response = Layout.page("Токены API", ctx) {
            El("h1") { Tx("Токены API") }
            El("p", [("class", "lead")]) {
                Tx("Токен даёт программе доступ к API (/api/v1) с правами выбранного пользователя. Сам токен показывается один раз; хранится только его хеш. Описание API: ")
                link("/api/v1/openapi.json", "/api/v1/openapi.json")
            }
            if let newToken {
                El("div", [("class", "notice"), ("role", "status")]) {
                    El("p") { Tx("Токен создан. Скопируйте его сейчас — больше он показан не будет:") }
                    El("code", [("class", "token")]) { Tx(newToken) }
                }
            }
            El("h2") { Tx("Выдать токен") }
            if let errors { Forms.errorSummary(errors) }
            El("form", [("method", "post"), ("action", SiteURL.tokens.path)]) {
                Forms.csrf(ctx)
                Forms.field("Назначение токена", name: "name", value: failed?.values["name"] ?? "", error: errors?["name"], hint: "Например: выгрузка для регионального мониторинга", required: true)
                Forms.select("Пользователь", name: "userID", options: users.map { ($0.id.uuidString, $0.title) }, selected: failed?.values["userID"] ?? "", error: errors?["userID"])
                El("button", [("type", "submit")]) { Tx("Выдать") }
            }
            El("h2") { Tx("Выданные токены") }
            if tokens.isEmpty { El("p") { Tx("Токенов нет.") } }
            else {
                DataTable("Токены", headers: ["Назначение", "Пользователь", "Выдан", "Состояние"], items: tokens) { t in
                    Cell.text(t.name)
                    Cell.text(t.userName)
                    Cell.text(t.createdAt.map(MeasureShowView.dateTime) ?? "")
                    Cell.of {
                        if t.revoked { Tx("Отозван") } else {
                            El("form", [("method", "post"), ("action", SiteURL.tokens.path + "/\(t.id.uuidString)/revoke"), ("class", "inline")]) {
                                Forms.csrf(ctx)
                                El("button", [("type", "submit"), ("class", "secondary")]) { Tx("Отозвать") }
                            }
                        }
                    }
                }
            }
        }
        if failed != nil { response.status = .unprocessableEntity }
        return response
    }
}
