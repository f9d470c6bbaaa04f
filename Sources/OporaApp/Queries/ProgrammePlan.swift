import Fluent
import Foundation
import OporaDomain

/// A programme's passport and plan (Приложение 1) as value types for pages and the API.
struct ProgrammePlan: Sendable, Codable {
    struct SectionItem: Sendable, Codable {
        var id: UUID
        var number: Int
        var title: String
        var expectedResult: String
        var directions: [DirectionItem]
    }

    struct DirectionItem: Sendable, Codable {
        var id: UUID
        var code: String
        var title: String
        var tasks: [TaskItem]
    }

    struct TaskItem: Sendable, Codable {
        var id: UUID
        var directionCode: String
        var text: String
        var years: [Int]
    }

    struct IndicatorItem: Sendable, Codable {
        var id: UUID
        var number: Int
        var title: String
        var unit: String
        var baselineYear: Int
        var baseline: Double?
        var targets: [Int: Double]
        var formula: IndicatorFormula?
        var source: String?
    }

    var id: UUID
    var name: String
    var years: [Int]
    var passport: ProgrammePassport
    var analysis: ProgrammeTemplate.Analysis
    var sections: [SectionItem]
    var indicators: [IndicatorItem]

    static func fetch(_ programme: Programme, on db: any Database) async throws -> ProgrammePlan {
        let id = try programme.requireID()
        let sections = try await ProgrammeSection.query(on: db).filter(\.$programme.$id == id).sort(\.$number).all()
        let directions = try await Direction.query(on: db).filter(\.$programme.$id == id).sort(\.$ordinal).all()
        let tasks = try await YearTask.query(on: db).filter(\.$programme.$id == id).sort(\.$ordinal).all()
        let indicators = try await Indicator.query(on: db).filter(\.$programme.$id == id).sort(\.$number).all()
        let indicatorIDs = indicators.compactMap(\.id)
        let targets = indicatorIDs.isEmpty ? [] : try await IndicatorTarget.query(on: db).filter(\.$indicator.$id ~~ indicatorIDs).all()
        let codeByDirection = Dictionary(uniqueKeysWithValues: directions.map { ($0.id!, $0.code) })
        let sectionItems = sections.map { s in
            SectionItem(id: s.id!, number: s.number, title: s.title, expectedResult: s.expectedResult,
                        directions: directions.filter { $0.$section.id == s.id }.map { d in
                            DirectionItem(id: d.id!, code: d.code, title: d.title,
                                          tasks: tasks.filter { $0.$direction.id == d.id }.map { t in
                                              TaskItem(id: t.id!, directionCode: codeByDirection[t.$direction.id] ?? "", text: t.text,
                                                       years: Array(t.firstYear...t.lastYear))
                                          })
                        })
        }
        let indicatorItems = indicators.map { i in
            IndicatorItem(id: i.id!, number: i.number, title: i.title, unit: i.unit, baselineYear: i.baselineYear,
                          baseline: i.baseline,
                          targets: Dictionary(uniqueKeysWithValues: targets.filter { $0.$indicator.id == i.id }.map { ($0.year, $0.value) }),
                          formula: i.formula, source: i.source)
        }
        let passport = try JSONDecoder().decode(ProgrammePassport.self, from: Data(programme.passportJSON.utf8))
        let analysis = try JSONDecoder().decode(ProgrammeTemplate.Analysis.self, from: Data(programme.analysisJSON.utf8))
        return ProgrammePlan(id: id, name: programme.name, years: Array(programme.startYear...programme.endYear),
                             passport: passport, analysis: analysis, sections: sectionItems, indicators: indicatorItems)
    }
}
