/// Where each point's number goes on a scatter: beside its point, on no point and on no other number,
/// so that every number is readable on the white of the chart. Greedy, in the points' order: each
/// number takes the nearest free place on rings around its point; one that finds none is left off
/// (the list under the chart still names the school, and the point its title).
enum LabelPlacement {
    struct Box: Equatable {
        var x: Double, y: Double, width: Double, height: Double
        func overlaps(_ o: Box) -> Bool {
            x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height
        }
        func contains(_ o: Box) -> Bool {
            o.x >= x && o.y >= y && o.x + o.width <= x + width && o.y + o.height <= y + height
        }
    }

    /// A number's place: its box and the baseline point its text is drawn at; `far` when a leader line
    /// is needed to tell which point it belongs to.
    struct Placed: Equatable {
        var box: Box
        var textX: Double, baseline: Double
        var far: Bool
    }

    static let fontSize = 12.0
    static let digitWidth = 7.0

    /// `circles`: every point's centre and radius (the numbered ones first, in their order);
    /// `labels[i]` belongs to `circles[i]`; `area`: where numbers may go.
    static func place(_ labels: [String], circles: [(x: Double, y: Double, r: Double)], area: Box) -> [Placed?] {
        let obstacles = circles.map { c in Box(x: c.x - c.r - 1, y: c.y - c.r - 1, width: 2 * c.r + 2, height: 2 * c.r + 2) }
        var taken: [Box] = []
        return labels.enumerated().map { i, label in
            let c = circles[i]
            let w = Double(label.count) * digitWidth + 2, h = fontSize + 2
            for ring in [2.0, 10, 22] {
                let d = c.r + ring
                // Right, left, above, below, then the diagonals: the places a reader looks first.
                let centres = [(d + w / 2, 0.0), (-d - w / 2, 0), (0, -d - h / 2), (0, d + h / 2),
                               (d + w / 2, -d), (-d - w / 2, -d), (d + w / 2, d), (-d - w / 2, d)]
                for (dx, dy) in centres {
                    let box = Box(x: c.x + dx - w / 2, y: c.y + dy - h / 2, width: w, height: h)
                    guard area.contains(box), !obstacles.contains(where: box.overlaps), !taken.contains(where: box.overlaps) else { continue }
                    taken.append(box)
                    return Placed(box: box, textX: box.x + 1, baseline: box.y + h - 3.5, far: ring > 2)
                }
            }
            return nil
        }
    }
}
