import OporaDomain
import Plot

extension MeasureShowView {
    /// What the measure is (name, product, who carries it out) and its deletion: municipal staff, on
    /// the municipal plan of an open programme. The school plans' copies follow the description.
    static func describeForm(_ ctx: PageContext, _ r: MeasureRow, failed: FailedForm?) -> Component {
        let values = failed?.form == "describe" ? failed!.values : ["name": r.name, "product": r.product ?? "", "level": r.level.rawValue]
        let errors = failed?.errors
        return El("section", [("aria-labelledby", "h-describe")]) {
            El("h2", [("id", "h-describe")]) { Tx("Описание мероприятия") }
            El("p", [("class", "muted")]) { Tx("Меняет мероприятие муниципального плана и его копии в планах школ; работа школ по нему сохраняется.") }
            if let errors { Forms.errorSummary(errors) }
            El("form", [("method", "post"), ("action", SiteURL.measureDescribe(.value(r.id)).path), ("class", "edit"), ("id", "form-describe")]) {
                Forms.csrf(ctx)
                Forms.textarea("Наименование мероприятия", name: "name", value: values["name"] ?? "", error: failed?.form == "describe" ? errors?["name"] : nil)
                Forms.textarea("Продукт / результат", name: "product", value: values["product"] ?? "", error: failed?.form == "describe" ? errors?["product"] : nil)
                Forms.select("Кто выполняет", name: "level", options: MeasureLevel.allCases.map { ($0.rawValue, $0.russian) },
                             selected: values["level"] ?? r.level.rawValue, error: failed?.form == "describe" ? errors?["level"] : nil)
                El("button", [("type", "submit")]) { Tx("Сохранить описание") }
            }
            El("form", [("method", "post"), ("action", SiteURL.measureDelete(.value(r.id)).path), ("class", "inline")]) {
                Forms.csrf(ctx)
                El("button", [("type", "submit"), ("class", "secondary")]) { Tx("Удалить мероприятие") }
                El("span", [("class", "muted")]) { Tx(" Удаляется только мероприятие, по которому ещё ничего не отмечено; иначе отмените его с причиной.") }
            }
        }
    }
}
