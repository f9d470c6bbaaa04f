import OporaDomain
import Plot

enum Badges {
    static func status(_ status: MeasureStatus, overdue: Bool) -> Component {
        ComponentGroup {
            El("span", [("class", "badge s-\(status.rawValue)")]) { Tx(status.russian) }
            if overdue { El("span", [("class", "badge overdue")]) { Tx("Просрочено") } }
        }
    }

    static func deadline(_ day: Day?, text: String?) -> String {
        if let day { return "до \(day.russian)" }
        return text ?? "не указан"
    }
}
