import Fluent
import Foundation
import OporaDomain

extension TeacherPlanView {
    /// One teacher's deficits by the latest diagnostics and development plan, for a user who may
    /// read the school's people (`Scope.teacher`).
    static func query(user: CurrentUser, teacher: TeacherRecord, school: School, today: Day, on db: any Database) async throws -> Model {
        let people = try await PeopleData.load(municipalityID: school.$municipality.id, on: db)
        let key = "\(school.code)|\(teacher.teacherCode)"
        return Model(
            recordID: teacher.id!, teacher: teacher.fact(schoolCode: school.code), school: school.facts, areas: people.areas,
            latest: DeficitAnalysis.latestDate(of: key, in: people.diagnostics), deficits: people.deficits(of: key), plan: people.plan(of: key),
            courses: Dictionary(people.courses.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
            canEdit: user.access.canEditPeople(ofSchool: school.id!.uuidString), today: today)
    }
}
