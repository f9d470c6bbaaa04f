import Foundation
import OporaDomain
import Plot
import Vapor

/// The admin's form for one school of the registry, new or existing.
enum SchoolEditView {
    struct Form {
        var code = ""
        var name = ""
        var shortName = ""
        var settlement = ""
        var type = ""
        var distanceKm = ""
        var login = ""
        var okpo = ""
        var inn = ""
        var parentCode = ""
        var participating = false

        init() {}

        init(_ s: School, participating: Bool) {
            code = s.code
            name = s.name
            shortName = s.shortName
            settlement = s.settlement ?? ""
            type = s.type ?? ""
            distanceKm = s.distanceKm.map { Format.number($0) } ?? ""
            login = s.login ?? ""
            okpo = s.okpo ?? ""
            inn = s.inn ?? ""
            parentCode = s.parentCode ?? ""
            self.participating = participating
        }
    }

    static func render(_ ctx: PageContext, schoolID: UUID?, form: Form, failed: RefusedForm<Form>?) -> Response {
        let f = failed?.values ?? form
        let errors = failed?.errors
        let title = schoolID == nil ? "Новая школа" : "Изменить школу"
        let response = Layout.page(title, ctx) {
            El("p", [("class", "crumbs")]) { link("← Школы", SiteURL.schools.path) }
            El("h1") { Tx(schoolID == nil ? "Новая школа" : "Изменить: \(f.name)") }
            if let errors { Forms.errorSummary(errors) }
            El("form", [("method", "post"), ("action", schoolID.map { SiteURL.schoolEdit(.value($0)).path } ?? SiteURL.schoolNew.path), ("class", "edit")]) {
                Forms.csrf(ctx)
                Forms.field("Код школы", name: "code", value: f.code, error: errors?["code"], hint: "Латинские буквы, цифры и дефис, например bal-09",
                            required: true, attributes: schoolID == nil ? [] : [("readonly", "")])
                Forms.field("Полное наименование", name: "name", value: f.name, error: errors?["name"], required: true)
                Forms.field("Краткое наименование", name: "shortName", value: f.shortName, error: errors?["shortName"])
                Forms.field("Населённый пункт", name: "settlement", value: f.settlement, error: errors?["settlement"])
                Forms.select("Тип", name: "type", options: [("", "не указан")] + SchoolType.all.map { ($0, $0) }, selected: f.type, error: errors?["type"])
                Forms.field("Расстояние до районного центра, км", name: "distanceKm", value: f.distanceKm, error: errors?["distanceKm"], attributes: [("inputmode", "decimal")])
                Forms.field("Логин ОО в ФИС ОКО", name: "login", value: f.login, error: errors?["login"],
                            hint: "По нему читаются выгрузки ФИС ОКО, где школы названы логинами, например sch380101")
                Forms.field("ОКПО", name: "okpo", value: f.okpo, error: errors?["okpo"], hint: "8 или 10 цифр", attributes: [("inputmode", "numeric")])
                Forms.field("ИНН", name: "inn", value: f.inn, error: errors?["inn"], hint: "10 цифр", attributes: [("inputmode", "numeric")])
                Forms.field("Код головной школы (для филиала)", name: "parentCode", value: f.parentCode, error: errors?["parentCode"])
                if let p = ctx.programme, p.status.isOpen {
                    El("div", [("class", "field check")]) {
                        VoidEl("input", [("type", "checkbox"), ("id", "f-participating"), ("name", "participating"), ("value", "1"), ("checked", f.participating ? "" : nil)])
                        El("label", [("for", "f-participating")]) { Tx("Участвует в программе «\(p.name)», \(p.years.lowerBound)–\(p.years.upperBound) (получает свой план)") }
                    }
                } else if let p = ctx.programme {
                    El("p", [("class", "muted")]) { Tx("Программа «\(p.name)» закрыта: список её участников не меняется. " + (f.participating ? "Школа в ней участвовала." : "Школа в ней не участвовала.")) }
                }
                El("button", [("type", "submit")]) { Tx("Сохранить") }
            }
        }
        if errors != nil { response.status = .unprocessableEntity }
        return response
    }
}
