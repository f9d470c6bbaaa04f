import Fluent
import Foundation
import OporaDomain

/// Imports of the data the target indicators are computed from: teachers, staff positions,
/// trainings, the equal-access checklist and ГИА. Rows are matched by their natural key, so the
/// same file twice changes nothing and a newer one replaces what it names.
extension ImportService {
    /// A stored row and the fact it holds, for comparing with the file.
    struct Stored<R> {
        var record: R
        var fact: String
    }

    static func stageIndicatorData(table: ImportTable, schools: [School.Ref], plan: Plan, municipalityID: UUID,
                                   today: Day, on db: any Database) async throws -> Result<Staged, ImportProblems> {
        let kind = plan.kind
        let codes = Set(schools.map(\.code))
        let idByCode = Dictionary(uniqueKeysWithValues: schools.map { ($0.code, $0.id) })
        let codeByID = Dictionary(uniqueKeysWithValues: schools.map { ($0.id, $0.code) })
        let names = Dictionary(uniqueKeysWithValues: schools.map { ($0.code, $0.shortName) })
        var changes = KeyedChanges(plan: plan)

        switch kind {
        case .teachers:
            let facts: [TeacherFact]
            switch TeachersFile.parse(table, knownSchoolCodes: codes) { case .failure(let p): return .failure(p); case .success(let f): facts = f }
            let existing = try await TeacherRecord.query(on: db).filter(\.$municipality.$id == municipalityID).all()
            var byKey: [String: TeacherRecord] = [:]
            for r in existing { if let c = codeByID[r.$school.id] { byKey["\(c)|\(r.teacherCode)"] = r } }
            for f in facts {
                let record = byKey[f.id]
                changes.compare(label: "\(names[f.schoolCode] ?? f.schoolCode), \(f.teacherCode)", now: describe(f),
                        stored: record.map { describe($0.fact(schoolCode: f.schoolCode)) }) {
                    let r = record ?? TeacherRecord()
                    r.$municipality.id = municipalityID
                    r.$school.id = idByCode[f.schoolCode]!
                    r.set(f)
                    return r
                }
            }
        case .trainings:
            let teachers = try await TeacherRecord.query(on: db).filter(\.$municipality.$id == municipalityID).all()
            var teacherByKey: [String: TeacherRecord] = [:]
            for t in teachers { if let c = codeByID[t.$school.id] { teacherByKey["\(c)|\(t.teacherCode)"] = t } }
            let known = Dictionary(uniqueKeysWithValues: teacherByKey.keys.map { ($0, $0) })
            let facts: [TrainingFact]
            switch TrainingsFile.parse(table, knownSchoolCodes: codes, knownTeachers: known, today: today) {
            case .failure(let p): return .failure(p)
            case .success(let f): facts = f
            }
            let existing = try await TrainingRecord.query(on: db).filter(\.$municipality.$id == municipalityID).all()
            let byKey = Dictionary(existing.map { ($0.naturalKey, $0) }, uniquingKeysWith: { a, _ in a })
            for f in facts {
                let record = byKey[f.id]
                let teacher = teacherByKey[f.teacherID]!
                changes.compare(label: "\(teacher.name): «\(f.title)»", now: describe(f),
                        stored: record.map { describe($0.fact(teacherKey: f.teacherID)) }) {
                    let r = record ?? TrainingRecord()
                    r.$municipality.id = municipalityID
                    r.$teacher.id = teacher.id!
                    r.set(f)
                    return r
                }
            }
        case .staffPositions:
            let facts: [StaffPositionFact]
            switch StaffPositionsFile.parse(table, knownSchoolCodes: codes) { case .failure(let p): return .failure(p); case .success(let f): facts = f }
            let existing = try await StaffPositionRecord.query(on: db).filter(\.$municipality.$id == municipalityID).all()
            var byKey: [String: StaffPositionRecord] = [:]
            for r in existing { if let c = codeByID[r.$school.id] { byKey[r.fact(schoolCode: c).id] = r } }
            for f in facts {
                let record = byKey[f.id]
                changes.compare(label: "\(names[f.schoolCode] ?? f.schoolCode), \(f.year), \(f.position)", now: describe(f),
                        stored: record.map { describe($0.fact(schoolCode: f.schoolCode)) }) {
                    let r = record ?? StaffPositionRecord()
                    r.$municipality.id = municipalityID
                    r.$school.id = idByCode[f.schoolCode]!
                    r.set(f)
                    return r
                }
            }
        case .checklist:
            let items = try await ChecklistItems.titles(municipalityID: municipalityID, on: db)
            let facts: [ChecklistFact]
            switch ChecklistFile.parse(table, knownSchoolCodes: codes, knownItems: items) { case .failure(let p): return .failure(p); case .success(let f): facts = f }
            let existing = try await ChecklistEntryRecord.query(on: db).filter(\.$municipality.$id == municipalityID).all()
            var byKey: [String: ChecklistEntryRecord] = [:]
            for r in existing { if let c = codeByID[r.$school.id] { byKey[r.fact(schoolCode: c).id] = r } }
            for f in facts {
                let record = byKey[f.id]
                changes.compare(label: "\(names[f.schoolCode] ?? f.schoolCode), \(f.year), \(f.item)", now: f.available ? "есть" : "нет",
                        stored: record.map { $0.available ? "есть" : "нет" }) {
                    let r = record ?? ChecklistEntryRecord()
                    r.$municipality.id = municipalityID
                    r.$school.id = idByCode[f.schoolCode]!
                    r.year = f.year
                    r.item = f.item
                    r.available = f.available
                    return r
                }
            }
        case .gia:
            let facts: [GIAOutcomeFact]
            switch GIAFile.parse(table, knownSchoolCodes: codes) { case .failure(let p): return .failure(p); case .success(let f): facts = f }
            let existing = try await GIAOutcomeRecord.query(on: db).filter(\.$municipality.$id == municipalityID).all()
            var byKey: [String: GIAOutcomeRecord] = [:]
            for r in existing { if let c = codeByID[r.$school.id] { byKey[r.fact(schoolCode: c).id] = r } }
            for f in facts {
                let record = byKey[f.id]
                changes.compare(label: "\(names[f.schoolCode] ?? f.schoolCode), \(f.year)", now: "участников \(f.participants), сдали \(f.passed)",
                        stored: record.map { "участников \($0.participants), сдали \($0.passed)" }) {
                    let r = record ?? GIAOutcomeRecord()
                    r.$municipality.id = municipalityID
                    r.$school.id = idByCode[f.schoolCode]!
                    r.year = f.year
                    r.participants = f.participants
                    r.passed = f.passed
                    return r
                }
            }
        default:
            preconditionFailure("not an indicator data kind: \(kind)")
        }
        return .success(changes.staged)
    }

    static func describe(_ t: TeacherFact) -> String {
        [t.name, t.position, t.pedagogical ? "педагогический работник" : "непедагогический работник", t.qualification ?? "без категории",
         "с " + (t.employedFrom?.russian ?? "—"), "по " + (t.employedTo?.russian ?? "н. в.")].joined(separator: ", ")
    }

    static func describe(_ t: TrainingFact) -> String {
        ["«\(t.title)»", t.provider ?? "—", t.hours.map { "\($0) ч" } ?? "—", "окончен \(t.completedOn.russian)",
         t.concernsQuality ? "по качеству образования" : "не по качеству образования", t.certificate ?? "без номера"].joined(separator: ", ")
    }

    static func describe(_ p: StaffPositionFact) -> String {
        "ставок \(Format.number(p.positions, digits: 2)), занято \(Format.number(p.filled, digits: 2)), квалифицированными \(Format.number(p.filledQualified, digits: 2))"
            + (p.pedagogical ? "" : " (непедагогическая)")
    }
}
