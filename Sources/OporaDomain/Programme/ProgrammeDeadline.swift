import Foundation

/// A measure's deadline as a programme writes it: «До 15.08.2025», «август 2025», «в течение года»,
/// «2025-2027». The text is kept as written; a day is read only when a whole date is written.
public struct ProgrammeDeadline: Sendable, Equatable {
    /// The last whole date written (the end of «с 01.09.2025 по 15.09.2025»).
    public var day: Day?
    /// The years it names, as a span: «2025-2027» → 2025…2027; empty when it names none.
    public var years: [Int]
    /// A date written that no calendar has («31.02.2025»).
    public var impossibleDate: String?

    public init(_ text: String) {
        // Runs of digits and what stands between them: «до 15.08.2025» → 15 «.» 08 «.» 2025.
        var runs: [(digits: String, separatorBefore: String)] = []
        var digits = ""
        var separator = ""
        for c in text {
            if c.isASCII && c.isNumber {
                digits.append(c)
            } else {
                if !digits.isEmpty { runs.append((digits, separator)); digits = ""; separator = "" }
                separator.append(c)
            }
        }
        if !digits.isEmpty { runs.append((digits, separator)) }
        var day: Day?
        var impossible: String?
        var found: [Int] = []
        var i = 0
        while i < runs.count {
            if i + 2 < runs.count, (1...2).contains(runs[i].digits.count), (1...2).contains(runs[i + 1].digits.count), runs[i + 2].digits.count == 4,
               runs[i + 1].separatorBefore == ".", runs[i + 2].separatorBefore == ".",
               let d = Int(runs[i].digits), let m = Int(runs[i + 1].digits), let y = Int(runs[i + 2].digits) {
                if let date = Day(year: y, month: m, day: d) { day = date } else { impossible = "\(runs[i].digits).\(runs[i + 1].digits).\(runs[i + 2].digits)" }
                found.append(y)
                i += 3
                continue
            }
            if runs[i].digits.count == 4, let y = Int(runs[i].digits), (1900...2200).contains(y) { found.append(y) }
            i += 1
        }
        self.day = day
        self.impossibleDate = impossible
        if let low = found.min(), let high = found.max() { years = Array(low...high) } else { years = [] }
    }

    /// The measure's year: its date's, else the row's year when the deadline's span holds it, else the
    /// span's first year; without any year written, the row's year.
    public func year(rowYear: Int) -> Int {
        if let day { return day.year }
        if years.isEmpty || years.contains(rowYear) { return rowYear }
        return years[0]
    }
}
