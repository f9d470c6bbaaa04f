import Crypto
import Fluent
import Foundation
import OporaDomain
import Vapor

/// Changes a measure: permission, validation, the change, its evidence and its audit record,
/// all in one transaction.
enum MeasureUpdate {
    struct UploadedFile: Sendable {
        var fileName: String
        var bytes: [UInt8]
    }

    /// The fields of a measure that its history shows, with their Russian names.
    static func snapshot(_ m: Measure, evidence: [String]) -> [String: String] {
        var s: [String: String] = ["Состояние": m.status.russian]
        s["Ответственные"] = m.responsible ?? ""
        s["Срок"] = m.deadlineDay?.russian ?? ""
        s["Дата выполнения"] = m.completedOn.flatMap(Day.init)?.russian ?? ""
        s["Кто выполнил"] = m.completedBy ?? ""
        s["Комментарий"] = m.completionComment ?? ""
        s["Причина отмены"] = m.cancelReason ?? ""
        s["Ссылка на подтверждение"] = m.evidenceLink ?? ""
        s["Файлы-подтверждения"] = evidence.joined(separator: ", ")
        return s
    }

    static func apply(measureID: UUID, change: MeasureChange, file: UploadedFile?, user: CurrentUser,
                      today: Day, on db: any Database) async throws -> Result<Void, FieldErrors> {
        let fileType: EvidenceFileType?
        switch file.map({ EvidenceFileType.detect(fileName: $0.fileName, bytes: $0.bytes) }) {
        case .none: fileType = nil
        case .success(let t): fileType = t
        case .failure(let problem):
            var errors = FieldErrors()
            errors.add("evidenceFile", problem.russian)
            return .failure(errors)
        }
        return try await db.transaction { db in
            let m = try await Scope.measure(measureID, for: user, on: db)
            try Programmes.requireOpen(m.programme)
            guard user.canEditMeasure(schoolID: m.$school.id) else {
                throw Abort(.forbidden, reason: m.$school.id == nil
                    ? "Мероприятия муниципального плана меняют методисты и управление образования."
                    : "Менять это мероприятие может только его школа, методисты и управление образования.")
            }
            let files = try await Evidence.query(on: db).filter(\.$measure.$id == measureID).sort(\.$createdAt).all().map(\.fileName)
            let hasEvidence = !files.isEmpty || fileType != nil || m.evidenceLink != nil
            let valid: MeasureChange.Valid
            switch change.validate(current: m.status, hasEvidence: hasEvidence, today: today) {
            case .failure(let errors): return .failure(errors)
            case .success(let v): valid = v
            }
            let before = snapshot(m, evidence: files)
            m.status = valid.status
            m.responsible = valid.responsible
            // A new deadline moves the measure to its year, within its task's years.
            if let day = valid.deadline, day.iso != m.deadline {
                m.year = MeasureDraft.year(task: m.task.firstYear...m.task.lastYear, deadline: day)
            }
            m.deadline = valid.deadline?.iso
            if valid.deadline != nil { m.deadlineText = nil }
            m.completedOn = valid.completedOn?.iso
            m.completedBy = valid.completedBy
            m.completionComment = valid.comment
            m.cancelReason = valid.cancelReason
            if let link = valid.evidenceLink { m.evidenceLink = link }
            if valid.status == .done { m.$markedBy.id = user.id }
            m.searchText = SearchText.normalise([m.name, m.task.text, m.direction.code, m.direction.title, m.product, m.responsible])
            try await m.save(on: db)
            var after = snapshot(m, evidence: files)
            if let file, let fileType {
                try await storeEvidence(file, type: fileType, measureID: measureID, user: user, on: db)
                after = snapshot(m, evidence: files + [sanitisedFileName(file.fileName)])
            }
            let changed = after.filter { before[$0.key] != $0.value }.keys.sorted()
            if !changed.isEmpty {
                try await Audit.record(db, user: user, action: "measure.update", entityType: "measure", entityID: measureID,
                                       municipalityID: m.programme.$municipality.id,
                                       summary: "Мероприятие «\(m.name)»" + (m.school.map { " (\($0.shortName))" } ?? "") + ": изменено — " + changed.joined(separator: ", ").lowercased(),
                                       before: before, after: after)
            }
            return .success(())
        }
    }

    static func storeEvidence(_ file: UploadedFile, type: EvidenceFileType, measureID: UUID, user: CurrentUser,
                              on db: any Database) async throws {
        let evidence = Evidence()
        evidence.$measure.id = measureID
        evidence.fileName = sanitisedFileName(file.fileName)
        evidence.contentType = type.contentType
        evidence.size = file.bytes.count
        evidence.sha256 = SHA256.hash(data: file.bytes).map { String(format: "%02x", $0) }.joined()
        evidence.$uploadedBy.id = user.id
        try await evidence.create(on: db)
        try await EvidenceBlob(id: try evidence.requireID(), data: Data(file.bytes)).create(on: db)
    }

    /// Only the last path component, without control characters or quotes, at most 200 characters.
    static func sanitisedFileName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? "файл"
        let clean = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0 != "\"" && $0.value != 0x7F }.map(Character.init))
        return String(clean.prefix(200)).isEmpty ? "файл" : String(clean.prefix(200))
    }
}
