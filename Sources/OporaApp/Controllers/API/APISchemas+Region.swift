import Foundation
import OporaDomain
import Vapor

extension Components.Schemas.RegionOverview: Content {}
extension Components.Schemas.RegionIdentification: Content {}
extension Components.Schemas.RegionIndicators: Content {}

extension Components.Schemas.RegionOverview {
    init(_ o: RegionOverview, countsOnly: Bool) {
        self.init(region: o.regionName, year: o.year, years: o.years, reference: o.reference, municipalities: o.rows.map { r in
            Components.Schemas.RegionMunicipality(
                id: r.municipalityID.uuidString, name: r.name, isDemo: r.isDemo, schools: r.schools,
                programme: r.programme.map { p in
                    .init(id: p.id.uuidString, name: p.name, startYear: p.years.lowerBound, endYear: p.years.upperBound, measures: p.measures,
                          done: p.done, overdue: p.overdue, participating: p.participating, indicatorYear: p.indicatorYear,
                          indicatorsAchieved: p.tally(countsOnly: countsOnly).achieved, indicatorsWithTarget: p.tally(countsOnly: countsOnly).withTarget)
                },
                lowResults: r.lowResults, adverseConditions: r.adverse,
                categories: SchoolCategory.allCases.compactMap { c in r.categories.map { .init(category: .init(c), schools: $0[c] ?? 0) } })
        })
    }
}

extension Components.Schemas.RegionSchool {
    init(_ s: RegionSchools.Item) {
        let a = s.assessment
        self.init(municipalityID: s.municipalityID.uuidString, municipality: s.municipality, schoolID: s.school?.id.uuidString, code: a.schoolCode,
                  name: s.name, category: .init(a.category), categoryRussian: a.category.russian, composite: a.composite,
                  criteriaMet: a.criteriaMet, socialIndex: a.socialIndex)
    }
}

extension Components.Schemas.IndicatorValue {
    /// For a reader who sees counts only, an indicator that counts people gives neither its counts
    /// nor a share that would tell a hidden count back (`SmallCount.indicator`).
    init(_ i: RegionOverview.IndicatorFigure, masked: Bool) {
        let hidden = SmallCount.indicator(i.number, numerator: i.numerator, denominator: i.denominator, masked: masked)
        let shown = hidden?.shareShown ?? true
        self.init(number: i.number, title: i.title, year: i.year, numerator: hidden == nil ? i.numerator : nil,
                  denominator: hidden == nil ? i.denominator : nil, value: shown ? i.value : nil, target: i.target,
                  achieved: shown ? i.achieved : nil, masked: hidden != nil)
    }
}
