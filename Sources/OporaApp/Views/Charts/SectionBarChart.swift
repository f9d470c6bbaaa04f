import OporaDomain
import Plot

/// Completion per section as horizontal bars, drawn as SVG by the app. The same figures are in a
/// table under the chart, which is also the chart's text alternative.
enum SectionBarChart {
    static func svg(_ sections: [SectionProgress]) -> Component {
        let rowHeight = 34
        let labelWidth = 90
        let barWidth = 560
        let height = sections.count * rowHeight + 10
        let summary = sections.map { s in
            "Раздел \(s.number): выполнено \(s.done) из \(s.total)"
        }.joined(separator: "; ")
        var parts = ""
        for (i, s) in sections.enumerated() {
            let y = 5 + i * rowHeight
            let share = s.doneShare ?? 0
            let w = Int((Double(barWidth) * share).rounded())
            let percent = s.doneShare.map { "\(Int(($0 * 100).rounded())) %" } ?? "нет мероприятий"
            parts += "<text x=\"0\" y=\"\(y + 20)\" class=\"lbl\">Раздел \(s.number)</text>"
            parts += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(barWidth)\" height=\"22\" class=\"track\"/>"
            parts += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(w)\" height=\"22\" class=\"bar\"/>"
            parts += "<text x=\"\(labelWidth + barWidth + 8)\" y=\"\(y + 20)\" class=\"val\">\(HTMLEscape.text(percent))</text>"
        }
        let svg = "<svg class=\"chart\" role=\"img\" aria-labelledby=\"chart-title\" viewBox=\"0 0 \(labelWidth + barWidth + 130) \(height)\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title id=\"chart-title\">Доля выполненных мероприятий по разделам. \(HTMLEscape.text(summary))</title>" + parts + "</svg>"
        return Node<Any>.raw(svg)
    }
}
