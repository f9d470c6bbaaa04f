import OporaDomain

/// The demo's calendar: every date of the demo is a year of the built-in programme plus an offset, so
/// the demo follows the template's data file and no source file names the seed's years.
enum DemoCalendar {
    /// The built-in programme's years.
    static let programme: ClosedRange<Int> = {
        guard let template = try? ProgrammeTemplate.balagansky() else {
            fatalError("The built-in programme template is missing from the bundle or invalid.")
        }
        return template.passport.years
    }()

    /// The programme's first year plus `offset`: `year(0)` is its first year, `year(-1)` the one before it.
    static func year(_ offset: Int) -> Int { programme.lowerBound + offset }

    /// A day of the year `year(offset)`.
    static func day(_ offset: Int, _ month: Int, _ day: Int) -> Day {
        guard let d = Day(year: year(offset), month: month, day: day) else { fatalError("No such demo day: \(offset) \(month) \(day)") }
        return d
    }
}
