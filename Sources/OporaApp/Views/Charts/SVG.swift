import Foundation
import Plot

/// The small SVG toolkit every chart is drawn with: escaped text, rounded coordinates, axes.
struct SVG {
    var width: Int
    var height: Int
    var title: String
    var parts: [String] = []

    init(width: Int, height: Int, title: String) {
        self.width = width
        self.height = height
        self.title = title
    }

    static func n(_ v: Double) -> String { String(format: "%.1f", v) }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, cls: String) {
        parts.append("<line x1=\"\(SVG.n(x1))\" y1=\"\(SVG.n(y1))\" x2=\"\(SVG.n(x2))\" y2=\"\(SVG.n(y2))\" class=\"\(cls)\"/>")
    }

    mutating func text(_ s: String, x: Double, y: Double, cls: String, anchor: String = "start") {
        parts.append("<text x=\"\(SVG.n(x))\" y=\"\(SVG.n(y))\" class=\"\(cls)\" text-anchor=\"\(anchor)\">\(HTMLEscape.text(s))</text>")
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, cls: String) {
        parts.append("<rect x=\"\(SVG.n(x))\" y=\"\(SVG.n(y))\" width=\"\(SVG.n(width))\" height=\"\(SVG.n(height))\" class=\"\(cls)\"/>")
    }

    mutating func circle(x: Double, y: Double, r: Double, cls: String, label: String) {
        parts.append("<circle cx=\"\(SVG.n(x))\" cy=\"\(SVG.n(y))\" r=\"\(SVG.n(r))\" class=\"\(cls)\"><title>\(HTMLEscape.text(label))</title></circle>")
    }

    mutating func polyline(_ points: [(Double, Double)], cls: String) {
        guard points.count > 1 else { return }
        parts.append("<polyline points=\"\(points.map { "\(SVG.n($0.0)),\(SVG.n($0.1))" }.joined(separator: " "))\" class=\"\(cls)\"/>")
    }

    var component: Component {
        let id = "t" + String(UInt32(truncatingIfNeeded: title.hashValue), radix: 16)
        return Node<Any>.raw("<svg class=\"chart\" role=\"img\" aria-labelledby=\"\(id)\" viewBox=\"0 0 \(width) \(height)\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"\(id)\">\(HTMLEscape.text(title))</title>"
                             + parts.joined() + "</svg>")
    }
}
