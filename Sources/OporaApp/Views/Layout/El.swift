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

/// Writes a page built of `El`, `VoidEl`, `Tx` and groups of them straight into one string, the same
/// bytes as Plot's renderer (`HTMLWriterTests` compares them on whole pages). Plot walks the same tree
/// through generic nodes and dynamic casts: it was about half of the CPU time of «Муниципалитеты» at
/// region size (perf). Anything else, such as the charts' raw SVG, is rendered by Plot.
enum HTMLWriter {
    static func html(_ component: Component) -> String {
        var out = ""
        out.reserveCapacity(16_384)
        write(component, into: &out)
        return out
    }

    static func write(_ component: Component, into out: inout String) {
        switch component {
        case let e as El:
            openTag(e.name, e.attributes, into: &out)
            out += ">"
            write(e.content(), into: &out)
            out += "</\(e.name)>"
        case let t as Tx:
            out += HTMLEscape.text(t.text)
        case let g as ComponentGroup:
            for member in g.members { write(member, into: &out) }
        case let v as VoidEl:
            openTag(v.name, v.attributes, into: &out)
            out += "/>"
        case is EmptyComponent:
            break
        case let node as Node<Any>:
            out += node.render()
        default:
            write(component.body, into: &out)
        }
    }

    /// As Plot: an attribute without a value is left out, an empty one is written as its bare name,
    /// and a later attribute of the same name replaces the earlier one in its place.
    private static func openTag(_ name: String, _ attributes: [(String, String?)], into out: inout String) {
        out += "<" + name
        var given: [(name: String, value: String)] = []
        for case let (key, value?) in attributes {
            if let i = given.firstIndex(where: { $0.name == key }) { given[i].value = value } else { given.append((key, value)) }
        }
        for a in given {
            out += a.value.isEmpty ? " " + a.name : " \(a.name)=\"\(HTMLEscape.attribute(a.value))\""
        }
    }
}

/// Escaping by Unicode scalar, so a combining mark after `&` or `<` cannot hide it; a text without
/// any of the characters is returned as it is, without a copy (most texts of a page).
enum HTMLEscape {
    static func attribute(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x22 || $0 == 0x27 || $0 == 0x3C || $0 == 0x3E }) else { return s }
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            switch c {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            default: out.append(c)
            }
        }
        return String(out)
    }

    /// Text escaping for SVG and other strings built by hand. Unlike Plot's own, it escapes every `&`.
    static func text(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E }) else { return s }
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            switch c {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            default: out.append(c)
            }
        }
        return String(out)
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
