import Foundation
@testable import OporaApp
import OporaDomain
import Plot
import Testing

/// `HTMLWriter` writes pages without Plot's renderer; Plot, rendering the same components, is its reference.
@Suite struct HTMLWriterTests {
    struct Badge: Component {
        var text: String
        var body: Component { El("span", [("class", "badge")]) { Tx(text) } }
    }

    @Test func writesTheBytesPlotRenders() {
        let tricky = "«Школа № 1» & <script>alert('x')</script> \"кавычки\" a&\u{301}b"
        let tree = El("div", [("id", "main"), ("class", "a"), ("hidden", nil), ("data-x", ""), ("class", "b"), ("title", tricky)]) {
            El("h1") { Tx(tricky) }
            El("p") {}
            VoidEl("input", [("type", "text"), ("name", "q"), ("value", tricky), ("required", ""), ("disabled", nil)])
            for i in 1...3 {
                El("li", [("data-n", String(i))]) { Tx("пункт \(i)") }
            }
            if tricky.isEmpty { Tx("нет") } else { Badge(text: "да") }
            ComponentGroup(members: [])
            EmptyComponent()
            Forms.select("Эталон", name: "referenceScope", options: ReferenceScope.allCases.map { ($0.rawValue, $0.russian) },
                         selected: "region", error: "Выберите эталон из списка.")
            ParametersTable.render(.defaults)
            CategoryBadge.render(.lowResultsAndAdverse)
            SectionBarChart.svg([SectionProgress(number: 1, title: "Раздел <1>", counts: [.done: 2, .planned: 3], overdue: 1)])
        }
        #expect(HTMLWriter.html(tree) == tree.render())
        #expect(HTMLWriter.html(tree).contains(#"class="b""#) && !HTMLWriter.html(tree).contains("<script>"))
    }

    @Test func escapesEveryScalarAndCopiesNothingPlain() {
        #expect(HTMLEscape.text("a&\u{301}<b>") == "a&amp;\u{301}&lt;b&gt;")
        #expect(HTMLEscape.attribute("x\"y'z") == "x&quot;y&#39;z")
        #expect(HTMLEscape.text("Школа № 1") == "Школа № 1")
    }
}
