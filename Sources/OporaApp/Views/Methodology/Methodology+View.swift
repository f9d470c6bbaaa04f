import Foundation
import OporaDomain
import Plot
import Vapor

/// The identification parameters: the version in use, its history, and the admin's form.
enum MethodologyView {
    static let fields: [(key: String, label: String)] = [
        ("minParticipants", "Минимум участников, чтобы строка учитывалась"),
        ("failThreshold", "Порог доли «2» для низкого результата (0–1)"),
        ("minProcedures", "Сколько процедур с низким результатом делают год низким"),
        ("years", "Сколько лет подряд нужно для НРО"),
        ("priorStrength", "Сила притяжения малых школ к ориентиру (k)"),
        ("lowIncome", "Порог: доля малоимущих семей"),
        ("incompleteFamily", "Порог: доля неполных семей"),
        ("noHigherEducation", "Порог: доля детей без родителей с высшим образованием"),
        ("nonNative", "Порог: доля детей с неродным русским языком"),
        ("preventiveRegister", "Порог: доля детей на профилактическом учёте"),
        ("distanceKm", "Порог: расстояние до районного центра, км"),
        ("minCriteria", "Сколько критериев делают школу НСУ"),
        ("vprSuccessMargin", "Необъективность: превышение успеваемости ВПР над ориентиром"),
        ("jumpSigmas", "Необъективность: скачок сводного результата, в стандартных отклонениях"),
    ]

    static func render(_ ctx: PageContext, versions: [Methodology.Version], canEdit: Bool, failed: FailedForm?) -> Response {
        let current = versions.first!
        let form = failed?.values ?? Methodology.formValues(current.parameters)
        let errors = failed?.errors
        let response = Layout.page("Методика", ctx) {
            El("h1") { Tx("Методика выявления школ НРО и НСУ") }
            El("p", [("class", "lead")]) {
                Tx("Действует версия \(current.number). Каждое изменение параметров создаёт новую версию; страницы мониторинга указывают, по какой версии посчитаны.")
            }
            El("p") {
                Tx("Правила с примером расчёта для одной школы, смысл интервалов и оценка эффекта программы — в справке: ")
                El("a", [("href", SiteURL.help("metodika").path)]) { Tx("методика выявления НРО и НСУ") }
                Tx(".")
            }
            ParametersTable.render(current.parameters)
            if canEdit {
                El("h2") { Tx("Изменить параметры (создать версию \(current.number + 1))") }
                if let errors { Forms.errorSummary(errors) }
                El("form", [("method", "post"), ("action", SiteURL.methodology.path), ("class", "edit")]) {
                    Forms.csrf(ctx)
                    for f in fields {
                        Forms.field(f.label, name: f.key, value: form[f.key] ?? "", error: errors?[f.key])
                    }
                    Forms.select("Объединять малые группы школы (меньше минимума участников) по виду процедуры в году", name: "poolSmallGroups",
                                 options: [("on", "Да: малая школа тоже оценивается"), ("off", "Нет: малые группы не учитываются")],
                                 selected: form["poolSmallGroups"] ?? "", error: errors?["poolSmallGroups"])
                    Forms.select("С чем сравнивать успеваемость школы (эталон процедуры в году)", name: "referenceScope",
                                 options: ReferenceScope.allCases.map { ($0.rawValue, $0.russian.prefix(1).uppercased() + $0.russian.dropFirst()) },
                                 selected: form["referenceScope"] ?? "", error: errors?["referenceScope"])
                    Forms.field("Основание изменения", name: "comment", value: form["comment"] ?? "", error: errors?["comment"], required: true)
                    El("button", [("type", "submit")]) { Tx("Сохранить новую версию") }
                }
            }
            El("h2") { Tx("Версии") }
            DataTable("История версий методики", headers: ["Версия", "Когда", "Кто", "Основание"], items: versions) { v in
                Cell.number(String(v.number))
                Cell.text(v.createdAt.map(MeasureShowView.dateTime) ?? "")
                Cell.text(v.createdBy)
                Cell.text(v.comment ?? "")
            }
        }
        if errors != nil { response.status = .unprocessableEntity }
        return response
    }
}
