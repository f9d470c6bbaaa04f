import Fluent
import Foundation
import OporaDomain

extension MeasuresView {
    /// The measures of a programme the user may read, filtered and counted, with the sections, years
    /// and school plans the filters offer (a school user: the municipal plan and its own).
    static func query(programme: Programme, filter: MeasureFilter, page: Int, user: CurrentUser, today: Day,
                      on db: any Database) async throws -> Model {
        let programmeID = try programme.requireID()
        let result = try await MeasureList.fetch(programmeID: programmeID, filter: filter, user: user, today: today, on: db)
        let sections = try await ProgrammeSection.query(on: db).filter(\.$programme.$id == programmeID).sort(\.$number).all()
        let schools = try await SchoolPlans.schoolsWithPlans(programmeID: programmeID, user: user, on: db)
        return Model(filter: filter, result: result, sections: sections.map { ($0.number, $0.title) },
                     years: Array(programme.startYear...programme.endYear), schools: schools.map { ($0.id!, $0.shortName) }, page: page)
    }
}
