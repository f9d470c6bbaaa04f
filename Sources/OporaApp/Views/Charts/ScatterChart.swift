import Foundation
import OporaDomain
import Plot

/// Schools on the plane of social index (x) and composite result (y), coloured by category,
/// numbered beside their points (names are in the list under the chart: they overlap on the plane),
/// with the reference line at 0.
enum ScatterChart {
    struct Point {
        var label: String
        var x: Double
        var y: Double
        var category: SchoolCategory
        /// Drawn small and grey behind the others: a school outside the highlighted municipality.
        var dim = false
    }

    /// With more points than fit numbers beside them (`numbered` false), they go unnumbered, small
    /// and half transparent, so that where many schools lie shows as a darker cloud.
    static func svg(_ points: [Point], title: String, numbered: Bool = true) -> Component {
        let w = 640.0, h = 400.0, left = 60.0, right = 140.0, top = 20.0, bottom = 50.0
        let xs = points.map(\.x), ys = points.map(\.y)
        let xMax = max(2.0, (xs.max() ?? 1) * 1.05)
        let yAbs = max(0.05, (ys.map(abs).max() ?? 0.05) * 1.15)
        func px(_ x: Double) -> Double { left + x / xMax * (w - left - right) }
        func py(_ y: Double) -> Double { top + (yAbs - y) / (2 * yAbs) * (h - top - bottom) }
        var svg = SVG(width: Int(w), height: Int(h), title: title)
        svg.line(left, top, left, h - bottom, cls: "axis")
        svg.line(left, h - bottom, w - right, h - bottom, cls: "axis")
        svg.line(left, py(0), w - right, py(0), cls: "ref")
        svg.text("0 — как в среднем", x: w - right + 4, y: py(0) + 4, cls: "tick")
        // The social index is 1 where a criterion is exactly at its threshold.
        svg.line(px(1), top, px(1), h - bottom, cls: "ref2")
        for t in stride(from: 0.0, through: xMax, by: 0.5) {
            svg.text(Format.number(t), x: px(t), y: h - bottom + 16, cls: "tick", anchor: "middle")
        }
        for t in [-yAbs, -yAbs / 2, 0, yAbs / 2, yAbs] {
            svg.text(Format.points(t).replacingOccurrences(of: " п. п.", with: ""), x: left - 6, y: py(t) + 4, cls: "tick", anchor: "end")
        }
        svg.text("Социальный индекс (1 — на пороге критериев)", x: (left + w - right) / 2, y: h - 12, cls: "axis-label", anchor: "middle")
        svg.text("Сводный результат, п. п.", x: 8, y: top - 6, cls: "axis-label")
        // Dim points first, so the highlighted ones are drawn over them.
        for (_, p) in points.enumerated().sorted(by: { ($0.element.dim ? 0 : 1, $0.offset) < ($1.element.dim ? 0 : 1, $1.offset) }) {
            svg.circle(x: px(p.x), y: py(p.y), r: p.dim ? 3 : numbered ? 6 : 4, cls: p.dim ? "pt dim" : numbered ? "pt c-\(p.category.rawValue)" : "pt dense c-\(p.category.rawValue)",
                       label: "\(p.label): \(p.category.russian), сводный результат \(Format.points(p.y)), социальный индекс \(Format.number(p.x, digits: 2))")
        }
        // The numbers over every point, each on its own white ground: a number drawn over another school's
        // point must stay readable (axe: colour contrast).
        if numbered {
            for (i, p) in points.enumerated() {
                let label = String(i + 1)
                svg.rect(x: px(p.x) + 6, y: py(p.y) - 24, width: Double(label.count) * 12 + 4, height: 22, cls: "pt-label-ground")
                svg.text(label, x: px(p.x) + 8, y: py(p.y) - 6, cls: "pt-label")
            }
        }
        return svg.component
    }
}
