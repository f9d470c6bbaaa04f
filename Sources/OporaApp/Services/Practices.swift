import Fluent
import Foundation
import OporaDomain
import Vapor

/// The municipal database of successful practices: saving one with its search index and files,
/// and finding them by any word form, direction, risk factor and school.
enum Practices {
    struct Filter: Sendable {
        var text = ""
        var direction = ""
        var factor = ""
        var school: UUID?
    }

    /// The practices of a municipality that match; `publicOnly` for the public pages.
    /// Word forms are matched by stems in SQL (the same `LIKE` on SQLite and PostgreSQL):
    /// every query stem must begin a stem of the practice's text.
    static func find(_ f: Filter, municipalityIDs: [UUID], publicOnly: Bool, on db: any Database) async throws -> [Practice] {
        let q = Practice.query(on: db).filter(\.$municipality.$id ~~ municipalityIDs)
        if publicOnly { q.filter(\.$isPublic == true) }
        if let school = f.school { q.filter(\.$school.$id == school) }
        for term in SearchIndex.terms(f.text) { q.filter(\.$searchIndex ~~ " \(term)") }
        return try await q.sort(\.$title).all().filter { p in
            (f.direction.isEmpty || p.directionCodes.contains(f.direction)) && (f.factor.isEmpty || p.factorKeys.contains(f.factor))
        }
    }

    /// Who may change a practice: admin and methodists any, a school user the school's own.
    static func canEdit(_ user: CurrentUser, schoolID: UUID?) -> Bool {
        user.access.canManagePeopleWork || (schoolID != nil && schoolID == user.ownSchoolID)
    }

    static func save(_ values: [String: String], directions: [String], factors: [String], file: MeasureUpdate.UploadedFile?, practice existing: Practice?,
                     municipalityID: UUID, user: CurrentUser, today: Day, on db: any Database) async throws -> Result<Practice, FieldErrors> {
        var errors = FieldErrors()
        let t = { PeopleWork.text(values, $0) }
        let title = PeopleWork.requiredText(values, "title", "Назовите практику.", &errors, max: 300)
        let authors = PeopleWork.requiredText(values, "authors", "Укажите авторов.", &errors, max: 500)
        let description = PeopleWork.requiredText(values, "description", "Опишите практику: что делается, кем, для кого.", &errors, max: 10_000)
        let results = PeopleWork.requiredText(values, "results", "Опишите результаты.", &errors, max: 5000)
        let evidence = t("evidence")
        let level = EvidenceLevel(rawValue: t("evidence_level"))
        if level == nil { errors.add("evidence_level", "Выберите уровень доказанности.") }
        var schoolID: UUID?
        if let own = user.ownSchoolID { schoolID = own } else if !t("school").isEmpty {
            let school = try await UUID(uuidString: t("school")).asyncFlatMap { try await School.find($0, on: db) }
            if school?.$municipality.id != municipalityID { errors.add("school", "Выберите школу из списка.") }
            schoolID = school?.id
        }
        let factorList = try await RiskFactorList.load(municipalityID: municipalityID, on: db).map(\.key)
        let chosenFactors = factorList.filter { factors.contains($0) }
        if directions.isEmpty && chosenFactors.isEmpty { errors.add("directions", "Отметьте хотя бы одно направление плана или фактор риска.") }
        var fileType: EvidenceFileType?
        if let file {
            switch EvidenceFileType.detect(fileName: file.fileName, bytes: file.bytes) {
            case .success(let type): fileType = type
            case .failure(let problem): errors.add("file", problem.russian)
            }
        }
        guard errors.isEmpty, let level else { return .failure(errors) }
        if let existing, !canEdit(user, schoolID: existing.$school.id) {
            throw Abort(.forbidden, reason: "Практику школы меняют сама школа, методисты и управление образования.")
        }
        let index = SearchIndex.document([title, authors, description, results, evidence].joined(separator: " "))
        let isPublic = values["is_public"] != nil
        let chosenSchool = schoolID, detectedType = fileType
        return .success(try await db.transaction { db in
            let p = existing ?? Practice()
            let before = existing.map(describe)
            p.$municipality.id = municipalityID
            p.$school.id = chosenSchool
            p.title = title
            p.authors = authors
            p.directions = directions.joined(separator: ",")
            p.factors = chosenFactors.joined(separator: ",")
            p.description = description
            p.results = results
            p.evidence = evidence
            p.evidenceLevel = level.rawValue
            p.isPublic = isPublic
            p.searchIndex = index
            p.updatedOn = today.iso
            try await p.save(on: db)
            var after = describe(p)
            if let file, let detectedType {
                let f = PracticeFile()
                f.$practice.id = p.id!
                f.fileName = String(file.fileName.suffix(200))
                f.contentType = detectedType.contentType
                f.size = file.bytes.count
                try await f.create(on: db)
                try await FileBlob(id: f.id!, data: Data(file.bytes)).create(on: db)
                after["Файл"] = "\(f.fileName) (\(file.bytes.count) байт)"
            }
            try await Audit.record(db, user: user, action: existing == nil ? "practice.create" : "practice.update", entityType: "practice", entityID: p.id,
                                   municipalityID: municipalityID, summary: "Практика «\(title)»", before: before, after: after)
            return p
        })
    }

    static func describe(_ p: Practice) -> [String: String] {
        ["Название": p.title, "Авторы": p.authors, "Направления": p.directions, "Факторы риска": p.factors, "Описание": p.description,
         "Результаты": p.results, "Подтверждение": p.evidence, "Уровень доказанности": p.level.russian, "Публикуется": p.isPublic ? "да" : "нет"]
    }

    /// Schools whose results are good for their conditions, asked to describe what they do: resilient
    /// in the latest year of monitoring, or above the reference in both of the last two years.
    static func schoolsToDescribe(municipalityID: UUID, cache: MonitoringCache, on db: any Database) async throws -> [(school: School.Facts, reason: String)] {
        guard let latest = try await cache.identifiedLatest(municipalityID: municipalityID, on: db) else { return [] }
        let data = latest.data, last = latest.year
        let now = latest.result.schools
        let before = try await cache.identified(municipalityID: municipalityID, year: last - 1, on: db)?.result.schools ?? []
        let described = Set(try await Practice.query(on: db).filter(\.$municipality.$id == municipalityID).all().compactMap(\.$school.id))
        return data.schools.compactMap { s in
            guard !described.contains(s.id), let a = now.first(where: { $0.schoolCode == s.code }) else { return nil }
            if a.category == .resilient { return (s, "резильентная школа в \(last) году: результаты выше ожидаемых при неблагоприятных условиях") }
            if let c = a.composite, c > 0, let b = before.first(where: { $0.schoolCode == s.code })?.composite, b > 0 {
                return (s, "сводный результат выше эталона в \(last - 1) и \(last) годах")
            }
            return nil
        }
    }
}
