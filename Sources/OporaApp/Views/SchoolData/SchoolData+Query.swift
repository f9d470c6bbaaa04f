import Fluent
import Foundation
import OporaDomain

extension SchoolDataView {
    /// A school's staff, trainings, positions, checklist and ГИА of one year; observers get the counts
    /// without names.
    static func query(user: CurrentUser, school: School, programme: Programme, year: Int, years: [Int], cache: MonitoringCache, on db: any Database) async throws -> Model {
        let data = try await IndicatorData.load(programme, cache: cache, on: db)
        let i = data.inputs
        let teachers = i.teachers.filter { $0.schoolCode == school.code }.sorted { $0.teacherCode.localizedStandardCompare($1.teacherCode) == .orderedAscending }
        let ids = Set(teachers.map(\.id))
        var checklist: [String: Bool] = [:]
        for c in i.checklists where c.schoolCode == school.code && c.year == year { checklist[c.item] = c.available }
        let trainings = i.trainings.filter { ids.contains($0.teacherID) }
        // Observers see how many, never who: no names, no positions, no course history.
        let namesShown = user.access.canReadPeople(ofSchool: try school.requireID().uuidString)
        return Model(
            school: school.facts, year: year, years: years, namesShown: namesShown,
            teacherCount: teachers.count, trainingCount: trainings.count,
            teachers: namesShown ? teachers : [], trainings: namesShown ? trainings : [],
            positions: i.positions.filter { $0.schoolCode == school.code && $0.year == year }, checklistItems: i.checklistItems,
            checklist: checklist, gia: i.gia.first { $0.schoolCode == school.code && $0.year == year },
            canEdit: user.canEditSchoolData(school))
    }
}
