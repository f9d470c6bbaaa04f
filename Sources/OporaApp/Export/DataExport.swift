import Fluent
import Foundation
import OporaDomain

/// What a municipality has loaded of each kind, as a workbook in the kind's template layout: the same
/// Russian header, one row per stored row. Loaded back unchanged, it changes nothing (every export can
/// be re-imported). Student-level results are stored as school rows, so they come out as results.
enum DataExport {
    static func workbook(_ kind: ImportKind, municipalityID: UUID, on db: any Database) async throws -> [UInt8] {
        let shown = kind == .studentResults ? ImportKind.results : kind
        let columns = ImportTemplate.columns(shown)
        let rows = try await self.rows(shown, municipalityID: municipalityID, on: db)
        return try XLSXWriter.workbook([
            XLSXSheet(name: shown.russianTitle, columns: columns.map { XLSXColumn(title: $0.label, width: max(12, min(40, Double($0.label.count) + 4))) },
                      rows: rows.map { row in columns.map { row[$0.key] ?? .empty } }),
        ])
    }

    typealias Row = [String: XLSXCell]

    static func yesNo(_ v: Bool) -> XLSXCell { .text(v ? "да" : "нет") }
    static func text(_ v: String?) -> XLSXCell { v.map(XLSXCell.text) ?? .empty }
    static func int(_ v: Int?) -> XLSXCell { v.map(XLSXCell.integer) ?? .empty }
    static func number(_ v: Double?) -> XLSXCell { v.map { $0 == $0.rounded() && abs($0) < 1e9 ? .integer(Int($0)) : .number($0) } ?? .empty }
    static func day(_ v: String?) -> XLSXCell { v.flatMap(Day.init).map(XLSXCell.date) ?? .empty }

    static func rows(_ kind: ImportKind, municipalityID: UUID, on db: any Database) async throws -> [Row] {
        let schools = try await School.refs(municipalityID: municipalityID, on: db)
        let code = Dictionary(uniqueKeysWithValues: schools.map { ($0.id, $0.code) })
        let teachers = [.trainings, .diagnostics].contains(kind)
            ? try await TeacherRecord.query(on: db).filter(\.$municipality.$id == municipalityID).all() : []
        let teacher = Dictionary(uniqueKeysWithValues: teachers.compactMap { t in t.id.map { ($0, (code[t.$school.id] ?? "", t.teacherCode)) } })
        switch kind {
        case .schools:
            return try await School.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$code).all().map { s in
                ["code": .text(s.code), "name": .text(s.name), "short_name": .text(s.shortName), "settlement": text(s.settlement),
                 "type": text(s.type), "login": text(s.login), "okpo": text(s.okpo), "inn": text(s.inn), "parent_code": text(s.parentCode),
                 "distance_km": number(s.distanceKm)]
            }
        case .context:
            return try await SocialContextRecord.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$year).all().map { r in
                ["year": .integer(r.year), "school_code": text(code[r.$school.id]), "students": int(r.students),
                 "low_income_share": number(r.lowIncomeShare), "incomplete_family_share": number(r.incompleteFamilyShare),
                 "no_higher_education_share": number(r.noHigherEducationShare), "non_native_share": number(r.nonNativeShare),
                 "preventive_register_share": number(r.preventiveRegisterShare)]
            }
        case .results, .studentResults:
            return try await ResultRecord.query(on: db).filter(\.$municipality.$id == municipalityID)
                .sort(\.$year).sort(\.$schoolCode).all().map { r in
                    ["year": .integer(r.year), "kind": .text(r.kind.russian), "grade": .integer(r.grade), "subject": .text(r.subject),
                     "school_code": .text(r.schoolCode), "participants": .integer(r.participants), "fails": .integer(r.fails),
                     "marks3": int(r.marks3), "marks4": int(r.marks4), "marks5": int(r.marks5), "mean_score": number(r.meanScore)]
                }
        case .teachers:
            return try await TeacherRecord.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$teacherCode).all().map { t in
                ["school_code": text(code[t.$school.id]), "teacher_code": .text(t.teacherCode), "name": .text(t.name), "position": .text(t.position),
                 "pedagogical": yesNo(t.pedagogical), "qualification": text(t.qualification), "employed_from": day(t.employedFrom),
                 "employed_to": day(t.employedTo)]
            }
        case .staffPositions:
            return try await StaffPositionRecord.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$year).all().map { p in
                ["year": .integer(p.year), "school_code": text(code[p.$school.id]), "position": .text(p.position), "pedagogical": yesNo(p.pedagogical),
                 "positions": number(p.positions), "filled": number(p.filled), "filled_qualified": number(p.filledQualified)]
            }
        case .trainings:
            return try await TrainingRecord.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$completedOn).all().map { t in
                let (school, teacherCode) = teacher[t.$teacher.id] ?? ("", "")
                return ["school_code": .text(school), "teacher_code": .text(teacherCode), "title": .text(t.title), "provider": text(t.provider),
                        "hours": int(t.hours), "completed_on": day(t.completedOn), "quality": yesNo(t.concernsQuality), "certificate": text(t.certificate)]
            }
        case .checklist:
            return try await ChecklistEntryRecord.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$year).all().map { e in
                ["year": .integer(e.year), "school_code": text(code[e.$school.id]), "item": .text(e.item), "available": yesNo(e.available)]
            }
        case .gia:
            return try await GIAOutcomeRecord.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$year).all().map { g in
                ["year": .integer(g.year), "school_code": text(code[g.$school.id]), "participants": .integer(g.participants), "passed": .integer(g.passed)]
            }
        case .diagnostics:
            return try await DiagnosticRecord.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$date).all().map { d in
                let (school, teacherCode) = teacher[d.$teacher.id] ?? ("", "")
                return ["school_code": .text(school), "teacher_code": .text(teacherCode), "date": day(d.date), "area": .text(d.area),
                        "score": number(d.score)]
            }
        case .courses:
            return try await CourseRecord.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$title).all().map { c in
                ["title": .text(c.title), "provider": text(c.provider), "hours": int(c.hours), "areas": .text(c.areas), "quality": yesNo(c.concernsQuality)]
            }
        case .studentSupport:
            return try await StudentSupportRecord.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$year).sort(\.$grade).all().map { s in
                ["school_code": text(code[s.$school.id]), "year": .integer(s.year), "grade": .integer(s.grade), "difficulties": int(s.difficulties),
                 "motivation_low": int(s.motivationLow), "motivation_medium": int(s.motivationMedium), "motivation_high": int(s.motivationHigh),
                 "extracurricular": int(s.extracurricular)]
            }
        }
    }
}
