import Foundation
import OporaDomain
import Plot

/// The programme's effect drawn: above, the mean composite of the participating schools and of their
/// matches, year by year, the baseline year marked; below, each programme year's effect with its 90 %
/// interval as a whisker around the line of no effect.
enum EffectChart {
    static func svg(_ e: ProgrammeEffect, title: String) -> Component {
        let w = 640.0, left = 60.0, right = 90.0, top = 24.0, panel = 150.0, gap = 76.0, bottom = 40.0
        let h = top + panel + gap + panel + bottom
        let years = e.trajectories.map(\.year)
        func px(_ y: Int) -> Double {
            guard let i = years.firstIndex(of: y), years.count > 1 else { return (left + w - right) / 2 }
            return left + Double(i) / Double(years.count - 1) * (w - left - right)
        }
        var svg = SVG(width: Int(w), height: Int(h), title: title)

        // Upper panel: the two trajectories.
        let values: [Double] = e.trajectories.flatMap { p -> [Double] in [p.participating, p.matched].compactMap { $0 } } + [0]
        let (lo, hi) = padded(values.min() ?? -0.05, values.max() ?? 0.05)
        func py(_ v: Double) -> Double { top + (hi - v) / (hi - lo) * panel }
        axes(&svg, left: left, right: w - right, top: top, bottom: top + panel, ticks: [lo, (lo + hi) / 2, hi], py: py)
        svg.line(left, py(0), w - right, py(0), cls: "ref")
        svg.line(px(e.baseline), top, px(e.baseline), top + panel, cls: "ref2")
        svg.text("базовый \(e.baseline)", x: px(e.baseline) + 4, y: top + 12, cls: "tick")
        svg.text("Сводный результат в среднем, п. п.", x: 8, y: top - 8, cls: "axis-label")
        for (name, cls, pick) in [("школы программы", "s-school", \ProgrammeEffect.Point.participating),
                                   ("похожие школы", "s-ref", \ProgrammeEffect.Point.matched)] {
            let pts = e.trajectories.compactMap { p in p[keyPath: pick].map { (px(p.year), py($0)) } }
            svg.polyline(pts, cls: "ln \(cls)")
            for p in e.trajectories { if let v = p[keyPath: pick] { svg.circle(x: px(p.year), y: py(v), r: 3.5, cls: "pt \(cls)", label: "\(name), \(p.year): \(Format.points(v))") } }
        }
        svg.line(left, top + panel + 30, left + 16, top + panel + 30, cls: "ln s-school")
        svg.text("школы программы", x: left + 20, y: top + panel + 34, cls: "tick")
        svg.line(left + 170, top + panel + 30, left + 186, top + panel + 30, cls: "ln s-ref")
        svg.text("похожие школы (по \(e.settings.neighbours) на каждую)", x: left + 190, y: top + panel + 34, cls: "tick")

        // Lower panel: the effect of each programme year with its interval.
        let top2 = top + panel + gap
        let bounds: [Double] = e.years.flatMap { y -> [Double] in [y.effect, y.interval?.low, y.interval?.high].compactMap { $0 } } + [0]
        let (lo2, hi2) = padded(bounds.min() ?? -0.05, bounds.max() ?? 0.05)
        func qy(_ v: Double) -> Double { top2 + (hi2 - v) / (hi2 - lo2) * panel }
        axes(&svg, left: left, right: w - right, top: top2, bottom: top2 + panel, ticks: [lo2, 0, hi2], py: qy)
        svg.line(left, qy(0), w - right, qy(0), cls: "ref")
        svg.text("Эффект, п. п. (0 — нет эффекта)", x: 8, y: top2 - 8, cls: "axis-label")
        for y in e.years {
            guard let effect = y.effect else { continue }
            if let i = y.interval { svg.line(px(y.year), qy(i.high), px(y.year), qy(i.low), cls: "whisker") }
            svg.circle(x: px(y.year), y: qy(effect), r: 4.5, cls: "pt s-school",
                       label: "\(y.year): эффект \(Format.points(effect))" + (y.interval.map { ", интервал \(RussianNumberFormat.pointsInterval($0))" } ?? ""))
        }
        for y in years { svg.text(String(y), x: px(y), y: h - bottom + 16, cls: "tick", anchor: "middle") }
        return svg.component
    }

    private static func padded(_ lo: Double, _ hi: Double) -> (Double, Double) {
        let span = max(hi - lo, 0.02)
        return (lo - span * 0.1, hi + span * 0.1)
    }

    private static func axes(_ svg: inout SVG, left: Double, right: Double, top: Double, bottom: Double, ticks: [Double], py: (Double) -> Double) {
        svg.line(left, top, left, bottom, cls: "axis")
        svg.line(left, bottom, right, bottom, cls: "axis")
        for t in ticks { svg.text(Format.points(t).replacingOccurrences(of: " п. п.", with: ""), x: left - 6, y: py(t) + 4, cls: "tick", anchor: "end") }
    }
}
