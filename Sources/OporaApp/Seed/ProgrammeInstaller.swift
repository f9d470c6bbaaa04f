import Fluent
import Foundation
import OporaDomain

/// Writes a programme template into a municipality: passport, sections, directions, tasks,
/// the municipal plan's measures and the indicators. One transaction.
enum ProgrammeInstaller {
    @discardableResult
    static func install(_ template: ProgrammeTemplate, municipalityID: UUID, status: ProgrammeStatus = .active,
                        on db: any Database) async throws -> UUID {
        try await db.transaction { db in
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let programme = Programme()
            programme.$municipality.id = municipalityID
            programme.templateKey = template.key
            programme.name = template.passport.name
            programme.startYear = template.passport.startYear
            programme.endYear = template.passport.endYear
            programme.status = status
            programme.passportJSON = String(decoding: try encoder.encode(template.passport), as: UTF8.self)
            programme.analysisJSON = String(decoding: try encoder.encode(template.analysis), as: UTF8.self)
            try await programme.create(on: db)
            let programmeID = try programme.requireID()

            var directionOrdinal = 0
            for section in template.sections {
                let s = ProgrammeSection()
                s.$programme.id = programmeID
                s.number = section.number
                s.title = section.title
                s.expectedResult = section.expectedResult
                try await s.create(on: db)
                for direction in section.directions {
                    directionOrdinal += 1
                    let d = Direction()
                    d.$programme.id = programmeID
                    d.$section.id = try s.requireID()
                    d.code = direction.code
                    d.title = direction.title
                    d.ordinal = directionOrdinal
                    try await d.create(on: db)
                    var taskIDs: [String: UUID] = [:]
                    for (i, task) in direction.tasks.enumerated() {
                        let t = YearTask()
                        t.$programme.id = programmeID
                        t.$direction.id = try d.requireID()
                        t.text = task.text
                        t.firstYear = task.years.min()!
                        t.lastYear = task.years.max()!
                        t.ordinal = i + 1
                        try await t.create(on: db)
                        taskIDs[task.text] = try t.requireID()
                    }
                    for (i, m) in direction.measures.enumerated() {
                        let measure = makeMeasure(m, ordinal: i + 1, programmeID: programmeID, sectionNumber: section.number,
                                                  direction: direction, directionID: try d.requireID(),
                                                  taskID: taskIDs[m.task]!, schoolID: nil)
                        try await measure.create(on: db)
                    }
                }
            }
            for indicator in template.indicators {
                let i = Indicator()
                i.$programme.id = programmeID
                i.number = indicator.number
                i.title = indicator.title
                i.unit = indicator.unit
                i.baselineYear = indicator.baselineYear
                i.baseline = indicator.baseline
                i.formula = indicator.formula
                i.source = indicator.source
                try await i.create(on: db)
                for target in indicator.targets {
                    try await IndicatorTarget(indicatorID: try i.requireID(), year: target.year, value: target.value).create(on: db)
                }
            }
            return programmeID
        }
    }

    static func makeMeasure(_ m: ProgrammeTemplate.Measure, ordinal: Int, programmeID: UUID, sectionNumber: Int,
                            direction: ProgrammeTemplate.Direction, directionID: UUID, taskID: UUID, schoolID: UUID?) -> Measure {
        let measure = Measure()
        measure.$programme.id = programmeID
        measure.$direction.id = directionID
        measure.$task.id = taskID
        measure.$school.id = schoolID
        measure.sectionNumber = sectionNumber
        measure.year = m.year
        measure.ordinal = ordinal
        measure.name = m.name
        measure.deadline = m.deadline?.iso
        measure.deadlineText = m.deadlineText
        measure.responsible = m.responsible
        measure.product = m.product
        measure.status = .planned
        measure.level = m.level ?? .both
        measure.searchText = SearchText.normalise([m.name, m.task, direction.code, direction.title, m.product, m.responsible])
        return measure
    }

    /// Gives a participating school its own plan: the municipal plan's measures, under the same
    /// directions and tasks, to be carried out and evidenced by the school.
    static func createSchoolPlan(programmeID: UUID, schoolID: UUID, on db: any Database) async throws {
        try await db.transaction { db in
            let existing = try await Measure.query(on: db).filter(\.$programme.$id == programmeID)
                .filter(\.$school.$id == schoolID).count()
            guard existing == 0 else { return }
            let municipal = try await Measure.query(on: db).filter(\.$programme.$id == programmeID)
                .filter(\.$school.$id == nil).filter(\.$level != .municipal).all()
            for source in municipal {
                let copy = try schoolCopy(of: source, schoolID: schoolID)
                try await copy.create(on: db)
            }
        }
    }

    /// A school plan's copy of a municipal measure: the same task, place and description, the school's own work.
    static func schoolCopy(of source: Measure, schoolID: UUID) throws -> Measure {
        let copy = Measure()
        copy.$programme.id = source.$programme.id
        copy.$direction.id = source.$direction.id
        copy.$task.id = source.$task.id
        copy.$school.id = schoolID
        copy.sectionNumber = source.sectionNumber
        copy.year = source.year
        copy.ordinal = source.ordinal
        copy.name = source.name
        copy.deadline = source.deadline
        copy.deadlineText = source.deadlineText
        copy.product = source.product
        copy.status = .planned
        copy.level = .school
        copy.searchText = source.searchText
        return copy
    }
}
