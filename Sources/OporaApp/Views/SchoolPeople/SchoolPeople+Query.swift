import Fluent
import Foundation
import OporaDomain

extension SchoolPeopleView {
    /// A school's teachers with their deficits and plans, its mentoring pairs, and the mentors the
    /// user may see and choose (own school and the municipality's list; methodists: any).
    static func query(user: CurrentUser, school: School, today: Day, on db: any Database) async throws -> Model {
        let people = try await PeopleData.load(municipalityID: school.$municipality.id, on: db)
        let teachers = people.teachers.filter { $0.schoolID == school.id && $0.fact.pedagogical && $0.fact.employedTo.map { $0 >= today } ?? true }
            .sorted { $0.fact.name < $1.fact.name }
        let rows = teachers.map { t in
            SchoolPeopleView.Row(recordID: t.recordID, teacher: t.fact, municipalMentor: t.municipalMentor, latest: DeficitAnalysis.latestDate(of: t.fact.id, in: people.diagnostics),
                                 deficits: people.deficits(of: t.fact.id), progress: people.plan(of: t.fact.id)?.progress(today: today))
        }
        let names = Dictionary(uniqueKeysWithValues: people.teachers.map { ($0.fact.id, $0.fact.name) })
        let schoolNames = Dictionary(uniqueKeysWithValues: try await School.query(on: db).filter(\.$municipality.$id == school.$municipality.id).all()
            .map { ($0.id!, $0.shortName) })
        let pairs = people.pairs.filter { $0.schoolID == school.id }.sorted { $0.startsOn > $1.startsOn }.map {
            SchoolPeopleView.Pair(id: $0.id, mentor: names[$0.mentorKey] ?? $0.mentorKey, mentee: names[$0.menteeKey] ?? $0.menteeKey,
                                  youngSpecialist: $0.youngSpecialist, startsOn: $0.startsOn, endsOn: $0.endsOn, plan: $0.plan, meetings: $0.meetings)
        }
        let mentors = people.teachers.filter { $0.fact.pedagogical && $0.fact.employedTo.map { $0 >= today } ?? true }
            .filter { user.access.canSeeMentor(ofSchool: $0.schoolID.uuidString, listed: $0.municipalMentor) }
            .sorted { ($0.schoolID == school.id ? 0 : 1, $0.fact.name) < ($1.schoolID == school.id ? 0 : 1, $1.fact.name) }
            .map { (value: $0.recordID.uuidString, title: "\($0.fact.name), \($0.fact.position), \(schoolNames[$0.schoolID] ?? "")") }
        return Model(
            school: school.facts, areas: people.areas, rows: rows, pairs: pairs, mentorOptions: mentors,
            menteeOptions: rows.map { ($0.recordID.uuidString, "\($0.teacher.name), \($0.teacher.position)") },
            common: DeficitAnalysis.common(teachers: teachers.map(\.fact), facts: people.diagnostics, areas: people.areas),
            canEdit: user.access.canEditPeople(ofSchool: school.id!.uuidString), canListMentors: user.access.canManagePeopleWork, today: today)
    }
}
