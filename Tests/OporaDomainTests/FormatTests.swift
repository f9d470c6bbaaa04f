import OporaDomain
import Testing

/// One number format for every layer: a decimal comma and the minus sign «−», never ASCII «-».
@Suite struct FormatTests {
    @Test func numbersSharesAndPoints() {
        #expect(Format.number(12) == "12")
        #expect(Format.number(-3) == "−3")
        #expect(Format.number(-2.54) == "−2,5")
        #expect(Format.number(12.345) == "12,3")
        #expect(Format.number(0.5, digits: 2) == "0,50")
        #expect(Format.percent(0.456) == "45,6 %")
        #expect(Format.percent(nil) == "—")
        #expect(Format.points(-0.032) == "−3,2 п. п.")
        #expect(Format.points(0.051) == "+5,1 п. п.")
        #expect(Format.integer(-1_234_567) == "−1\u{00A0}234\u{00A0}567")
        for v in [-0.5, -12.0, -1e6, -3.25] { #expect(!Format.number(v, digits: 2).contains("-"), "\(v)") }
    }
}
