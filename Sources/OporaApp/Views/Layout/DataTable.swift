import Plot

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
        self.attributes = [("class", classes.map { "data \($0)" } ?? "data"), ("id", id)]
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
            El("tbody") { for item in items { El("tr", rowAttributes(item)) { row(item) } } }
        }
        return scrolls ? El("div", [("class", "scroll")]) { table } : table
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

    static func of(_ attributes: [(String, String?)] = [], @ComponentBuilder _ content: @escaping El.ContentProvider) -> Component {
        El("td", attributes, content: content)
    }
}
