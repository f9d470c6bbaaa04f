import Foundation
import OporaDomain
import Plot
import Vapor

/// The school registry: every school of the municipality, whether it takes part in the
/// programme, its plan's progress and, for those who may see it, its category.
enum SchoolsView {
    struct Item {
        var school: School.Facts
        var settlement: String?
        var type: String?
        /// Whether it takes part in the shown programme.
        var participating: Bool
        var category: SchoolCategory?
        var plan: SchoolPlans.Item?
        var canOpen: Bool
    }

    static func render(_ ctx: PageContext, items: [Item], categoryYear: Int?) -> Response {
        Layout.page("Школы", ctx) {
            El("h1") { Tx("Школы муниципалитета") }
            El("p", [("class", "lead")]) {
                Tx("У каждой школы, участвующей в программе, свой план под теми же целевыми направлениями.")
                if ctx.user?.access.isMunicipalStaff == true {
                    Tx(" Реестр школ загружается на странице ")
                    link("«Загрузка данных»", SiteURL.imports.path)
                    Tx(".")
                }
            }
            if ctx.user?.access.canAdminister == true {
                El("div", [("class", "inline-form")]) {
                    link("Добавить школу", SiteURL.schoolNew.path, [("class", "button")])
                    El("form", [("method", "post"), ("action", SiteURL.participatingByMonitoring.path), ("class", "inline")]) {
                        Forms.csrf(ctx)
                        El("button", [("type", "submit"), ("class", "secondary")]) { Tx("Включить в программу школы НРО и НСУ по мониторингу года перед её началом") }
                    }
                }
            }
            DataTable("Реестр школ" + (categoryYear.map { "; категория — на \($0) год" } ?? ""),
                      headers: ["Школа", "Код", "Населённый пункт", "Тип", "До центра, км", "В программе"] + (categoryYear == nil ? [] : ["Категория"]) + ["План: выполнено", "Просрочено"],
                      items: items) { i in
                Cell.head { if i.canOpen { link(i.school.name, SiteURL.school(.value(i.school.id)).path) } else { Tx(i.school.name) } }
                Cell.text(i.school.code)
                Cell.text(i.settlement ?? "—")
                Cell.text(i.type ?? "—")
                Cell.number(i.school.distanceKm.map { Format.number($0) } ?? "—")
                Cell.text(i.participating ? "да" : "нет")
                if categoryYear != nil {
                    Cell.of { if let c = i.category { CategoryBadge.render(c) } else { Tx("—") } }
                }
                Cell.of {
                    if let p = i.plan, p.measures > 0 {
                        if i.canOpen { link("\(p.done) из \(p.measures)", SiteURL.schoolPlan(.value(i.school.id)).path) } else { Tx("\(p.done) из \(p.measures)") }
                    } else { Tx("—") }
                }
                Cell.number(i.plan.map { String($0.overdue) } ?? "—")
            }
        }
    }
}
