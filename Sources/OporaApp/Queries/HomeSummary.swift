import Fluent
import Foundation
import OporaDomain

/// The figures of the home page: completion per section, what is overdue, what is due soon.
struct HomeSummary: Sendable {
    var programmeName: String
    var scopeTitle: String
    var sections: [SectionProgress]
    var overdue: [MeasureRow]
    var dueSoon: [MeasureRow]
    /// Measures not cancelled: the denominator of «выполнено … из …».
    var total: Int
    var done: Int
    /// Every measure in scope, cancelled ones too: the «Всего» of the measures page, the report and the API.
    var all: Int
    var cancelled: Int

    /// A school user sees the own school's plan; everyone else the whole programme.
    static func fetch(_ programme: Programme, user: CurrentUser, today: Day, on db: any Database) async throws -> HomeSummary {
        let programmeID = try programme.requireID()
        var filter = MeasureFilter()
        var scopeTitle = "все мероприятия программы: муниципальный план и планы школ"
        if let school = user.ownSchoolID {
            filter.school = .school(school)
            let name = try await School.find(school, on: db)?.shortName ?? "школа"
            scopeTitle = "план школы «\(name)»"
        }
        let list = try await MeasureList.fetch(programmeID: programmeID, filter: filter, user: user, today: today, on: db)
        let sections = try await ProgrammeSection.query(on: db).filter(\.$programme.$id == programmeID).sort(\.$number).all()
        let progress = SectionProgress.tally(
            sections: sections.map { ($0.number, $0.title) },
            measures: list.rows.map { ($0.sectionNumber, $0.status, $0.deadline) }, today: today)
        let dueSoon = list.rows.filter { MeasureTiming.isDueSoon(status: $0.status, deadline: $0.deadline, today: today) }
            .sorted { $0.deadline! < $1.deadline! }
        let overdue = list.rows.filter(\.overdue).sorted { $0.deadline! < $1.deadline! }
        return HomeSummary(programmeName: programme.name, scopeTitle: scopeTitle, sections: progress,
                           overdue: overdue, dueSoon: dueSoon,
                           total: list.total - (list.counts[.cancelled] ?? 0), done: list.counts[.done] ?? 0,
                           all: list.total, cancelled: list.counts[.cancelled] ?? 0)
    }
}
