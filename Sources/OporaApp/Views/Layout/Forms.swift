import OporaDomain
import Plot

/// A form that was refused, handed back to its page: which one (a page may hold several), what the
/// user typed (so it is kept) and why (shown next to each field). The one way every page gets a
/// refused form back; `Values` is the form's own type where it has one.
struct RefusedForm<Values> {
    var form: String
    var values: Values
    var errors: FieldErrors
}

/// A refused form whose values are the fields as sent.
typealias FailedForm = RefusedForm<[String: String]>

/// The pieces every form is made of: a labelled field with its error, the CSRF token, a select.
enum Forms {
    static func csrf(_ ctx: PageContext) -> Component {
        VoidEl("input", [("type", "hidden"), ("name", CSRF.fieldName), ("value", ctx.csrf)])
    }

    /// A labelled input; an error, when given, is shown under it and tied to it for screen readers.
    static func field(_ label: String, name: String, value: String, type: String = "text",
                      error: String? = nil, hint: String? = nil, required: Bool = false,
                      attributes: [(String, String?)] = [], id: String? = nil) -> Component {
        let id = id ?? "f-\(name)"
        return El("div", [("class", error == nil ? "field" : "field invalid")]) {
            El("label", [("for", id)]) { Tx(label) }
            VoidEl("input", [("type", type), ("id", id), ("name", name), ("value", type == "file" ? nil : value),
                             ("required", required ? "" : nil),
                             ("aria-invalid", error == nil ? nil : "true"),
                             ("aria-describedby", error == nil ? (hint == nil ? nil : "\(id)-hint") : "\(id)-error")] + attributes)
            if let hint { El("small", [("id", "\(id)-hint")]) { Tx(hint) } }
            if let error { El("p", [("class", "error"), ("id", "\(id)-error")]) { Tx(error) } }
        }
    }

    /// A date with the browser's calendar (`type=date`, shown as ДД.ММ.ГГГГ in a Russian browser): the
    /// value goes in as ISO, whichever way it was stored or typed; `range`, when given, bounds the
    /// calendar as the server bounds the value.
    static func date(_ label: String, name: String, value: String, error: String? = nil, hint: String? = nil,
                     required: Bool = false, range: ClosedRange<Day>? = nil, id: String? = nil) -> Component {
        field(label, name: name, value: Day(value)?.iso ?? value, type: "date", error: error, hint: hint, required: required,
              attributes: [("min", range?.lowerBound.iso), ("max", range?.upperBound.iso)], id: id)
    }

    /// A whole number with the browser's number input, bounded as the server bounds it.
    static func count(_ label: String, name: String, value: String, error: String? = nil, hint: String? = nil,
                      required: Bool = false, range: ClosedRange<Int> = 0...1_000_000, id: String? = nil) -> Component {
        field(label, name: name, value: value, type: "number", error: error, hint: hint, required: required,
              attributes: [("min", String(range.lowerBound)), ("max", String(range.upperBound)), ("step", "1")], id: id)
    }

    static func textarea(_ label: String, name: String, value: String, error: String? = nil, id: String? = nil) -> Component {
        let id = id ?? "f-\(name)"
        return El("div", [("class", error == nil ? "field" : "field invalid")]) {
            El("label", [("for", id)]) { Tx(label) }
            El("textarea", [("id", id), ("name", name), ("rows", "3"),
                            ("aria-describedby", error == nil ? nil : "\(id)-error")]) { Tx(value) }
            if let error { El("p", [("class", "error"), ("id", "\(id)-error")]) { Tx(error) } }
        }
    }

    static func select(_ label: String, name: String, options: [(value: String, title: String)],
                       selected: String, error: String? = nil, id: String? = nil) -> Component {
        let id = id ?? "f-\(name)"
        return El("div", [("class", error == nil ? "field" : "field invalid")]) {
            El("label", [("for", id)]) { Tx(label) }
            El("select", [("id", id), ("name", name)]) {
                for option in options {
                    El("option", [("value", option.value), ("selected", option.value == selected ? "" : nil)]) { Tx(option.title) }
                }
            }
            if let error { El("p", [("class", "error"), ("id", "\(id)-error")]) { Tx(error) } }
        }
    }

    /// A notice at the top of a long page that a form further down was refused, with a link to it.
    static func refusedNotice(_ formID: String) -> Component {
        El("p", [("class", "error-summary"), ("role", "alert")]) {
            Tx("Изменения не сохранены. ")
            link("Перейти к форме с ошибками", "#\(formID)")
        }
    }

    /// A summary of every error at the top of a form, so none is missed on a long page.
    static func errorSummary(_ errors: FieldErrors) -> Component {
        El("div", [("class", "error-summary"), ("role", "alert")]) {
            El("p") { Tx("Изменения не сохранены. Исправьте:") }
            El("ul") {
                for message in errors.all { El("li") { Tx(message) } }
            }
        }
    }
}
