/// How far the measures of one section have come: the figures of the home page's bar chart.
public struct SectionProgress: Sendable, Equatable {
    public var number: Int
    public var title: String
    public var counts: [MeasureStatus: Int]
    public var overdue: Int

    public init(number: Int, title: String, counts: [MeasureStatus: Int], overdue: Int) {
        self.number = number
        self.title = title
        self.counts = counts
        self.overdue = overdue
    }

    /// Cancelled measures are out of the plan, so they are out of the denominator too.
    public var total: Int { counts.filter { $0.key != .cancelled }.values.reduce(0, +) }
    public var done: Int { counts[.done] ?? 0 }
    /// Share of done measures among the ones not cancelled, 0…1; nil when the section has none.
    public var doneShare: Double? { total == 0 ? nil : Double(done) / Double(total) }

    /// Tallies statuses and overdue measures of (section number, status, deadline) rows.
    public static func tally(sections: [(number: Int, title: String)],
                             measures: [(section: Int, status: MeasureStatus, deadline: Day?)],
                             today: Day) -> [SectionProgress] {
        sections.map { section in
            let rows = measures.filter { $0.section == section.number }
            var counts: [MeasureStatus: Int] = [:]
            for row in rows { counts[row.status, default: 0] += 1 }
            let overdue = rows.filter { MeasureTiming.isOverdue(status: $0.status, deadline: $0.deadline, today: today) }.count
            return SectionProgress(number: section.number, title: section.title, counts: counts, overdue: overdue)
        }
    }
}
