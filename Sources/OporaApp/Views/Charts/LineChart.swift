import Foundation
import OporaDomain
import Plot

/// One procedure over the years: the school's fail share against the reference fail share.
enum LineChart {
    struct Series {
        var name: String
        var cls: String
        var values: [Int: Double]
    }

    static func svg(years: [Int], series: [Series], threshold: Double?, title: String) -> Component {
        let w = 360.0, h = 200.0, left = 44.0, right = 22.0, top = 12.0, bottom = 40.0
        let all = series.flatMap { $0.values.values } + (threshold.map { [$0] } ?? [])
        let yMax = min(1, max(0.1, (all.max() ?? 0.1) * 1.2))
        func px(_ i: Int) -> Double { years.count < 2 ? (left + w - right) / 2 : left + Double(i) / Double(years.count - 1) * (w - left - right) }
        func py(_ v: Double) -> Double { top + (yMax - v) / yMax * (h - top - bottom) }
        var svg = SVG(width: Int(w), height: Int(h), title: title)
        svg.line(left, top, left, h - bottom, cls: "axis")
        svg.line(left, h - bottom, w - right, h - bottom, cls: "axis")
        for t in [0, yMax / 2, yMax] { svg.text(Format.percent(t, digits: 0), x: left - 4, y: py(t) + 4, cls: "tick", anchor: "end") }
        for (i, y) in years.enumerated() { svg.text(String(y), x: px(i), y: h - bottom + 16, cls: "tick", anchor: "middle") }
        if let threshold {
            svg.line(left, py(threshold), w - right, py(threshold), cls: "ref2")
        }
        for s in series {
            let pts = years.enumerated().compactMap { i, y in s.values[y].map { (px(i), py($0)) } }
            svg.polyline(pts, cls: "ln \(s.cls)")
            for (i, y) in years.enumerated() {
                if let v = s.values[y] { svg.circle(x: px(i), y: py(v), r: 3.5, cls: "pt \(s.cls)", label: "\(s.name), \(y): \(Format.percent(v))") }
            }
        }
        var legendX = left
        for s in series {
            svg.line(legendX, h - 10, legendX + 16, h - 10, cls: "ln \(s.cls)")
            svg.text(s.name, x: legendX + 20, y: h - 6, cls: "tick")
            legendX += 20 + Double(s.name.count) * 7 + 16
        }
        return svg.component
    }
}
