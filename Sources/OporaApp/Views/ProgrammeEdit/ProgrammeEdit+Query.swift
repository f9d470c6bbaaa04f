import Fluent
import Foundation
import OporaDomain

extension ProgrammeEditView {
    /// A measure of the municipal plan as the editor lists it under its task.
    struct MeasureLine: Sendable {
        var id: UUID
        var name: String
        var deadline: Day?
        var level: MeasureLevel
        var status: MeasureStatus
    }

    struct Model: Sendable {
        var plan: ProgrammePlan
        var status: ProgrammeStatus
        /// The municipal plan's measures by task.
        var measures: [UUID: [MeasureLine]]
        /// Measures of each direction, the school plans' copies included: a direction holding any cannot be deleted.
        var heldByDirection: [UUID: Int]
    }

    static func query(_ programme: Programme, on db: any Database) async throws -> Model {
        let plan = try await ProgrammePlan.fetch(programme, on: db)
        let programmeID = try programme.requireID()
        let municipal = try await Measure.query(on: db).filter(\.$programme.$id == programmeID).filter(\.$school.$id == nil)
            .sort(\.$ordinal).all()
        var measures: [UUID: [MeasureLine]] = [:]
        for m in municipal {
            measures[m.$task.id, default: []].append(.init(id: m.id!, name: m.name, deadline: m.deadlineDay, level: m.level, status: m.status))
        }
        var held: [UUID: Int] = [:]
        for directionID in try await Measure.query(on: db).filter(\.$programme.$id == programmeID).all(\.$direction.$id) {
            held[directionID, default: 0] += 1
        }
        return Model(plan: plan, status: programme.status, measures: measures, heldByDirection: held)
    }
}
