import Foundation

/// Numbers as a Russian page writes them: a decimal comma, a real minus sign, a space before «%».
/// Built by hand rather than with a locale, so the text does not depend on the server's locale data.
public enum RussianNumberFormat {
    /// `0.3` → «0,30» with `2...4`; `10` → «10» with `0...4`; rounds to the upper bound, keeps at least the lower.
    public static func decimal(_ x: Double, fractionDigits: ClosedRange<Int>) -> String {
        var text = String(format: "%.\(fractionDigits.upperBound)f", x)
        if let dot = text.firstIndex(of: ".") {
            var shown = text.distance(from: dot, to: text.endIndex) - 1
            while shown > fractionDigits.lowerBound, text.last == "0" {
                text.removeLast()
                shown -= 1
            }
            if shown == 0 { text.removeLast() }
        }
        if text.hasPrefix("-") {
            text.removeFirst()
            if text.contains(where: { $0 != "0" && $0 != "." }) { text = "−" + text }
        }
        return String(decoding: text.utf8.map { $0 == UInt8(ascii: ".") ? UInt8(ascii: ",") : $0 }, as: UTF8.self)
    }

    /// `0.45` → «45 %», `0.3333` → «33,3 %».
    public static func percent(_ share: Double) -> String {
        decimal(share * 100, fractionDigits: 0...1) + " %"
    }

    /// A difference of shares in percentage points: `0.046` → «4,6 п. п.».
    public static func points(_ share: Double) -> String {
        decimal(abs(share) * 100, fractionDigits: 0...1) + " п. п."
    }

    /// A 90 % interval of a share: «от 16,4 до 64,7 %».
    public static func shareInterval(_ i: Interval) -> String {
        "от \(decimal(i.low * 100, fractionDigits: 0...1)) до \(percent(i.high))"
    }

    /// A 90 % interval of a difference: «от −3 до +0,6 п. п.».
    public static func pointsInterval(_ i: Interval) -> String {
        "от \(Format.points(i.low).dropLast(6)) до \(Format.points(i.high))"
    }

    /// With an explicit sign: «+0,150», «−0,046», «0,000».
    public static func signed(_ x: Double, fractionDigits: Int) -> String {
        let text = decimal(x, fractionDigits: fractionDigits...fractionDigits)
        return x > 0 && text.contains(where: { $0 != "0" && $0 != "," }) ? "+" + text : text
    }

    /// 100000 → «100 000», −5 → «−5»
    public static func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append("\u{00A0}") }
            out.append(ch)
        }
        return value < 0 ? "−" + out : out
    }
}
