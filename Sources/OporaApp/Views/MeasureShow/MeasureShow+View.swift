import Foundation
import OporaDomain
import Plot
import Vapor

enum MeasureShowView {
    static func render(_ ctx: PageContext, _ model: MeasureShowModel, failed: RefusedForm<MeasureChange>?,
                       described: FailedForm? = nil) -> Response {
        let response = Layout.page(model.row.name, ctx) {
            content(ctx, model, failed: failed)
            if model.canDescribe { describeForm(ctx, model.row, failed: described) }
        }
        if failed != nil || described != nil { response.status = .unprocessableEntity }
        return response
    }

    /// The page's HTML without the layout; `ctx` gives the form its token.
    static func content(_ ctx: PageContext, _ model: MeasureShowModel, failed: RefusedForm<MeasureChange>?) -> Component {
        let r = model.row
        let form = failed?.values ?? MeasureChange(r)
        let errors = failed?.errors
        return ComponentGroup {
            El("p", [("class", "crumbs")]) { link("← Все мероприятия", SiteURL.measures.path) }
            El("h1") { Tx(r.name) }
            if errors != nil {
                El("p", [("class", "error-summary"), ("role", "alert")]) {
                    Tx("Изменения не сохранены: ")
                    link("исправьте поля формы", "#h-edit")
                    Tx(".")
                }
            }
            El("dl", [("class", "facts")]) {
                fact("План", r.schoolName.map { "План школы: \($0)" } ?? "Муниципальный план")
                fact("Раздел", String(r.sectionNumber))
                fact("Целевое направление", "\(r.directionCode) \(r.directionTitle)")
                fact("Задача", r.taskText)
                fact("Год", String(r.year))
                fact("Сроки", r.deadline?.russian ?? r.deadlineText ?? "не указаны")
                fact("Ответственные", r.responsible ?? "не указаны")
                fact("Продукт / результат", r.product ?? "не указан")
                if r.schoolID == nil { fact("Кто выполняет", r.level.russian) }
                El("dt") { Tx("Отметка о выполнении") }
                El("dd") {
                    Badges.status(r.status, overdue: r.overdue)
                    if let on = r.completedOn { Tx(" \(on.russian), выполнил(а): \(r.completedBy ?? "")") }
                    if let reason = r.cancelReason { Tx(" Причина: \(reason)") }
                    if let comment = r.completionComment { El("p") { Tx(comment) } }
                }
            }
            El("section", [("aria-labelledby", "h-evidence")]) {
                El("h2", [("id", "h-evidence")]) { Tx("Подтверждения") }
                if model.evidence.isEmpty && r.evidenceLink == nil {
                    El("p") { Tx("Подтверждений пока нет.") }
                } else {
                    El("ul") {
                        if let url = r.evidenceLink {
                            El("li") { Tx("Ссылка: "); link(url, url, [("rel", "noopener noreferrer nofollow")]) }
                        }
                        for e in model.evidence {
                            El("li") {
                                link(e.fileName, SiteURL.evidenceFile(.value(e.id)).path)
                                Tx(" — \(sizeText(e.size)), загрузил(а) \(e.uploadedBy)" + (e.uploadedAt.map { ", \(Day($0, timeZone: AppConfig.municipalTimeZone).russian)" } ?? ""))
                                if model.canEdit {
                                    Tx(" ")
                                    El("form", [("method", "post"), ("action", SiteURL.evidenceDelete(.value(e.id)).path), ("class", "inline")]) {
                                        Forms.csrf(ctx)
                                        El("button", [("type", "submit"), ("class", "secondary small"), ("aria-label", "Удалить файл «\(e.fileName)»")]) { Tx("Удалить") }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if model.canEdit {
                editForm(ctx, r, form: form, errors: errors)
            } else {
                El("p", [("class", "muted")]) { Tx("Менять это мероприятие вы не можете: только просматривать.") }
            }
            El("section", [("aria-labelledby", "h-history")]) {
                El("h2", [("id", "h-history")]) { Tx("История изменений") }
                if model.history.isEmpty {
                    El("p") { Tx("Изменений не было.") }
                } else {
                    El("ol", [("class", "history")]) {
                        for h in model.history {
                            El("li") {
                                El("p") { Tx((h.at.map(dateTime) ?? "") + " — " + h.who) }
                                El("ul") {
                                    for c in h.changes {
                                        El("li") { Tx("\(c.field): «\(c.before.isEmpty ? "—" : c.before)» → «\(c.after.isEmpty ? "—" : c.after)»") }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func editForm(_ ctx: PageContext, _ r: MeasureRow, form: MeasureChange, errors: FieldErrors?) -> Component {
        El("section", [("aria-labelledby", "h-edit")]) {
            El("h2", [("id", "h-edit")]) { Tx("Изменить") }
            if let errors { Forms.errorSummary(errors) }
            El("form", [("method", "post"), ("action", SiteURL.measure(.value(r.id)).path), ("enctype", "multipart/form-data"), ("class", "edit")]) {
                Forms.csrf(ctx)
                Forms.select("Состояние", name: "status",
                             options: ([r.status] + r.status.next).map { ($0.rawValue, $0.russian) },
                             selected: form.status.rawValue, error: errors?["status"])
                Forms.field("Ответственные (человек или организация)", name: "responsible", value: form.responsible, error: errors?["responsible"])
                Forms.date("Сроки", name: "deadline", value: form.deadline, error: errors?["deadline"])
                El("fieldset") {
                    El("legend") { Tx("Для отметки «Выполнено»") }
                    Forms.date("Дата выполнения", name: "completedOn", value: form.completedOn, error: errors?["completedOn"])
                    Forms.field("Кто выполнил", name: "completedBy", value: form.completedBy, error: errors?["completedBy"])
                    Forms.field("Файл-подтверждение", name: "evidenceFile", value: "", type: "file",
                                error: errors?["evidenceFile"] ?? errors?["evidence"],
                                hint: "PDF, DOC, DOCX, XLS, XLSX, ODT, ODS, JPG или PNG, не больше 20 МБ",
                                attributes: [("accept", ".pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.jpg,.jpeg,.png")])
                    Forms.field("или ссылка на подтверждение", name: "evidenceLink", value: form.evidenceLink, type: "url",
                                error: errors?["evidenceLink"], hint: "Адрес начинается с https:// или http://, как в строке браузера, например https://school.example.ru/news/12")
                }
                Forms.textarea("Комментарий", name: "comment", value: form.comment, error: errors?["comment"])
                Forms.field("Причина отмены (для «Отменено»)", name: "cancelReason", value: form.cancelReason, error: errors?["cancelReason"])
                El("button", [("type", "submit")]) { Tx("Сохранить") }
            }
        }
    }

    static func fact(_ term: String, _ value: String) -> Component {
        ComponentGroup {
            El("dt") { Tx(term) }
            El("dd") { Tx(value) }
        }
    }

    static func sizeText(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) Б" }
        if bytes < 1024 * 1024 { return "\(bytes / 1024) КБ" }
        return String(format: "%.1f МБ", Double(bytes) / 1048576).replacingOccurrences(of: ".", with: ",")
    }

    static func dateTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = AppConfig.municipalTimeZone
        let c = calendar.dateComponents([.hour, .minute], from: date)
        return Day(date, timeZone: AppConfig.municipalTimeZone).russian + String(format: " %02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }
}
