import Fluent
import Foundation
import OporaDomain

/// The filters of the measures table, as the page's form and the API send them.
struct MeasureFilter: Sendable, Equatable {
    enum SchoolScope: Sendable, Equatable {
        case all
        case municipal
        case school(UUID)
    }

    var section: Int?
    var year: Int?
    var school: SchoolScope = .all
    var status: MeasureStatus?
    var overdueOnly = false
    var text = ""

    /// Reads the query string; unknown values are ignored rather than refused, as a search page should.
    init(section: String? = nil, year: String? = nil, school: String? = nil, status: String? = nil,
         overdue: String? = nil, q: String? = nil) {
        self.section = section.flatMap { Int($0) }
        self.year = year.flatMap { Int($0) }
        switch school ?? "" {
        case "municipal": self.school = .municipal
        case let s: self.school = UUID(uuidString: s).map(SchoolScope.school) ?? .all
        }
        self.status = status.flatMap(MeasureStatus.init(rawValue:))
        self.overdueOnly = overdue == "1" || overdue == "true"
        self.text = (q ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    var schoolValue: String {
        switch school {
        case .all: return ""
        case .municipal: return "municipal"
        case .school(let id): return id.uuidString
        }
    }
}

struct MeasureRow: Sendable, Codable {
    var id: UUID
    var programmeID: UUID
    var sectionNumber: Int
    var directionCode: String
    var directionTitle: String
    var taskText: String
    var year: Int
    var name: String
    var deadline: Day?
    var deadlineText: String?
    var responsible: String?
    var product: String?
    var status: MeasureStatus
    var overdue: Bool
    var cancelReason: String?
    var completedOn: Day?
    var completedBy: String?
    var completionComment: String?
    var evidenceLink: String?
    var schoolID: UUID?
    var schoolName: String?
    var level: MeasureLevel
}

struct MeasureListResult: Sendable {
    var rows: [MeasureRow]
    /// Counts per status of the rows that pass every filter but the status filter.
    var counts: [MeasureStatus: Int]
    var overdue: Int
    var total: Int
}

enum MeasureList {
    static func fetch(programmeID: UUID, filter: MeasureFilter, user: CurrentUser, today: Day,
                      on db: any Database) async throws -> MeasureListResult {
        let query = Measure.query(on: db).filter(\.$programme.$id == programmeID)
            .with(\.$direction).with(\.$task).with(\.$school)
        if let own = user.ownSchoolID {
            // A school user sees the municipal plan and the own school's plan, never another school's.
            query.group(.or) { $0.filter(\.$school.$id == nil).filter(\.$school.$id == own) }
        }
        if let section = filter.section { query.filter(\.$sectionNumber == section) }
        if let year = filter.year { query.filter(\.$year == year) }
        switch filter.school {
        case .all: break
        case .municipal: query.filter(\.$school.$id == nil)
        case .school(let id): query.filter(\.$school.$id == id)
        }
        if !filter.text.isEmpty {
            query.filter(\.$searchText, .custom("LIKE"), "%" + likeEscaped(SearchText.normalise([filter.text])) + "%")
        }
        let measures = try await query.sort(\.$sectionNumber).sort(\.$ordinal).all()
        let all = measures.map { row($0, today: today) }
            .sorted(by: planOrder)
        var counts: [MeasureStatus: Int] = [:]
        for r in all { counts[r.status, default: 0] += 1 }
        let overdue = all.filter { $0.overdue }.count
        let rows = all.filter { r in
            (filter.status == nil || r.status == filter.status) && (!filter.overdueOnly || r.overdue)
        }
        return MeasureListResult(rows: rows, counts: counts, overdue: overdue, total: all.count)
    }

    static func row(_ m: Measure, today: Day) -> MeasureRow {
        MeasureRow(
            id: m.id!, programmeID: m.$programme.id, sectionNumber: m.sectionNumber,
            directionCode: m.direction.code, directionTitle: m.direction.title, taskText: m.task.text,
            year: m.year, name: m.name, deadline: m.deadlineDay, deadlineText: m.deadlineText,
            responsible: m.responsible, product: m.product, status: m.status,
            overdue: MeasureTiming.isOverdue(status: m.status, deadline: m.deadlineDay, today: today),
            cancelReason: m.cancelReason, completedOn: m.completedOn.flatMap(Day.init),
            completedBy: m.completedBy, completionComment: m.completionComment, evidenceLink: m.evidenceLink,
            schoolID: m.$school.id, schoolName: m.school?.shortName, level: m.level)
    }

    /// Section, then direction ("1.10" after "1.9"), then the municipal plan before the schools' plans.
    static func planOrder(_ a: MeasureRow, _ b: MeasureRow) -> Bool {
        if a.sectionNumber != b.sectionNumber { return a.sectionNumber < b.sectionNumber }
        let ca = codeKey(a.directionCode), cb = codeKey(b.directionCode)
        if ca != cb { return ca.lexicographicallyPrecedes(cb) }
        return (a.schoolName ?? "") < (b.schoolName ?? "")
    }

    static func codeKey(_ code: String) -> [Int] { code.split(separator: ".").compactMap { Int($0) } }

    /// LIKE treats % and _ as wildcards; a user searching for "100%" means the character.
    static func likeEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "")
    }
}
