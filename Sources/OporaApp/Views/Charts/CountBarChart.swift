import Plot

/// Counts as horizontal bars, each under its label, drawn as SVG. The page shows the same figures in
/// a table, which is also the chart's text alternative.
enum CountBarChart {
    static func svg(title: String, _ bars: [(label: String, count: Int, shown: String)]) -> Component {
        let rowHeight = 46
        let barWidth = 440
        let top = max(bars.map(\.count).max() ?? 0, 1)
        var svg = SVG(width: barWidth + 240, height: bars.count * rowHeight + 10,
                      title: title + ". " + bars.map { "\($0.label): \($0.shown)" }.joined(separator: "; "))
        for (i, b) in bars.enumerated() {
            let y = Double(i * rowHeight) + 4
            // Long labels are shortened so that they fit a phone's width; the title and the table have them whole.
            svg.text(b.label.count > 44 ? String(b.label.prefix(42)).trimmingCharacters(in: .whitespaces) + "…" : b.label, x: 0, y: y + 18, cls: "lbl")
            svg.parts.append("<rect x=\"0\" y=\"\(SVG.n(y + 22))\" width=\"\(barWidth)\" height=\"18\" class=\"track\"/>")
            let w = Double(barWidth) * Double(b.count) / Double(top)
            svg.parts.append("<rect x=\"0\" y=\"\(SVG.n(y + 22))\" width=\"\(SVG.n(w))\" height=\"18\" class=\"bar\"/>")
            svg.text(b.shown, x: Double(barWidth + 8), y: y + 36, cls: "val")
        }
        return svg.component
    }
}
