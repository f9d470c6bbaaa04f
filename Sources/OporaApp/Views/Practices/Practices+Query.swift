import Fluent
import Foundation
import OporaDomain
import Vapor

extension PracticesView {
    /// What every practices page offers to choose from: the plan's directions, the risk factors and
    /// the schools of the user's municipality.
    struct Lists {
        var directions: [(code: String, title: String)]
        var factors: [RiskFactor]
        var schools: [(value: String, title: String)]
        var municipalityID: UUID
    }

    static func lists(user: CurrentUser, on db: any Database) async throws -> Lists {
        let programme = try await Scope.currentProgramme(for: user, on: db)
        let municipalityID = programme.$municipality.id
        let directions = try await Direction.query(on: db).filter(\.$programme.$id == programme.requireID()).sort(\.$ordinal).all()
        let schools = try await School.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$code).all()
        return Lists(directions: directions.map { ($0.code, $0.title) }, factors: try await RiskFactorList.load(municipalityID: municipalityID, on: db),
                     schools: schools.map { ($0.id!.uuidString, $0.shortName) }, municipalityID: municipalityID)
    }

    /// The search page: the practices that match the filter, and the schools still to describe one.
    static func query(_ filter: Practices.Filter, user: CurrentUser, cache: MonitoringCache, on db: any Database) async throws -> (Model, Lists) {
        let l = try await lists(user: user, on: db)
        let found = try await Practices.find(filter, municipalityIDs: [l.municipalityID], publicOnly: false, on: db)
        let names = Dictionary(uniqueKeysWithValues: l.schools.map { ($0.value, $0.title) })
        let model = Model(
            filter: filter, items: found.map { .init(id: $0.id!, title: $0.title, school: $0.$school.id.flatMap { names[$0.uuidString] },
                                                     authors: user.access.seesNames ? $0.authors : "авторы не показываются",
                                                     directions: $0.directionCodes, factors: $0.factorKeys, level: $0.level, isPublic: $0.isPublic) },
            directions: l.directions, factors: l.factors, schools: l.schools,
            toDescribe: user.access.canManagePeopleWork ? try await Practices.schoolsToDescribe(municipalityID: l.municipalityID, cache: cache, on: db) : [],
            canCreate: user.access.canWrite)
        return (model, l)
    }

    /// A practice of the user's municipalities, or 404.
    static func readable(_ id: UUID, user: CurrentUser, on db: any Database) async throws -> Practice {
        guard let p = try await Practice.find(id, on: db),
              try await Scope.municipalityIDs(for: user, on: db).contains(p.$municipality.id) else {
            throw Abort(.notFound, reason: "Такой практики нет.")
        }
        return p
    }

    /// One practice as its form shows it.
    static func detail(_ p: Practice, user: CurrentUser, schools: [(value: String, title: String)], on db: any Database) async throws -> Detail {
        let files = try await PracticeFile.query(on: db).filter(\.$practice.$id == p.requireID()).all()
        var values = ["title": p.title, "authors": p.authors, "description": p.description, "results": p.results, "evidence": p.evidence,
                      "evidence_level": p.evidenceLevel, "school": p.$school.id?.uuidString ?? "", "is_public": p.isPublic ? "да" : ""]
        if !user.access.seesNames { values["authors"] = "не показываются наблюдателю" }
        values["school_name"] = p.$school.id.flatMap { id in schools.first { $0.value == id.uuidString }?.title } ?? "муниципальная практика"
        return .init(id: p.id, values: values, directions: p.directionCodes, factors: p.factorKeys,
                     files: files.map { ($0.id!, $0.fileName, $0.size) }, canEdit: Practices.canEdit(user, schoolID: p.$school.id))
    }

    /// A practice's file: inside the municipality always; for anyone else only of a public practice.
    static func file(_ id: UUID, user: CurrentUser?, on db: any Database) async throws -> (PracticeFile, FileBlob) {
        guard let f = try await PracticeFile.query(on: db).filter(\.$id == id).with(\.$practice).first() else {
            throw Abort(.notFound, reason: "Такого файла нет.")
        }
        let inside = try await user.asyncFlatMap { try await Scope.municipalityIDs(for: $0, on: db) }?.contains(f.practice.$municipality.id) ?? false
        guard inside || f.practice.isPublic, let blob = try await FileBlob.find(f.id, on: db) else {
            throw Abort(.notFound, reason: "Такого файла нет.")
        }
        return (f, blob)
    }
}
