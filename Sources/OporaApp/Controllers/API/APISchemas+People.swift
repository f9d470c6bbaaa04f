import Foundation
import OporaDomain

// The app's values of people and the network (development steps, student support, support plans,
// risk levels, recommendations, practices) as the schemas of openapi.json.

extension Components.Schemas.StepKind {
    init(_ k: OporaDomain.StepKind) {
        switch k {
        case .course: self = .course
        case .consultation: self = .consultation
        case .mentoring: self = .mentoring
        case .practice: self = .practice
        case .selfStudy: self = .selfStudy
        }
    }
}

extension Components.Schemas.StudentSupportGrade {
    init(_ f: StudentSupportFact) {
        self.init(id: f.id, schoolCode: f.schoolCode, year: f.year, grade: f.grade, difficulties: f.difficulties, motivationLow: f.motivationLow,
                  motivationMedium: f.motivationMedium, motivationHigh: f.motivationHigh, extracurricular: f.extracurricular)
    }
}

extension Components.Schemas.SupportPlan {
    init(_ p: OporaDomain.SupportPlanInput) {
        self.init(participantCode: p.participantCode, grade: p.grade, goal: p.goal, measures: p.measures, specialistRole: p.specialistRole,
                  reviewDates: p.reviewDates.map(\.iso), outcome: p.outcome)
    }
}

extension Components.Schemas.RiskLevel {
    init(_ l: OporaDomain.RiskLevel) {
        switch l {
        case .high: self = .high
        case .medium: self = .medium
        case .low: self = .low
        case .none: self = .none
        }
    }
}

extension Components.Schemas.RecommendationStatus {
    init(_ s: OporaDomain.RecommendationStatus) {
        switch s {
        case .proposed: self = .proposed
        case .accepted: self = .accepted
        case .inProgress: self = .inProgress
        case .done: self = .done
        case .declined: self = .declined
        }
    }
}

extension Components.Schemas.EvidenceLevel {
    init(_ l: OporaDomain.EvidenceLevel) {
        switch l {
        case .strong: self = .strong
        case .moderate: self = .moderate
        case .promising: self = .promising
        case .rationale: self = .rationale
        }
    }
}
