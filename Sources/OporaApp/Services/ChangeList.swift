/// The rows an import adds or replaces: every one counted, the first few kept as lines to show.
/// A country file adds 1.5 million rows; formatting a line for each would cost more than writing them.
struct ChangeList: Sendable, ExpressibleByArrayLiteral {
    static let shownLines = 300

    private(set) var count = 0
    private(set) var lines: [String] = []

    init(arrayLiteral elements: String...) {
        for e in elements { append(e) }
    }

    var isEmpty: Bool { count == 0 }

    /// Counts a row; its line is formatted only while fewer than `shownLines` are kept.
    mutating func append(_ line: @autoclosure () -> String) {
        count += 1
        if lines.count < Self.shownLines { lines.append(line()) }
    }

    /// The kept lines, with the count of the rest, for the audit log and the preview.
    var summary: String {
        let shown = lines.prefix(200).joined(separator: "\n")
        return count > 200 ? shown + "\n…и ещё \(count - 200)" : shown
    }
}
