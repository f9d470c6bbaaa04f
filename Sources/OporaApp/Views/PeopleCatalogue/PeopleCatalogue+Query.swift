import Fluent
import Foundation
import OporaDomain

extension PeopleCatalogueView {
    /// The municipality's competence areas and course catalogue, and who may edit which.
    static func query(user: CurrentUser, on db: any Database) async throws -> Model {
        let programme = try await Scope.currentProgramme(for: user, on: db)
        let people = try await PeopleData.load(municipalityID: programme.$municipality.id, on: db)
        return Model(areas: people.areas, courses: people.courses, canEditAreas: user.access.canAdminister,
                                         canEditCourses: user.access.canManagePeopleWork)
    }
}
