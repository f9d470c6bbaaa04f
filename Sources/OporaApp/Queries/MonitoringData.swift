import Fluent
import Foundation
import OporaDomain

/// The rows the methodology reads for one municipality, and its result for a year.
struct MonitoringData: Sendable {
    var schools: [School.Facts]
    var rows: [ResultRow]
    var contexts: [SocialContext]
    var years: [Int]

    static func load(municipalityID: UUID, on db: any Database) async throws -> MonitoringData {
        let schools = try await School.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$code).all()
        let codeByID = Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0.code) })
        let rows = try await ResultRecord.query(on: db).filter(\.$municipality.$id == municipalityID).all().map(\.domain)
        let contexts = try await SocialContextRecord.query(on: db).filter(\.$municipality.$id == municipalityID).all()
            .compactMap { r in codeByID[r.$school.id].map { r.domain(schoolCode: $0) } }
        return MonitoringData(schools: schools.map(\.facts), rows: rows, contexts: contexts,
                              years: Array(Set(rows.map(\.year))).sorted())
    }

    func identify(year: Int, parameters: MethodologyParameters) -> IdentificationResult {
        Identification.run(rows: rows, contexts: contexts, schools: schools.map(\.domain), parameters: parameters, year: year)
    }
}

extension School {
    /// A school as the pages about monitoring need it.
    struct Facts: Sendable, Codable {
        var id: UUID
        var code: String
        var name: String
        var shortName: String
        var distanceKm: Double?
        var participating: Bool

        var domain: SchoolFacts { SchoolFacts(code: code, name: shortName, distanceKm: distanceKm) }
    }

    var facts: Facts {
        Facts(id: id!, code: code, name: name, shortName: shortName, distanceKm: distanceKm, participating: participating)
    }
}
