import Fluent
import OporaDomain
import Vapor

/// The open pages: no login, nothing personal, only what schools and methodists chose to publish.
enum PublicController {
    static func index(_ req: Request) async throws -> Response {
        let programmes = try await Programme.query(on: req.db).sort(\.$startYear).sort(\.$name).all()
        guard let first = programmes.first else { throw Abort(.notFound, reason: "Программ пока нет.") }
        let requested = (try? req.query.get(String.self, at: "programme")).flatMap(UUID.init(uuidString:))
        let programme = programmes.first { $0.id == requested } ?? first
        let years = Array(programme.startYear...programme.endYear)
        let year = req.chosenYear(nil, in: years)
        let report = try await ReportData.make(programme: programme, year: year, today: req.today, cache: req.application.monitoringCache, on: req.db)
        let municipalityID = programme.$municipality.id
        let schools = try await School.query(on: req.db).filter(\.$municipality.$id == municipalityID).sort(\.$code).all()
        let names = Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0.shortName) })
        var published: [PublicView.School] = []
        for s in schools where s.participating {
            // The latest year the school published anything.
            let items = try await ResourceItem.query(on: req.db).filter(\.$school.$id == s.id!).filter(\.$isPublic == true).sort(\.$year, .descending).all()
            let latest = items.first?.year
            let shown = items.filter { $0.year == latest }
            let describe = { (r: ResourceItem) in r.item + (r.note.isEmpty ? "" : " (\(r.note))") }
            published.append(.init(name: s.shortName, available: shown.filter(\.available).map(describe), missing: shown.filter { !$0.available }.map(describe)))
        }
        let practices = try await Practices.find(.init(), municipalityIDs: [municipalityID], publicOnly: true, on: req.db)
        let events = try await NetworkEvent.query(on: req.db).filter(\.$municipality.$id == municipalityID).filter(\.$isPublic == true)
            .sort(\.$date, .descending).range(..<50).all()
        let model = PublicView.Model(
            report: report, programmes: programmes.map { ($0.id!, $0.name) }, programmeID: programme.id!, schools: published,
            practices: practices.map { .init(id: $0.id!, title: $0.title, school: $0.$school.id.flatMap { names[$0] }, level: $0.level) },
            events: events.map { .init(date: Day($0.date) ?? req.today, kind: EventKind(rawValue: $0.kind) ?? .other, title: $0.title, participants: $0.participants) })
        return PublicView.render(try await PageContext.make(req), model)
    }

    static func practice(_ req: Request) async throws -> Response {
        guard let p = try await Practice.find(try req.uuidParameter("practiceID"), on: req.db), p.isPublic else {
            throw Abort(.notFound, reason: "Такой практики нет.")
        }
        let school = try await p.$school.id.asyncFlatMap { try await School.find($0, on: req.db) }
        let files = try await PracticeFile.query(on: req.db).filter(\.$practice.$id == p.id!).all()
        return PublicView.practice(try await PageContext.make(req), title: p.title, school: school?.shortName, description: p.description,
                                   results: p.results, evidence: p.evidence, level: p.level, files: files.map { ($0.id!, $0.fileName) })
    }
}
