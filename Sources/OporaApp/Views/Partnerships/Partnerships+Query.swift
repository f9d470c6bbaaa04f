import Fluent
import Foundation
import OporaDomain

extension PartnershipsView {
    /// The municipality's partnerships (a school user: its own), with their events, and partners
    /// suggested for НРО schools from the latest monitoring (not for school users).
    static func query(programme: Programme, user: CurrentUser, cache: MonitoringCache, on db: any Database) async throws -> Model {
        let municipalityID = programme.$municipality.id
        let schools = try await School.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$code).all()
        let names = Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0.shortName) })
        var query = Partnership.query(on: db).filter(\.$municipality.$id == municipalityID)
        if let own = user.ownSchoolID {
            query = query.group(.or) { $0.filter(\.$school.$id == own).filter(\.$partnerSchool.$id == own) }
        }
        let events = try await NetworkEvent.query(on: db).filter(\.$municipality.$id == municipalityID).filter(\.$partnership.$id != nil).sort(\.$date).all()
        let rows = try await query.all().map { p in
            Row(id: p.id!, hasFile: p.fileID != nil,
                                 events: events.filter { $0.$partnership.id == p.id }.map { "\(Day($0.date)?.russian ?? $0.date): \($0.title)" },
                                 school: names[p.$school.id] ?? "", partner: p.$partnerSchool.id.flatMap { names[$0] } ?? p.partnerName ?? "",
                                 kind: PartnerKind(rawValue: p.partnerKind) ?? .other,
                                 agreement: [p.agreementNumber.map { "№ \($0)" }, p.agreementDate.flatMap(Day.init).map { "от \($0.russian)" }, p.term]
                                     .compactMap { $0 }.joined(separator: " "),
                                 subject: p.subject)
        }.sorted { ($0.school, $0.partner) < ($1.school, $1.partner) }
        let data = try await cache.data(municipalityID: municipalityID, on: db)
        var suggestions: [(String, [PartnerSuggestion])] = []
        // Which schools are НРО and their composites are monitoring results: not for school users.
        if user.access.readsWholeMunicipality,
           let all = try await cache.identifiedLatest(municipalityID: municipalityID, on: db)?.result.schools {
            for a in all where a.lowResults { suggestions.append((a.schoolName, PartnerSuggestions.suggest(for: a, among: all))) }
        }
        return Model(rows: rows, suggestions: suggestions, monitoringYear: data.years.last,
                                      schools: schools.map { ($0.id!.uuidString, $0.shortName) }, canEdit: user.access.canManagePeopleWork)
    }
}
