import Fluent
import Foundation
import OporaDomain
import SQLKit
import Vapor

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
    /// One measure only (never from a query string: `MeasureList.row(of:)`).
    var measure: UUID?

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
    /// One query joining each measure's direction, task and school: the home page, the measures page,
    /// the report, the region's overview and the API all count and list measures from here. Fluent's
    /// models (built by reflection, with their eager loads) were most of the home page's CPU time.
    static func fetch(programmeID: UUID, filter: MeasureFilter, user: CurrentUser, today: Day,
                      on db: any Database) async throws -> MeasureListResult {
        try await fetch(programmeID: programmeID, filter: filter, ownSchool: user.ownSchoolID, today: today, on: db)
    }

    /// Every measure of a programme, for the report (whose reader reads them all).
    static func all(programmeID: UUID, today: Day, on db: any Database) async throws -> [MeasureRow] {
        try await fetch(programmeID: programmeID, filter: MeasureFilter(), ownSchool: nil, today: today, on: db).rows
    }

    /// One measure as the lists show it, once `Scope.measure` has allowed the user to read it.
    static func row(of measure: Measure, today: Day, on db: any Database) async throws -> MeasureRow {
        var filter = MeasureFilter()
        filter.measure = try measure.requireID()
        guard let row = try await fetch(programmeID: measure.$programme.id, filter: filter, ownSchool: nil, today: today, on: db).rows.first else {
            throw Abort(.notFound, reason: "Мероприятие не найдено.")
        }
        return row
    }

    private static func fetch(programmeID: UUID, filter: MeasureFilter, ownSchool: UUID?, today: Day,
                              on db: any Database) async throws -> MeasureListResult {
        var query: SQLQueryString = """
            SELECT m.id, m.section_number, m.year, m.name, m.deadline, m.deadline_text, m.responsible, m.product, m.status,
                   m.level, m.cancel_reason, m.completed_on, m.completed_by, m.completion_comment, m.evidence_link, m.school_id,
                   d.code AS direction_code, d.title AS direction_title, t.text AS task_text, s.short_name AS school_name
            FROM measures m JOIN directions d ON d.id = m.direction_id JOIN year_tasks t ON t.id = m.task_id
            LEFT JOIN schools s ON s.id = m.school_id
            WHERE m.programme_id = \(bind: programmeID)
            """
        if let measure = filter.measure { query += " AND m.id = \(bind: measure)" }
        if let own = ownSchool {
            // A school user sees the municipal plan and the own school's plan, never another school's.
            query += " AND (m.school_id IS NULL OR m.school_id = \(bind: own))"
        }
        if let section = filter.section { query += " AND m.section_number = \(bind: section)" }
        if let year = filter.year { query += " AND m.year = \(bind: year)" }
        switch filter.school {
        case .all: break
        case .municipal: query += " AND m.school_id IS NULL"
        case .school(let id): query += " AND m.school_id = \(bind: id)"
        }
        if !filter.text.isEmpty {
            query += " AND m.search_text LIKE \(bind: "%" + likeEscaped(SearchText.normalise([filter.text])) + "%")"
        }
        query += " ORDER BY m.section_number, m.ordinal"
        let rows = try await (db as! any SQLDatabase).raw(query).all()
        let all = try rows.map { try row($0, programmeID: programmeID, today: today) }.sorted(by: planOrder)
        var counts: [MeasureStatus: Int] = [:]
        for r in all { counts[r.status, default: 0] += 1 }
        let overdue = all.filter { $0.overdue }.count
        let shown = all.filter { r in
            (filter.status == nil || r.status == filter.status) && (!filter.overdueOnly || r.overdue)
        }
        return MeasureListResult(rows: shown, counts: counts, overdue: overdue, total: all.count)
    }

    static func row(_ r: any SQLRow, programmeID: UUID, today: Day) throws -> MeasureRow {
        func text(_ column: String) throws -> String? { try r.decode(column: column, as: String?.self) }
        let status = MeasureStatus(rawValue: try r.decode(column: "status", as: String.self)) ?? .planned
        let deadline = try text("deadline").flatMap(Day.init)
        return MeasureRow(
            id: try r.decode(column: "id", as: UUID.self), programmeID: programmeID, sectionNumber: try r.decode(column: "section_number", as: Int.self),
            directionCode: try r.decode(column: "direction_code", as: String.self),
            directionTitle: try r.decode(column: "direction_title", as: String.self), taskText: try r.decode(column: "task_text", as: String.self),
            year: try r.decode(column: "year", as: Int.self), name: try r.decode(column: "name", as: String.self), deadline: deadline,
            deadlineText: try text("deadline_text"), responsible: try text("responsible"), product: try text("product"), status: status,
            overdue: MeasureTiming.isOverdue(status: status, deadline: deadline, today: today),
            cancelReason: try text("cancel_reason"), completedOn: try text("completed_on").flatMap(Day.init),
            completedBy: try text("completed_by"), completionComment: try text("completion_comment"), evidenceLink: try text("evidence_link"),
            schoolID: try r.decode(column: "school_id", as: UUID?.self), schoolName: try text("school_name"),
            level: MeasureLevel(rawValue: try r.decode(column: "level", as: String.self)) ?? .both)
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
