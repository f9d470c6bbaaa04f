import Fluent
import Foundation
import OporaDomain

extension ConsultationsView {
    /// The municipality's consultation points and their log; a school user sees its own school's
    /// consultations, an observer no teachers' names.
    static func query(user: CurrentUser, today: Day, on db: any Database) async throws -> Model {
        let programme = try await Scope.currentProgramme(for: user, on: db)
        let municipalityID = programme.$municipality.id
        let people = try await PeopleData.load(municipalityID: municipalityID, on: db)
        let title = Dictionary(uniqueKeysWithValues: people.areas.map { ($0.key, $0.title) })
        let points = try await ConsultationPoint.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$name).all()
        let schools = try await School.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$code).all()
        let schoolName = Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0.shortName) })
        let pointName = Dictionary(uniqueKeysWithValues: points.map { ($0.id!, $0.name) })
        let teacherName = Dictionary(uniqueKeysWithValues: people.teachers.map { ($0.recordID, $0.fact.name) })
        var query = Consultation.query(on: db).filter(\.$municipality.$id == municipalityID)
        if user.access.ownSchool != nil { query = query.filter(\.$school.$id == (user.ownSchoolID ?? UUID())) }
        let log = try await query.sort(\.$date, .descending).all().compactMap { c -> Entry? in
            guard let date = Day(c.date) else { return nil }
            return Entry(date: date, point: pointName[c.$point.id] ?? "", school: schoolName[c.$school.id] ?? "",
                                    teacher: c.$teacher.id.flatMap { teacherName[$0] }, topic: c.topic)
        }
        return Model(
            points: points.map { .init(id: $0.id!, name: $0.name, tutors: $0.tutors, topics: $0.areaKeys.map { title[$0] ?? $0 }, schedule: $0.schedule) },
            log: log, areas: people.areas, schools: schools.map { ($0.id!.uuidString, $0.shortName) },
            teachers: people.teachers.filter { $0.fact.pedagogical && ($0.fact.employedTo.map { $0 >= today } ?? true) }
                .sorted { $0.fact.name < $1.fact.name }.map { ($0.recordID.uuidString, "\($0.fact.name), \($0.fact.position), \(schoolName[$0.schoolID] ?? "")") },
            canManage: user.access.canManagePeopleWork, showTeachers: user.access.seesNames, today: today)
    }
}
