import Plot

/// Any HTML element, with attribute values escaped. Plot escapes text but writes attribute values
/// as given, so every attribute in Opora's pages goes through here.
struct El: Component {
    let name: String
    let attributes: [(String, String?)]
    let content: ContentProvider

    init(_ name: String, _ attributes: [(String, String?)] = [],
         @ComponentBuilder content: @escaping ContentProvider = { ComponentGroup(members: []) }) {
        self.name = name
        self.attributes = attributes
        self.content = content
    }

    var body: Component {
        var nodes: [Node<Any>] = attributes.compactMap { key, value in
            value.map { Node<Any>.attribute(named: key, value: HTMLEscape.attribute($0), ignoreIfValueIsEmpty: false) }
        }
        nodes.append(.component(content()))
        return Node<Any>.element(named: name, nodes: nodes)
    }
}

/// Void elements (`input`, `meta`, `link`, `br`) have no content and no closing tag.
struct VoidEl: Component {
    let name: String
    let attributes: [(String, String?)]

    init(_ name: String, _ attributes: [(String, String?)]) {
        self.name = name
        self.attributes = attributes
    }

    var body: Component {
        Node<Any>.selfClosedElement(named: name, attributes: attributes.compactMap { key, value in
            value.map { Attribute<Any>(name: key, value: HTMLEscape.attribute($0), ignoreIfValueIsEmpty: false) }
        })
    }
}

enum HTMLEscape {
    static func attribute(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(c)
            }
        }
        return out
    }

    /// Text escaping for SVG and other strings built by hand. Unlike Plot's own, it escapes every `&`.
    static func text(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(c)
            }
        }
        return out
    }
}

/// Text with every `&` escaped (Plot's `Text` leaves entity-like sequences alone, so a user who
/// types `&lt;` would see `<`).
struct Tx: Component {
    let text: String
    init(_ text: String) { self.text = text }
    var body: Component { Node<Any>.raw(HTMLEscape.text(text)) }
}

/// A link with an escaped address.
func link(_ title: String, _ href: String, _ attributes: [(String, String?)] = []) -> Component {
    El("a", [("href", href)] + attributes) { Tx(title) }
}
