/// Validation problems keyed by form field, in Russian, so a form can show each next to its input
/// and an API can return them all at once.
public struct FieldErrors: Error, Sendable, Equatable {
    public private(set) var messages: [String: String] = [:]

    public init() {}

    public var isEmpty: Bool { messages.isEmpty }

    public mutating func add(_ field: String, _ message: String) {
        if messages[field] == nil { messages[field] = message }
    }

    public subscript(field: String) -> String? { messages[field] }

    /// All messages in a stable order, for a summary at the top of a form.
    public var all: [String] { messages.keys.sorted().compactMap { messages[$0] } }
}
