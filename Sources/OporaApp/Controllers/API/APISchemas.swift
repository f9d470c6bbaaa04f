import Foundation
import OporaDomain
import Vapor

// The API answers with, and reads, the types that swift-openapi-generator makes from openapi.json
// (`Components.Schemas`). Here they become Vapor content, and the app's values become them: each
// mapping is the only place a field of the document meets the app. The enums map case by case, so
// a case added to the domain does not build until the document has it too.

extension Components.Schemas.AtRiskFamilies: Content {}
extension Components.Schemas.Consultations: Content {}
extension Components.Schemas.ConsultationInput: Content {}
extension Components.Schemas.DevelopmentPlan: Content {}
extension Components.Schemas.ProgrammeEffect: Content {}
extension Components.Schemas.DevelopmentStep: Content {}
extension Components.Schemas.Direction: Content {}
extension Components.Schemas.DraftResult: Content {}
extension Components.Schemas.Evidence: Content {}
extension Components.Schemas.Identification: Content {}
extension Components.Schemas.ImportReport: Content {}
extension Components.Schemas.Measure: Content {}
extension Components.Schemas.MeasureList: Content {}
extension Components.Schemas.MeasurePatch: Content {}
extension Components.Schemas.Meeting: Content {}
extension Components.Schemas.MeetingInput: Content {}
extension Components.Schemas.Mentorship: Content {}
extension Components.Schemas.MentorshipInput: Content {}
extension Components.Schemas.Practice: Content {}
extension Components.Schemas.Programme: Content {}
extension Components.Schemas.ProgrammeDetail: Content {}
extension Components.Schemas.Recommendation: Content {}
extension Components.Schemas.ResultRow: Content {}
extension Components.Schemas.RiskProfile: Content {}
extension Components.Schemas.School: Content {}
extension Components.Schemas.Section: Content {}
extension Components.Schemas.SocialContext: Content {}
extension Components.Schemas.SocialContextInput: Content {}
extension Components.Schemas.StepCompletion: Content {}
extension Components.Schemas.StudentSupport: Content {}
extension Components.Schemas.SupportPlan: Content {}
extension Components.Schemas.SupportPlanInput: Content {}
extension Components.Schemas.Task: Content {}
extension Components.Schemas.TeacherDeficits: Content {}

// MARK: - Programmes and measures

extension Components.Schemas.Passport {
    init(_ p: ProgrammePassport) {
        self.init(name: p.name, basis: p.basis, terms: p.terms, developers: p.developers, executors: p.executors, goal: p.goal,
                  tasks: p.tasks, indicatorsIntro: p.indicatorsIntro, indicators: p.indicators, term: p.term, startYear: p.startYear,
                  endYear: p.endYear, mechanism: p.mechanism, expectedResults: p.expectedResults, control: p.control)
    }
}

extension Components.Schemas.Indicator {
    init(_ i: ProgrammePlan.IndicatorItem) {
        self.init(id: i.id.uuidString, number: i.number, title: i.title, unit: i.unit, baselineYear: i.baselineYear, baseline: i.baseline,
                  targets: i.targets.keys.sorted().map { Components.Schemas.Target(year: $0, value: i.targets[$0] ?? 0) },
                  formula: .init(rawValue: i.formula?.rawValue ?? IndicatorDraft.manual) ?? .manual, source: i.source)
    }
}

extension Components.Schemas.Programme {
    init(_ p: Programme) throws {
        self.init(id: try p.requireID().uuidString, name: p.name, startYear: p.startYear, endYear: p.endYear,
                  municipalityID: p.$municipality.id.uuidString, status: .init(rawValue: p.status.rawValue) ?? .draft)
    }
}

extension Components.Schemas.MeasureRow {
    init(_ r: OporaApp.MeasureRow) {
        self.init(id: r.id.uuidString, programmeID: r.programmeID.uuidString, sectionNumber: r.sectionNumber, directionCode: r.directionCode,
                  directionTitle: r.directionTitle, taskText: r.taskText, year: r.year, name: r.name, deadline: r.deadline?.iso,
                  deadlineText: r.deadlineText, responsible: r.responsible, product: r.product, status: .init(r.status), overdue: r.overdue, level: .init(r.level),
                  cancelReason: r.cancelReason, completedOn: r.completedOn?.iso, completedBy: r.completedBy,
                  completionComment: r.completionComment, evidenceLink: r.evidenceLink, schoolID: r.schoolID?.uuidString,
                  schoolName: r.schoolName)
    }
}

extension Components.Schemas.Evidence {
    init(_ e: MeasureShowModel.EvidenceItem) {
        self.init(id: e.id.uuidString, fileName: e.fileName, contentType: e.contentType, size: e.size, uploadedBy: e.uploadedBy,
                  uploadedAt: e.uploadedAt)
    }
}

extension Components.Schemas.MeasureLevel {
    init(_ l: OporaDomain.MeasureLevel) {
        switch l {
        case .municipal: self = .municipal
        case .school: self = .school
        case .both: self = .both
        }
    }
}

extension Components.Schemas.MeasureStatus {
    init(_ s: OporaDomain.MeasureStatus) {
        switch s {
        case .planned: self = .planned
        case .inProgress: self = .inProgress
        case .done: self = .done
        case .cancelled: self = .cancelled
        }
    }
}

extension OporaDomain.MeasureStatus {
    init(_ s: Components.Schemas.MeasureStatus) {
        switch s {
        case .planned: self = .planned
        case .inProgress: self = .inProgress
        case .done: self = .done
        case .cancelled: self = .cancelled
        }
    }
}
