import Plot
import OporaDomain

/// Every table of data in Opora: a caption (what the table shows, read first by screen readers), a
/// header row of column titles, one row per item, and a horizontal scroll on narrow screens. The
/// rows are the page's own; the frame, markup and styles are the same everywhere.
struct DataTable<Item>: Component {
    let caption: String
    let headers: [String]
    let items: [Item]
    let attributes: [(String, String?)]
    let scrolls: Bool
    let rowAttributes: (Item) -> [(String, String?)]
    let row: (Item) -> ComponentGroup

    /// `classes` are added to `data` (e.g. «measures»); `id` names the table for links; a table
    /// inside a form or a wider frame may be built without its own scroll. With no `headers` the
    /// table has no header row: a list of named values, each row's `Cell.head` naming its value.
    /// `rowAttributes` gives a row its own attributes: an `id` to link to, a class such as
    /// «is-overdue» (a nil value leaves the attribute out).
    init(_ caption: String, headers: [String], items: [Item], classes: String? = nil, id: String? = nil, scrolls: Bool = true,
         rowAttributes: @escaping (Item) -> [(String, String?)] = { _ in [] },
         @ComponentBuilder row: @escaping (Item) -> ComponentGroup) {
        self.caption = caption
        self.headers = headers
        self.items = items
        self.attributes = [("class", (["data"] + (headers.isEmpty ? [] : ["cards"]) + (classes.map { [$0] } ?? [])).joined(separator: " ")), ("id", id)]
        self.scrolls = scrolls
        self.rowAttributes = rowAttributes
        self.row = row
    }

    var body: Component {
        let table = El("table", attributes) {
            El("caption") { Tx(caption) }
            if !headers.isEmpty {
                El("thead") { El("tr") { for h in headers { El("th", [("scope", "col")]) { Tx(h) } } } }
            }
            El("tbody") {
                for item in items {
                    El("tr", rowAttributes(item)) { headers.isEmpty ? row(item) : Self.labelled(row(item), headers) }
                }
            }
        }
        return scrolls ? El("div", [("class", "scroll")]) { table } : table
    }

    /// Each data cell named by its column's header (`data-label`), so that on a phone, where every row
    /// becomes a card, each value says what it is. A cell that names itself keeps its own name; a cell
    /// spanning columns takes the first one's.
    static func labelled(_ cells: ComponentGroup, _ headers: [String]) -> ComponentGroup {
        var column = 0
        func flat(_ c: Component) -> [Component] { (c as? ComponentGroup).map { $0.members.flatMap(flat) } ?? [c] }
        return ComponentGroup(members: flat(cells).map { c in
            guard let cell = c as? El, cell.name == "td" || cell.name == "th" else { return c }
            defer { column += cell.attributes.first { $0.0 == "colspan" }?.1.flatMap { Int($0) } ?? 1 }
            guard cell.name == "td", column < headers.count, !cell.attributes.contains(where: { $0.0 == "data-label" }) else { return c }
            return El("td", cell.attributes + [("data-label", headers[column])], content: cell.content)
        })
    }
}

/// The cells a `DataTable` row is made of.
enum Cell {
    /// The cell that names the row (its school, measure, person): a row header for screen readers.
    static func head(@ComponentBuilder _ content: @escaping El.ContentProvider) -> Component {
        El("th", [("scope", "row")], content: content)
    }

    static func head(_ text: String) -> Component { head { Tx(text) } }

    static func text(_ text: String) -> Component { El("td") { Tx(text) } }

    /// A number, aligned right in tabular figures.
    static func number(_ text: String) -> Component { number { Tx(text) } }

    /// A number with more than text in it (a link to where it comes from).
    static func number(@ComponentBuilder _ content: @escaping El.ContentProvider) -> Component {
        El("td", [("class", "num")], content: content)
    }

    /// A composite in п. п. with its 90 % interval under it (rule 10), «≈ эталону» when the interval holds 0.
    static func composite(_ value: Double?, _ interval: Interval?) -> Component {
        number {
            Tx(Format.points(value))
            if let interval, value != nil {
                VoidEl("br", [])
                El("small", [("class", "muted")]) {
                    Tx(RussianNumberFormat.pointsInterval(interval) + (interval.contains(0) ? ", ≈ эталону" : ""))
                }
            }
        }
    }

    static func of(_ attributes: [(String, String?)] = [], @ComponentBuilder _ content: @escaping El.ContentProvider) -> Component {
        El("td", attributes, content: content)
    }
}
