import Foundation

/// A calendar day without time or zone: deadlines and completion dates are days, not instants.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `2025-08-15` (ISO, as stored and as the API speaks) or `15.08.2025` (as Russian users type).
    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        let iso = t.split(separator: "-", omittingEmptySubsequences: false)
        let ru = t.split(separator: ".", omittingEmptySubsequences: false)
        let parts: [Substring]
        let order: (Int, Int, Int)
        if iso.count == 3, iso[0].count == 4 { parts = iso; order = (0, 1, 2) }
        else if ru.count == 3, ru[2].count == 4 { parts = ru; order = (2, 1, 0) }
        else { return nil }
        guard parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) }),
              let y = Int(parts[order.0]), let m = Int(parts[order.1]), let d = Int(parts[order.2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The day of `date` in the given time zone (the municipality's, not the server's).
    public init(_ date: Date, timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        self.year = c.year!
        self.month = c.month!
        self.day = c.day!
    }

    /// `2025-08-15`: the stored and API form.
    public var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }
    /// `15.08.2025`: the form every Russian page shows.
    public var russian: String { String(format: "%02d.%02d.%04d", day, month, year) }
    public var description: String { iso }

    public func adding(days: Int) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: year, month: month, day: day))!
        return Day(calendar.date(byAdding: .day, value: days, to: start)!, timeZone: calendar.timeZone)
    }

    /// Whole days from `earlier` to this day (negative when `earlier` is later).
    public func days(since earlier: Day) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let a = calendar.date(from: DateComponents(year: earlier.year, month: earlier.month, day: earlier.day))!
        let b = calendar.date(from: DateComponents(year: year, month: month, day: day))!
        return calendar.dateComponents([.day], from: a, to: b).day!
    }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let d = Day(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a day: \(text)"))
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}
