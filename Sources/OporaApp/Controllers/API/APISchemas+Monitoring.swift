import Foundation
import OporaDomain

// The app's values of monitoring (context, results, identification) as the schemas of openapi.json.

extension Components.Schemas.SocialContext {
    init(_ c: OporaDomain.SocialContext) {
        self.init(year: c.year, schoolCode: c.schoolCode, students: c.students, lowIncomeShare: c.lowIncomeShare,
                  incompleteFamilyShare: c.incompleteFamilyShare, noHigherEducationShare: c.noHigherEducationShare,
                  nonNativeShare: c.nonNativeShare, preventiveRegisterShare: c.preventiveRegisterShare)
    }
}

extension Components.Schemas.ResultRow {
    init(_ r: OporaDomain.ResultRow) {
        self.init(year: r.year, schoolCode: r.schoolCode,
                  procedure: Components.Schemas.Procedure(kind: .init(r.procedure.kind), grade: r.procedure.grade, subject: r.procedure.subject),
                  participants: r.participants, fails: r.fails, marks3: r.marks3, marks4: r.marks4, marks5: r.marks5, meanScore: r.meanScore)
    }
}

extension Components.Schemas.AssessmentKind {
    init(_ k: OporaDomain.AssessmentKind) {
        switch k {
        case .vpr: self = .vpr
        case .oge: self = .oge
        case .ege: self = .ege
        case .regional: self = .regional
        case .municipal: self = .municipal
        }
    }
}

extension Components.Schemas.Identification {
    init(_ r: IdentificationReport) {
        self.init(year: r.year, methodologyVersion: r.methodologyVersion, parameters: .init(r.parameters), years: r.years,
                  schools: r.schools.map {
                      Components.Schemas.IdentifiedSchool(
                          code: $0.code, name: $0.name, category: .init($0.category), categoryRussian: $0.categoryRussian,
                          lowResults: $0.lowResults, adverseConditions: $0.adverseConditions, composite: $0.composite,
                          compositeLow: $0.compositeLow, compositeHigh: $0.compositeHigh, unstable: $0.unstable, socialIndex: $0.socialIndex, criteriaMet: $0.criteriaMet, lowYears: $0.lowYears, biasFlags: $0.biasFlags,
                          explanation: $0.explanation)
                  })
    }
}

extension Components.Schemas.MethodologyParameters {
    init(_ p: OporaDomain.MethodologyParameters) {
        self.init(minParticipants: p.minParticipants, failThreshold: p.failThreshold, minProcedures: p.minProcedures, years: p.years,
                  priorStrength: p.priorStrength, lowIncome: p.lowIncome, incompleteFamily: p.incompleteFamily,
                  noHigherEducation: p.noHigherEducation, nonNative: p.nonNative, preventiveRegister: p.preventiveRegister,
                  distanceKm: p.distanceKm, minCriteria: p.minCriteria, vprSuccessMargin: p.vprSuccessMargin, jumpSigmas: p.jumpSigmas,
                  referenceScope: .init(rawValue: p.referenceScope.rawValue)!, poolSmallGroups: p.poolSmallGroups)
    }
}

extension Components.Schemas.SchoolCategory {
    init(_ c: OporaDomain.SchoolCategory) {
        switch c {
        case .lowResultsAndAdverse: self = .lowResultsAndAdverse
        case .lowResults: self = .lowResults
        case .resilient: self = .resilient
        case .adverse: self = .adverse
        case .none: self = .none
        case .insufficientData: self = .insufficientData
        }
    }
}

extension Components.Schemas.ProgrammeEffect {
    init(_ e: OporaDomain.ProgrammeEffect) {
        self.init(baseline: e.baseline, supported: e.supported, notSupported: e.notSupported, participating: e.participating,
                  leftOut: e.leftOut.map { .init(code: $0.code, reason: $0.reason) }, pool: e.pool,
                  matches: .init(additionalProperties: e.matches),
                  balance: e.balance.map {
                      .init(compositeParticipating: $0.compositeParticipating, compositeMatched: $0.compositeMatched,
                            socialParticipating: $0.socialParticipating, socialMatched: $0.socialMatched, meanDistance: $0.meanDistance)
                  },
                  years: e.years.map {
                      .init(year: $0.year, schools: $0.schools, changeParticipating: $0.changeParticipating, changeMatched: $0.changeMatched,
                            effect: $0.effect, effectLow: $0.interval?.low, effectHigh: $0.interval?.high)
                  },
                  trajectories: e.trajectories.map { .init(year: $0.year, participating: $0.participating, matched: $0.matched) },
                  neighbours: e.settings.neighbours, resamples: e.settings.resamples, maxMeanDistance: e.settings.maxMeanDistance)
    }
}
