import Fluent
import Foundation
import OporaDomain
import Vapor

/// The changes of the network module: a risk level confirmed, a recommendation, a decision, a
/// partnership, a resource inventory, an event. Each is checked, then written in one transaction
/// with its audit entry.
enum NetworkWork {
    static func text(_ v: [String: String], _ key: String) -> String { PeopleWork.text(v, key) }

    // MARK: - Risk profiles

    static func assessRisk(_ values: [String: String], school: School, year: Int, user: CurrentUser, today: Day,
                           on db: any Database) async throws -> Result<Void, FieldErrors> {
        var errors = FieldErrors()
        let profile = try await RiskProfile.load(school: school, year: year, on: db)
        let key = text(values, "factor")
        guard let factor = profile.factors.first(where: { $0.factor.key == key }) else {
            throw Abort(.notFound, reason: "Нет такого фактора риска.")
        }
        let level = RiskLevel(rawValue: text(values, "level"))
        if level == nil { errors.add("level_\(key)", "Выберите уровень.") }
        let comment = text(values, "comment")
        if let level, let suggested = factor.suggestion.level, level != suggested, comment.isEmpty {
            errors.add("comment_\(key)", "Уровень отличается от подсказки Опоры: напишите, почему.")
        }
        if comment.count > 2000 { errors.add("comment_\(key)", "Не длиннее 2000 знаков.") }
        guard errors.isEmpty, let level else { return .failure(errors) }
        try await db.transaction { db in
            let r = try await RiskAssessment.query(on: db).filter(\.$school.$id == school.id!).filter(\.$year == year)
                .filter(\.$factor == key).first() ?? RiskAssessment()
            let before = r.id == nil ? nil : ["Уровень": RiskLevel(rawValue: r.level)?.russian ?? r.level, "Комментарий": r.comment]
            r.$municipality.id = school.$municipality.id
            r.$school.id = school.id!
            r.year = year
            r.factor = key
            r.level = level.rawValue
            r.suggestedLevel = factor.suggestion.level?.rawValue
            r.comment = comment
            r.assessedBy = user.fullName
            r.assessedOn = today.iso
            try await r.save(on: db)
            try await Audit.record(db, user: user, action: "risk.assess", entityType: "riskAssessment", entityID: r.id, municipalityID: school.$municipality.id,
                                   summary: "Профиль рисков \(school.shortName), \(year): «\(factor.factor.title)» — \(level.russian)",
                                   before: before, after: ["Уровень": level.russian, "Подсказка Опоры": factor.suggestion.level?.russian ?? "нет данных",
                                                           "Комментарий": comment])
        }
        return .success(())
    }

    // MARK: - Recommendations and decisions

    /// The measures a recommendation to a school may link: the school's own plan and the municipal plan.
    static func linkableMeasures(school: School, on db: any Database) async throws -> [Measure] {
        let programmes = try await Programme.query(on: db).filter(\.$municipality.$id == school.$municipality.id).all().compactMap(\.id)
        return try await Measure.query(on: db).filter(\.$programme.$id ~~ programmes)
            .group(.or) { $0.filter(\.$school.$id == school.id!).filter(\.$school.$id == nil) }
            .sort(\.$sectionNumber).sort(\.$ordinal).all()
    }

    static func addRecommendation(_ values: [String: String], measureIDs: [String], school: School, year: Int, user: CurrentUser, today: Day,
                                  on db: any Database) async throws -> Result<Void, FieldErrors> {
        var errors = FieldErrors()
        let factors = try await RiskFactorList.load(municipalityID: school.$municipality.id, on: db)
        let factor = text(values, "factor")
        if !factor.isEmpty && !factors.contains(where: { $0.key == factor }) { errors.add("factor", "Выберите фактор риска из списка.") }
        let body = PeopleWork.requiredText(values, "text", "Напишите рекомендацию.", &errors)
        let allowed = Dictionary(try await linkableMeasures(school: school, on: db).map { ($0.id!.uuidString, $0) }, uniquingKeysWith: { a, _ in a })
        let chosen = measureIDs.compactMap { allowed[$0] }
        if chosen.count != measureIDs.count { errors.add("measures", "Можно связать только мероприятия плана этой школы или муниципального плана.") }
        guard errors.isEmpty else { return .failure(errors) }
        try await db.transaction { db in
            let r = Recommendation()
            r.$municipality.id = school.$municipality.id
            r.$school.id = school.id!
            r.year = year
            r.factor = factor.isEmpty ? nil : factor
            r.text = body
            r.status = RecommendationStatus.proposed.rawValue
            r.createdBy = user.fullName
            r.createdOn = today.iso
            try await r.create(on: db)
            for m in chosen { try await r.$measures.attach(m, on: db) }
            try await Audit.record(db, user: user, action: "recommendation.create", entityType: "recommendation", entityID: r.id,
                                   municipalityID: school.$municipality.id, summary: "Адресная рекомендация школе «\(school.shortName)»",
                                   after: ["Рекомендация": body, "Фактор риска": factors.first { $0.key == factor }?.title ?? "—",
                                           "Мероприятия": chosen.map(\.name).joined(separator: "\n")])
        }
        return .success(())
    }

    static func setRecommendationStatus(_ r: Recommendation, status text: String, user: CurrentUser, on db: any Database) async throws -> Result<Void, FieldErrors> {
        guard let status = RecommendationStatus(rawValue: text) else {
            var e = FieldErrors()
            e.add("status", "Выберите состояние из списка.")
            return .failure(e)
        }
        let before = RecommendationStatus(rawValue: r.status)?.russian ?? r.status
        try await db.transaction { db in
            r.status = status.rawValue
            try await r.save(on: db)
            try await Audit.record(db, user: user, action: "recommendation.status", entityType: "recommendation", entityID: r.id,
                                   municipalityID: r.$municipality.id, summary: "Адресная рекомендация: \(before) → \(status.russian)",
                                   before: ["Состояние": before], after: ["Состояние": status.russian])
        }
        return .success(())
    }

    static func addDecision(_ values: [String: String], municipalityID: UUID, user: CurrentUser, today: Day, on db: any Database) async throws -> Result<Void, FieldErrors> {
        var errors = FieldErrors()
        let date = PeopleWork.day(values, "date", "Дата решения", &errors)
        if let date, date > today { errors.add("date", "Дата решения позже сегодняшней (\(today.russian)).") }
        let body = PeopleWork.requiredText(values, "body", "Укажите, кто принял решение.", &errors, max: 300)
        let decision = PeopleWork.requiredText(values, "decision", "Напишите решение.", &errors)
        let basis = PeopleWork.requiredText(values, "basis", "Укажите основание: анализ, мониторинг, рекомендация.", &errors)
        var school: School?
        if !text(values, "school").isEmpty {
            school = try await UUID(uuidString: text(values, "school")).asyncFlatMap { try await School.find($0, on: db) }
            if school?.$municipality.id != municipalityID { errors.add("school", "Выберите школу из списка.") }
        }
        var measure: Measure?
        if !text(values, "measure").isEmpty {
            measure = try await UUID(uuidString: text(values, "measure")).asyncFlatMap { try await Measure.query(on: db).filter(\.$id == $0).with(\.$programme).first() }
            if measure?.programme.$municipality.id != municipalityID { errors.add("measure", "Выберите мероприятие из списка.") }
        }
        guard errors.isEmpty, let date else { return .failure(errors) }
        let schoolID = school?.id, measureID = measure?.id, schoolName = school?.shortName, measureName = measure?.name
        try await db.transaction { db in
            let d = Decision()
            d.$municipality.id = municipalityID
            d.date = date.iso
            d.body = body
            d.decision = decision
            d.basis = basis
            d.$school.id = schoolID
            d.$measure.id = measureID
            d.createdBy = user.fullName
            try await d.create(on: db)
            try await Audit.record(db, user: user, action: "decision.create", entityType: "decision", entityID: d.id, municipalityID: municipalityID,
                                   summary: "Управленческое решение от \(date.russian): \(body)",
                                   after: ["Решение": decision, "Основание": basis, "Школа": schoolName ?? "—", "Мероприятие": measureName ?? "—"])
        }
        return .success(())
    }

    // MARK: - Partnerships, resources, events

    static func addPartnership(_ values: [String: String], file: MeasureUpdate.UploadedFile?, municipalityID: UUID, user: CurrentUser,
                               on db: any Database) async throws -> Result<Void, FieldErrors> {
        var errors = FieldErrors()
        var fileType: EvidenceFileType?
        if let file {
            switch EvidenceFileType.detect(fileName: file.fileName, bytes: file.bytes) {
            case .success(let t): fileType = t
            case .failure(let problem): errors.add("file", problem.russian)
            }
        }
        let school = try await UUID(uuidString: text(values, "school")).asyncFlatMap { try await School.find($0, on: db) }
        if school?.$municipality.id != municipalityID { errors.add("school", "Выберите школу из списка.") }
        let kind = PartnerKind(rawValue: text(values, "partner_kind"))
        if kind == nil { errors.add("partner_kind", "Выберите вид партнёра.") }
        var partnerSchool: School?
        var partnerName: String?
        if kind == .school {
            partnerSchool = try await UUID(uuidString: text(values, "partner_school")).asyncFlatMap { try await School.find($0, on: db) }
            if partnerSchool?.$municipality.id != municipalityID { errors.add("partner_school", "Выберите школу-партнёра из списка.") }
            if let a = school?.id, a == partnerSchool?.id { errors.add("partner_school", "Школа не может быть партнёром самой себе.") }
        } else if kind != nil {
            partnerName = PeopleWork.requiredText(values, "partner_name", "Назовите партнёра.", &errors, max: 300)
        }
        let subject = PeopleWork.requiredText(values, "subject", "Напишите предмет соглашения.", &errors)
        let agreementDate = PeopleWork.day(values, "agreement_date", "Дата соглашения", &errors, required: false)
        guard errors.isEmpty, let school, let kind else { return .failure(errors) }
        let partnerSchoolID = partnerSchool?.id, partnerTitle = partnerSchool?.shortName ?? partnerName ?? "", otherName = partnerName
        let number = text(values, "agreement_number"), term = text(values, "term"), detected = fileType
        try await db.transaction { db in
            let p = Partnership()
            if let file, let detected {
                let id = UUID()
                try await FileBlob(id: id, data: Data(file.bytes)).create(on: db)
                p.fileID = id
                p.fileName = String(file.fileName.suffix(200))
                p.fileType = detected.contentType
            }
            p.$municipality.id = municipalityID
            p.$school.id = school.id!
            p.$partnerSchool.id = partnerSchoolID
            p.partnerName = otherName
            p.partnerKind = kind.rawValue
            p.agreementNumber = number.isEmpty ? nil : number
            p.agreementDate = agreementDate?.iso
            p.term = term.isEmpty ? nil : term
            p.subject = subject
            try await p.create(on: db)
            try await Audit.record(db, user: user, action: "partnership.create", entityType: "partnership", entityID: p.id, municipalityID: municipalityID,
                                   summary: "Партнёрство: \(school.shortName) — \(partnerTitle)",
                                   after: ["Вид партнёра": kind.russian, "Соглашение": [number, agreementDate?.russian ?? "", term].filter { !$0.isEmpty }.joined(separator: ", "),
                                           "Предмет": subject])
        }
        return .success(())
    }

    /// The inventory of a year: every item «есть», «нет» or not stated, a note and whether to publish it.
    /// The equal-access items are written to the checklist of indicator 1 in the same transaction; an item
    /// not stated is neither (what was stated before is removed), since unknown is not missing.
    static func saveResources(_ values: [String: String], school: School, year: Int, user: CurrentUser, on db: any Database) async throws -> Result<Void, FieldErrors> {
        let checklist = try await ChecklistItems.titles(municipalityID: school.$municipality.id, on: db)
        let items = checklist + ResourceInventory.extraItems
        var errors = FieldErrors()
        for i in items.indices where text(values, "note_\(i)").count > 300 { errors.add("note_\(i)", "Не длиннее 300 знаков.") }
        guard errors.isEmpty else { return .failure(errors) }
        let existing = try await ResourceItem.query(on: db).filter(\.$school.$id == school.id!).filter(\.$year == year).all()
        let entries = try await ChecklistEntryRecord.query(on: db).filter(\.$school.$id == school.id!).filter(\.$year == year).all()
        // What changes, worked out before the transaction that writes it.
        var changes: [String] = []
        var saves: [ResourceItem] = []
        var checklistSaves: [ChecklistEntryRecord] = []
        var deletes: [any Model] = []
        for (i, item) in items.enumerated() {
            let state = text(values, "state_\(i)")
            let stored = existing.first { $0.item == item }
            guard state == "есть" || state == "нет" else {
                if let stored {
                    changes.append("\(item): не указано")
                    deletes.append(stored)
                    if let e = entries.first(where: { $0.item == item }) { deletes.append(e) }
                }
                continue
            }
            let available = state == "есть"
            let r = stored ?? ResourceItem()
            let note = text(values, "note_\(i)"), isPublic = values["public_\(i)"] != nil
            if r.id != nil && r.available == available && r.note == note && r.isPublic == isPublic { continue }
            changes.append("\(item): \(available ? "есть" : "нет")" + (note.isEmpty ? "" : " (\(note))") + (isPublic ? ", публикуется" : ""))
            r.$municipality.id = school.$municipality.id
            r.$school.id = school.id!
            r.year = year
            r.item = item
            r.available = available
            r.note = note
            r.isPublic = isPublic
            saves.append(r)
            if checklist.contains(item) {
                let e = entries.first { $0.item == item } ?? ChecklistEntryRecord()
                e.$municipality.id = school.$municipality.id
                e.$school.id = school.id!
                e.year = year
                e.item = item
                e.available = available
                checklistSaves.append(e)
            }
        }
        guard !changes.isEmpty else { return .success(()) }
        let summary = changes.joined(separator: "\n"), resources = saves, checklistEntries = checklistSaves, removed = deletes
        try await db.transaction { db in
            for r in removed { try await r.delete(on: db) }
            for r in resources { try await r.save(on: db) }
            for e in checklistEntries { try await e.save(on: db) }
            try await Audit.record(db, user: user, action: "resources.save", entityType: "resources", entityID: school.id,
                                   municipalityID: school.$municipality.id, summary: "Ресурсы школы «\(school.shortName)», \(year)",
                                   after: ["Изменено": summary])
        }
        return .success(())
    }

    static func addEvent(_ values: [String: String], municipalityID: UUID, user: CurrentUser, on db: any Database) async throws -> Result<Void, FieldErrors> {
        var errors = FieldErrors()
        let kind = EventKind(rawValue: text(values, "kind"))
        if kind == nil { errors.add("kind", "Выберите вид события.") }
        let title = PeopleWork.requiredText(values, "title", "Назовите событие.", &errors, max: 300)
        let date = PeopleWork.day(values, "date", "Дата", &errors)
        let organiser = PeopleWork.requiredText(values, "organiser", "Укажите организатора.", &errors, max: 300)
        let audience = PeopleWork.requiredText(values, "audience", "Укажите, для кого событие.", &errors, max: 300)
        var participants: Int?
        if !text(values, "participants").isEmpty {
            participants = Int(text(values, "participants"))
            if participants == nil || participants! < 0 || participants! > 100_000 { errors.add("participants", "Число участников — целое неотрицательное число.") }
        }
        var school: School?
        if !text(values, "school").isEmpty {
            school = try await UUID(uuidString: text(values, "school")).asyncFlatMap { try await School.find($0, on: db) }
            if school?.$municipality.id != municipalityID { errors.add("school", "Выберите школу из списка.") }
        }
        var partnership: Partnership?
        if !text(values, "partnership").isEmpty {
            partnership = try await UUID(uuidString: text(values, "partnership")).asyncFlatMap { try await Partnership.find($0, on: db) }
            if partnership?.$municipality.id != municipalityID { errors.add("partnership", "Выберите партнёрство из списка.") }
        }
        guard errors.isEmpty, let kind, let date else { return .failure(errors) }
        let partnershipID = partnership?.id
        let schoolID = school?.id, materials = text(values, "materials"), isPublic = values["is_public"] != nil, count = participants
        try await db.transaction { db in
            let e = NetworkEvent()
            e.$municipality.id = municipalityID
            e.$school.id = schoolID
            e.$partnership.id = partnershipID
            e.kind = kind.rawValue
            e.title = title
            e.date = date.iso
            e.organiser = organiser
            e.audience = audience
            e.participants = count
            e.materials = materials
            e.isPublic = isPublic
            try await e.create(on: db)
            try await Audit.record(db, user: user, action: "event.create", entityType: "event", entityID: e.id, municipalityID: municipalityID,
                                   summary: "\(kind.russian) «\(title)», \(date.russian)",
                                   after: ["Организатор": organiser, "Для кого": audience, "Участников": count.map(String.init) ?? "—",
                                           "Материалы": materials, "Публикуется": isPublic ? "да" : "нет"])
        }
        return .success(())
    }
}
