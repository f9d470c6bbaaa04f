import Fluent
import Foundation
import OporaDomain
import Vapor

extension PublicView {
    /// What a visitor sees: one municipality's open page, the list of municipalities whose page is
    /// switched on, or why there is nothing to show.
    enum Answer {
        case page(Model)
        case municipalities([(id: UUID, name: String)])
        case nothing(String)
    }

    /// The municipalities whose admin switched their public page on.
    static func publicMunicipalities(on db: any Database) async throws -> [Municipality] {
        try await Municipality.query(on: db).filter(\.$publicPage == true).sort(\.$name).all()
    }

    /// The open page of a municipality (the one asked for, else the only one open): the report of its
    /// active programme for the current year within its period, what participating schools published,
    /// public practices and events. Nothing of a draft, of a municipality whose page is off, or of
    /// another municipality. Nothing personal; counts of people are masked by the view.
    static func query(municipality requested: UUID?, today: Day, cache: MonitoringCache, on db: any Database) async throws -> Answer {
        let open = try await publicMunicipalities(on: db)
        let chosen: Municipality
        if let requested {
            guard let m = open.first(where: { $0.id == requested }) else {
                return .nothing("Открытой страницы этого муниципалитета нет: её не включили или адрес неверен.")
            }
            chosen = m
        } else if open.count == 1 {
            chosen = open[0]
        } else if open.isEmpty {
            return .nothing("Открытых страниц программ пока нет.")
        } else {
            return .municipalities(open.map { ($0.id!, $0.name) })
        }
        guard let programme = try await Programme.query(on: db).filter(\.$municipality.$id == chosen.requireID())
            .filter(\.$status == .active).first() else {
            return .nothing("У муниципалитета «\(chosen.name)» сейчас нет действующей программы.")
        }
        let years = Array(programme.startYear...programme.endYear)
        let year = min(max(today.year, years[0]), years[years.count - 1])
        let report = try await ReportData.make(programme: programme, year: year, today: today, cache: cache, on: db)
        let municipalityID = programme.$municipality.id
        let schools = try await OporaApp.School.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$code).all()
        let names = Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0.shortName) })
        var published: [School] = []
        let participating = try await Participation.schoolIDs(of: programme.requireID(), on: db)
        for s in schools where participating.contains(s.id!) {
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
            report: report, municipalityID: chosen.id!, schools: published,
            practices: practices.map { .init(id: $0.id!, title: $0.title, school: $0.$school.id.flatMap { names[$0] }, level: $0.level) },
            events: events.map { .init(date: Day($0.date) ?? today, kind: EventKind(rawValue: $0.kind) ?? .other, title: $0.title, participants: $0.participants) })
        return .page(model)
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
        var municipalityID: UUID
    }

    static func practice(_ id: UUID, on db: any Database) async throws -> PracticeModel {
        guard let p = try await OporaApp.Practice.find(id, on: db), p.isPublic,
              try await publicMunicipalities(on: db).contains(where: { $0.id == p.$municipality.id }) else {
            throw Abort(.notFound, reason: "Такой практики нет.")
        }
        let school = try await p.$school.id.asyncFlatMap { try await OporaApp.School.find($0, on: db) }
        let files = try await PracticeFile.query(on: db).filter(\.$practice.$id == p.requireID()).all()
        return PracticeModel(title: p.title, school: school?.shortName, description: p.description, results: p.results,
                             evidence: p.evidence, level: p.level, files: files.map { ($0.id!, $0.fileName) },
                             municipalityID: p.$municipality.id)
    }
}
