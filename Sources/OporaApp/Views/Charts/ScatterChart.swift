import Foundation
import OporaDomain
import Plot

/// Schools on the plane of social index (x) and composite result (y), coloured by category,
/// numbered beside their points where a number finds a free place (names are in the list under the
/// chart: they overlap on the plane), with the reference line at 0.
enum ScatterChart {
    struct Point {
        var label: String
        var x: Double
        var y: Double
        var category: SchoolCategory
        /// Drawn small and grey behind the others: a school outside the highlighted municipality.
        var dim = false
        /// The composite's 90 % interval (rule 10), drawn as a whisker through the point.
        var interval: Interval? = nil
    }

    static let size = (w: 640.0, h: 400.0, left: 60.0, right: 140.0, top: 20.0, bottom: 50.0)

    /// The numbers (1-based) that found a free place beside their points; the others are only in the list.
    static func numbersShown(_ points: [Point]) -> Set<Int> {
        let (px, py, area, _, _) = scale(points)
        return Set(numberPlaces(points, px: px, py: py, area: area).enumerated().compactMap { $0.element == nil ? nil : $0.offset + 1 })
    }

    private static func numberPlaces(_ points: [Point], px: (Double) -> Double, py: (Double) -> Double, area: LabelPlacement.Box) -> [LabelPlacement.Placed?] {
        LabelPlacement.place(points.indices.map { String($0 + 1) }, circles: points.map { (px($0.x), py($0.y), 6.0) }, area: area)
    }

    /// The axes' reach (x from 0 to `xMax`, y from −`yAbs` to `yAbs`), the plane's coordinates and the plot area.
    private static func scale(_ points: [Point]) -> (px: (Double) -> Double, py: (Double) -> Double, area: LabelPlacement.Box, xMax: Double, yAbs: Double) {
        let s = size
        let xMax = max(2.0, (points.map(\.x).max() ?? 1) * 1.05)
        let reach = points.flatMap { p in [abs(p.y)] + (p.interval.map { [abs($0.low), abs($0.high)] } ?? []) }
        let yAbs = max(0.05, (reach.max() ?? 0.05) * 1.15)
        return ({ s.left + $0 / xMax * (s.w - s.left - s.right) },
                { s.top + (yAbs - $0) / (2 * yAbs) * (s.h - s.top - s.bottom) },
                .init(x: s.left, y: s.top, width: s.w - s.left - s.right, height: s.h - s.top - s.bottom), xMax, yAbs)
    }

    /// With more points than fit numbers beside them (`numbered` false), they go unnumbered, small
    /// and half transparent, so that where many schools lie shows as a darker cloud.
    static func svg(_ points: [Point], title: String, numbered: Bool = true) -> Component {
        let (w, h, left, right, top, bottom) = size
        let (px, py, area, xMax, yAbs) = scale(points)
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
        // Whiskers under the points: how far each composite could be from where it is drawn.
        for p in points where !p.dim {
            if let i = p.interval { svg.line(px(p.x), py(i.high), px(p.x), py(i.low), cls: "whisker") }
        }
        // Dim points first, so the highlighted ones are drawn over them.
        for (_, p) in points.enumerated().sorted(by: { ($0.element.dim ? 0 : 1, $0.offset) < ($1.element.dim ? 0 : 1, $1.offset) }) {
            svg.circle(x: px(p.x), y: py(p.y), r: p.dim ? 3 : numbered ? 6 : 4, cls: p.dim ? "pt dim" : numbered ? "pt c-\(p.category.rawValue)" : "pt dense c-\(p.category.rawValue)",
                       label: "\(p.label): \(p.category.russian), сводный результат \(Format.points(p.y)), социальный индекс \(Format.number(p.x, digits: 2))")
        }
        if numbered {
            let placed = numberPlaces(points, px: px, py: py, area: area)
            for (i, p) in points.enumerated() {
                guard let place = placed[i] else { continue }
                if place.far {
                    let (cx, cy) = (px(p.x), py(p.y))
                    let tx = min(max(cx, place.box.x), place.box.x + place.box.width), ty = min(max(cy, place.box.y), place.box.y + place.box.height)
                    let len = max(((tx - cx) * (tx - cx) + (ty - cy) * (ty - cy)).squareRoot(), 1)
                    svg.line(cx + (tx - cx) / len * 6, cy + (ty - cy) / len * 6, tx, ty, cls: "pt-leader")
                }
                svg.text(String(i + 1), x: place.textX, y: place.baseline, cls: "pt-label")
            }
        }
        return svg.component
    }
}
