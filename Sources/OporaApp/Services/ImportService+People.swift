import Fluent
import Foundation
import OporaDomain

/// Imports of the people module: deficit diagnostics, the course catalogue, student support.
/// Rows are matched by natural key as everywhere: the same file twice changes nothing.
extension ImportService {
    static func stagePeopleData(table: ImportTable, schools: [School.Ref], plan: Plan, municipalityID: UUID,
                                today: Day, on db: any Database) async throws -> Result<Staged, ImportProblems> {
        let kind = plan.kind
        let codes = Set(schools.map(\.code))
        let idByCode = Dictionary(uniqueKeysWithValues: schools.map { ($0.code, $0.id) })
        let codeByID = Dictionary(uniqueKeysWithValues: schools.map { ($0.id, $0.code) })
        let names = Dictionary(uniqueKeysWithValues: schools.map { ($0.code, $0.shortName) })
        var changes = KeyedChanges(plan: plan)
        let areas = try await CompetenceAreaList.load(municipalityID: municipalityID, on: db)

        switch kind {
        case .diagnostics:
            let teachers = try await TeacherRecord.query(on: db).filter(\.$municipality.$id == municipalityID).all()
            var teacherByKey: [String: TeacherRecord] = [:]
            for t in teachers { if let c = codeByID[t.$school.id] { teacherByKey["\(c)|\(t.teacherCode)"] = t } }
            let known = Dictionary(uniqueKeysWithValues: teacherByKey.keys.map { ($0, $0) })
            let facts: [DiagnosticFact]
            switch DiagnosticsFile.parse(table, knownSchoolCodes: codes, knownTeachers: known, areas: areas,
                                         today: today) {
            case .failure(let p): return .failure(p)
            case .success(let f): facts = f
            }
            let existing = try await DiagnosticRecord.query(on: db).filter(\.$municipality.$id == municipalityID).all()
            let byKey = Dictionary(existing.map { ($0.naturalKey, $0) }, uniquingKeysWith: { a, _ in a })
            let title = Dictionary(uniqueKeysWithValues: areas.map { ($0.key, $0.title) })
            for f in facts {
                let record = byKey[f.id]
                let teacher = teacherByKey[f.teacherID]!
                changes.compare(label: "\(teacher.name), \(f.date.russian), \(title[f.area] ?? f.area)", now: Format.number(f.score) + " %",
                                stored: record.map { Format.number($0.score) + " %" }) {
                    let r = record ?? DiagnosticRecord()
                    r.$municipality.id = municipalityID
                    r.$teacher.id = teacher.id!
                    r.naturalKey = f.id
                    r.date = f.date.iso
                    r.area = f.area
                    r.score = f.score
                    return r
                }
            }
        case .courses:
            let facts: [CourseFact]
            switch CoursesFile.parse(table, areas: areas) { case .failure(let p): return .failure(p); case .success(let f): facts = f }
            let existing = try await CourseRecord.query(on: db).filter(\.$municipality.$id == municipalityID).all()
            let byKey = Dictionary(existing.map { ($0.naturalKey, $0) }, uniquingKeysWith: { a, _ in a })
            let title = Dictionary(uniqueKeysWithValues: areas.map { ($0.key, $0.title) })
            func describe(_ c: CourseFact) -> String {
                [c.provider ?? "—", c.hours.map { "\($0) ч" } ?? "—", c.areas.map { title[$0] ?? $0 }.joined(separator: "; "),
                 c.concernsQuality ? "по качеству образования" : "не по качеству образования"].joined(separator: ", ")
            }
            for f in facts {
                let record = byKey[f.id]
                changes.compare(label: "«\(f.title)»", now: describe(f), stored: record.map { describe($0.fact) }) {
                    let r = record ?? CourseRecord()
                    r.$municipality.id = municipalityID
                    r.set(f)
                    return r
                }
            }
        case .studentSupport:
            let facts: [StudentSupportFact]
            switch StudentSupportFile.parse(table, knownSchoolCodes: codes) { case .failure(let p): return .failure(p); case .success(let f): facts = f }
            let existing = try await StudentSupportRecord.query(on: db).filter(\.$municipality.$id == municipalityID).all()
            var byKey: [String: StudentSupportRecord] = [:]
            for r in existing { if let c = codeByID[r.$school.id] { byKey[r.fact(schoolCode: c).id] = r } }
            for f in facts {
                let record = byKey[f.id]
                changes.compare(label: "\(names[f.schoolCode] ?? f.schoolCode), \(f.year), \(f.grade) класс", now: describe(f),
                                stored: record.map { describe($0.fact(schoolCode: f.schoolCode)) }) {
                    let r = record ?? StudentSupportRecord()
                    r.$municipality.id = municipalityID
                    r.$school.id = idByCode[f.schoolCode]!
                    r.set(f)
                    return r
                }
            }
        default:
            preconditionFailure("not a people kind: \(kind)")
        }
        return .success(changes.staged)
    }

    static func describe(_ s: StudentSupportFact) -> String {
        let n = { (v: Int?) in v.map(String.init) ?? "—" }
        return "с трудностями \(n(s.difficulties)), мотивация низкая/средняя/высокая \(n(s.motivationLow))/\(n(s.motivationMedium))/\(n(s.motivationHigh)), "
            + "во внеурочной деятельности \(n(s.extracurricular))"
    }
}
