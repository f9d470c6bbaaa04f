import Fluent
import Foundation
import OporaDomain
import Vapor

extension PublicView {
    /// The open page of a programme (the one asked for, else the first): its report for the current
    /// year within its period, what participating schools published, public practices and events.
    /// Nothing personal; counts of people are masked by the view.
    static func query(requested: UUID?, today: Day, cache: MonitoringCache, on db: any Database) async throws -> Model {
        let programmes = try await Programme.query(on: db).sort(\.$startYear).sort(\.$name).all()
        guard let first = programmes.first else { throw Abort(.notFound, reason: "Программ пока нет.") }
        let programme = programmes.first { $0.id == requested } ?? first
        let years = Array(programme.startYear...programme.endYear)
        let year = min(max(today.year, years[0]), years[years.count - 1])
        let report = try await ReportData.make(programme: programme, year: year, today: today, cache: cache, on: db)
        let municipalityID = programme.$municipality.id
        let schools = try await OporaApp.School.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$code).all()
        let names = Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0.shortName) })
        var published: [School] = []
        for s in schools where s.participating {
            // The latest year the school published anything.
            let items = try await ResourceItem.query(on: db).filter(\.$school.$id == s.id!).filter(\.$isPublic == true).sort(\.$year, .descending).all()
            let latest = items.first?.year
            let shown = items.filter { $0.year == latest }
            let describe = { (r: ResourceItem) in r.item + (r.note.isEmpty ? "" : " (\(r.note))") }
            published.append(.init(name: s.shortName, available: shown.filter(\.available).map(describe), missing: shown.filter { !$0.available }.map(describe)))
        }
        let practices = try await Practices.find(.init(), municipalityIDs: [municipalityID], publicOnly: true, on: db)
        let events = try await NetworkEvent.query(on: db).filter(\.$municipality.$id == municipalityID).filter(\.$isPublic == true)
            .sort(\.$date, .descending).range(..<50).all()
        let model = Model(
            report: report, programmes: programmes.map { ($0.id!, $0.name) }, programmeID: programme.id!, schools: published,
            practices: practices.map { .init(id: $0.id!, title: $0.title, school: $0.$school.id.flatMap { names[$0] }, level: $0.level) },
            events: events.map { .init(date: Day($0.date) ?? today, kind: EventKind(rawValue: $0.kind) ?? .other, title: $0.title, participants: $0.participants) })
        return model
    }

    /// A practice its authors chose to publish; anything else is «not found».
    struct PracticeModel {
        var title: String
        var school: String?
        var description: String
        var results: String
        var evidence: String
        var level: EvidenceLevel
        var files: [(id: UUID, name: String)]
    }

    static func practice(_ id: UUID, on db: any Database) async throws -> PracticeModel {
        guard let p = try await OporaApp.Practice.find(id, on: db), p.isPublic else { throw Abort(.notFound, reason: "Такой практики нет.") }
        let school = try await p.$school.id.asyncFlatMap { try await OporaApp.School.find($0, on: db) }
        let files = try await PracticeFile.query(on: db).filter(\.$practice.$id == p.requireID()).all()
        return PracticeModel(title: p.title, school: school?.shortName, description: p.description, results: p.results,
                             evidence: p.evidence, level: p.level, files: files.map { ($0.id!, $0.fileName) })
    }
}
