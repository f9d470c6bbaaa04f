import Fluent
import Foundation
import OporaDomain

extension CycleView {
    /// The nine steps of the management cycle for one year of a programme the user reads as a whole:
    /// what Opora holds for each (rows, imports, categories, risk assessments, recommendations,
    /// measures, decisions, indicators) and where it is.
    static func query(programme: Programme, year: Int, years: [Int], user: CurrentUser, cache: MonitoringCache,
                      on db: any Database) async throws -> Model {
        let municipalityID = programme.$municipality.id
        let data = try await IndicatorData.load(programme, cache: cache, on: db)
        let names = Dictionary(uniqueKeysWithValues: try await School.query(on: db).filter(\.$municipality.$id == municipalityID).all().map { ($0.id!, $0.shortName) })

        var steps: [CycleView.Step] = []
        let targets = data.numbers.filter { data.targets[$0]?[year] != nil }
        steps.append(.init(step: .goals, holds: programme.name.isEmpty ? [] : ["Программа «\(programme.name)», \(programme.startYear)–\(programme.endYear): цель и задачи в паспорте."],
                           link: ("Паспорт программы", SiteURL.passport.path)))
        steps.append(.init(step: .indicators, holds: targets.isEmpty ? [] : ["Целевые значения на \(year) год: \(targets.count) из \(data.numbers.count) индикаторов."],
                           link: ("Индикаторы", SiteURL.indicators.path)))
        let start = Calendar(identifier: .gregorian).date(from: DateComponents(timeZone: AppConfig.municipalTimeZone, year: year, month: 1, day: 1))!
        let end = Calendar(identifier: .gregorian).date(from: DateComponents(timeZone: AppConfig.municipalTimeZone, year: year + 1, month: 1, day: 1))!
        let imports = try await ImportRecord.query(on: db).filter(\.$municipality.$id == municipalityID).filter(\.$createdAt >= start).filter(\.$createdAt < end).count()
        let rows = data.monitoring.rows.filter { $0.year == year }.count
        let contexts = data.monitoring.contexts.filter { $0.year == year }.count
        var collected: [String] = []
        if rows > 0 { collected.append("Результаты оценочных процедур \(year) года: \(RussianNoun.row.counted(rows)).") }
        if contexts > 0 { collected.append("Социальные условия \(year) года: \(RussianNoun.school.counted(contexts)).") }
        if imports > 0 { collected.append("Загрузок файлов в \(year) году: \(imports).") }
        steps.append(.init(step: .dataCollection, holds: collected, link: user.access.canManagePeopleWork ? ("Загрузка данных", SiteURL.imports.path) : nil))
        let identified = try await cache.identified(municipalityID: municipalityID, year: year, on: db)?.result.schools ?? []
        let low = identified.filter(\.lowResults).count, adverse = identified.filter(\.adverseConditions).count
        steps.append(.init(step: .monitoring, holds: identified.isEmpty ? [] : ["Выявление по методике версии \(data.methodology.number): \(RussianNoun.school.counted(identified.count)), из них с НРО — \(low), в НСУ — \(adverse)."],
                           link: ("Мониторинг", SiteURL.monitoring.path)))
        let assessed = try await RiskAssessment.query(on: db).filter(\.$municipality.$id == municipalityID).filter(\.$year == year).all()
        let assessedSchools = Set(assessed.map(\.$school.id))
        steps.append(.init(step: .analysis, holds: assessed.isEmpty ? [] : ["Профили рисков: подтверждённых оценок факторов — \(assessed.count), школ — \(assessedSchools.count)."]
                                + assessedSchools.compactMap { names[$0] }.sorted(),
                           link: ("Отчёт о мониторинге", SiteURL.report.path)))
        let recs = try await Recommendation.query(on: db).filter(\.$municipality.$id == municipalityID).filter(\.$year == year).with(\.$measures).all()
        steps.append(.init(step: .recommendations, holds: recs.map { r in
            "«\(r.text.prefix(120))» — \(names[r.$school.id] ?? ""), \(RecommendationStatus(rawValue: r.status)?.russian ?? r.status)"
        }, link: nil))
        let linked = recs.flatMap { r in r.measures.map { (r, $0) } }
        // Measures count in the year they were done, whatever year of the plan they belong to.
        let measures = try await Measure.query(on: db).filter(\.$programme.$id == programme.id!).all()
        let doneInYear = measures.filter { $0.status == .done && $0.completedOn.flatMap(Day.init)?.year == year }.count
        var measureLines: [String] = []
        if doneInYear > 0 {
            measureLines.append("Выполнено мероприятий в \(year) году: \(doneInYear); всего в программе выполнено \(measures.filter { $0.status == .done }.count) из \(measures.count).")
        }
        for (r, m) in linked {
            let state = m.status == .done ? "выполнено \(m.completedOn.flatMap(Day.init)?.russian ?? "")" : m.status.russian.lowercased()
            measureLines.append("По рекомендации школе «\(names[r.$school.id] ?? "")»: «\(m.name)» — \(state).")
        }
        steps.append(.init(step: .measures, holds: measureLines, link: ("Мероприятия", SiteURL.measures.path)))
        let start2 = Day(year: year, month: 1, day: 1)!.iso, end2 = Day(year: year, month: 12, day: 31)!.iso
        let decisions = try await Decision.query(on: db).filter(\.$municipality.$id == municipalityID).filter(\.$date >= start2).filter(\.$date <= end2).sort(\.$date).all()
        steps.append(.init(step: .decisions, holds: decisions.map { "\(Day($0.date)?.russian ?? $0.date), \($0.body): \($0.decision.prefix(150))" },
                           link: ("Управленческие решения", SiteURL.decisions.path)))
        var effect: [String] = []
        let computed = data.numbers.filter { data.value($0, year).value != nil }
        if !computed.isEmpty {
            let withTarget = computed.filter { data.targets[$0]?[year] != nil }
            let achieved = withTarget.filter { IndicatorAssessment.achieved(value: data.value($0, year).value, target: data.targets[$0]?[year]) == true }
            effect.append("Индикаторы \(year) года: достигнуто \(achieved.count) из \(withTarget.count) с целевым значением.")
        }
        let doneRecs = recs.filter { $0.status == RecommendationStatus.done.rawValue }.count
        if !recs.isEmpty { effect.append("Рекомендации выполнены: \(doneRecs) из \(recs.count).") }
        steps.append(.init(step: .effect, holds: effect, link: ("Индикаторы и их динамика", SiteURL.indicators.path)))
        return Model(year: year, years: years, steps: steps)
    }
}
