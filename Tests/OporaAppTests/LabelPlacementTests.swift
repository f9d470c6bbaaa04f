@testable import OporaApp
import Testing

/// A scatter's numbers: each on the chart's white, on no point and on no other number (axe checks the
/// contrast of every number against what lies under it).
@Suite struct LabelPlacementTests {
    typealias Box = LabelPlacement.Box
    let area = Box(x: 0, y: 0, width: 400, height: 300)

    @Test func aLonePointsNumberGoesRightBesideIt() throws {
        // Circle r 6 at (100, 100), «1»: 1 × 7 + 2 = 9 wide, 12 + 2 = 14 high; the first ring is r + 2 = 8
        // from the centre, so the box starts at 100 + 8 = 108 and is centred on y 100.
        let placed = try #require(LabelPlacement.place(["1"], circles: [(100, 100, 6)], area: area)[0])
        #expect(placed.box == Box(x: 108, y: 93, width: 9, height: 14))
        #expect(placed.textX == 109 && placed.baseline == 103.5)
        #expect(!placed.far)
    }

    @Test func aPointAtTheRightEdgeTakesItsLeft() throws {
        // No room right of x 395 in a 400-wide area: the left place, ending 8 before the centre.
        let placed = try #require(LabelPlacement.place(["12"], circles: [(395, 100, 6)], area: area)[0])
        #expect(placed.box == Box(x: 395 - 8 - 16, y: 93, width: 16, height: 14))
    }

    @Test func aDenseClustersNumbersOverlapNothing() {
        // 30 points within 20 px: some numbers go further out (with a leader), the rest are left off.
        let circles: [(x: Double, y: Double, r: Double)] = (0..<30).map { (i: Int) in
            let x: Double = 200 + Double(i % 6) * 4, y: Double = 150 + Double(i / 6) * 4
            return (x, y, 6)
        }
        let labels = circles.indices.map { String($0 + 1) }
        let placed = LabelPlacement.place(labels, circles: circles, area: area)
        let boxes = placed.compactMap { $0?.box }
        #expect(boxes.count >= 8 && boxes.count < 30, "some numbers placed, not all: \(boxes.count)")
        #expect(placed.contains { $0?.far == true })
        for (i, b) in boxes.enumerated() {
            #expect(area.contains(b))
            for c in circles {
                let disc = Box(x: c.x - c.r, y: c.y - c.r, width: 2 * c.r, height: 2 * c.r)
                #expect(!b.overlaps(disc))
            }
            for o in boxes[(i + 1)...] { #expect(!b.overlaps(o)) }
        }
    }
}
