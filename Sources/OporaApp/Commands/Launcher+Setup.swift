import Fluent
import Foundation
import OporaDomain
import Vapor

/// `opora setup`: a new municipality with a draft programme made from the built-in template for its
/// own name and the three years from this one, on any database, for a real deployment (the demo
/// makes its own). Then `opora user add` and `opora import schools`.
extension Launcher {
    public static func setup(_ app: Application, region regionName: String, municipality municipalityName: String,
                             timeZone: String? = nil) async throws -> String {
        if let timeZone, TimeZone(identifier: timeZone) == nil { throw CommandError.problem("--time-zone: no time zone \(timeZone) (e.g. Asia/Yakutsk)") }
        let thisYear = app.opora.today(in: timeZone.flatMap(TimeZone.init(identifier:))).year
        let regionTitle = regionName.trimmingCharacters(in: .whitespacesAndNewlines)
        let title = municipalityName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !regionTitle.isEmpty, !title.isEmpty else { throw CommandError.problem("name the region and the municipality") }
        if try await Municipality.query(on: app.db).filter(\.$name == title).count() > 0 {
            throw CommandError.problem("the municipality «\(title)» already exists")
        }
        let template = try ProgrammeTemplate.balagansky().adapted(to: title, years: thisYear...(thisYear + 2))
        let programmeID: UUID = try await app.db.transaction { db in
            let region = try await Region.query(on: db).filter(\.$name == regionTitle).first() ?? Region(name: regionTitle)
            if region.id == nil { try await region.create(on: db) }
            let municipality = Municipality(regionID: try region.requireID(), name: title, isDemo: false)
            municipality.timeZone = timeZone
            try await municipality.create(on: db)
            let id = try await ProgrammeInstaller.install(template, municipalityID: try municipality.requireID(), status: .draft, on: db)
            try await Audit.record(db, user: nil, action: "municipality.setup", entityType: "municipality", entityID: municipality.id,
                                   municipalityID: municipality.id, summary: "Муниципалитет «\(title)» с черновиком программы на \(thisYear)–\(thisYear + 2) годы из встроенного шаблона",
                                   after: ["Регион": regionTitle, "Муниципалитет": title])
            return id
        }
        let measures = try await Measure.query(on: app.db).filter(\.$programme.$id == programmeID).count()
        return "Municipality «\(title)» (\(regionTitle)) is ready with a draft programme for \(thisYear)–\(thisYear + 2) from the built-in template: \(measures) measures "
            + "(change its years or start another on the «Программы» page). "
            + "Next: opora user add --role admin --municipality \"\(title)\" …, then opora import schools FILE."
    }

    /// `opora time-zone`: a municipality's own time zone (what «today» is for its users and its
    /// reminders), or none (the deployment's `OPORA_TIME_ZONE`).
    public static func setTimeZone(_ app: Application, municipality name: String, zone: String?) async throws -> String {
        guard let municipality = try await Municipality.query(on: app.db).filter(\.$name == name).first() else {
            throw CommandError.problem("no municipality named \(name)")
        }
        if let zone, TimeZone(identifier: zone) == nil { throw CommandError.problem("no time zone \(zone) (e.g. Asia/Yakutsk)") }
        let before = municipality.timeZone
        try await app.db.transaction { db in
            municipality.timeZone = zone
            try await municipality.save(on: db)
            try await Audit.record(db, user: nil, action: "municipality.timeZone", entityType: "municipality", entityID: municipality.id,
                                   municipalityID: municipality.id, summary: "Часовой пояс муниципалитета «\(name)»: \(zone ?? "как у сервера")",
                                   before: ["Часовой пояс": before ?? "как у сервера"], after: ["Часовой пояс": zone ?? "как у сервера"])
        }
        let today = app.opora.today(in: zone.flatMap(TimeZone.init(identifier:)))
        return "«\(name)» counts its days in \(zone ?? "the deployment's time zone (\(AppConfig.municipalTimeZone.identifier))"): today there is \(today.russian)."
    }
}
