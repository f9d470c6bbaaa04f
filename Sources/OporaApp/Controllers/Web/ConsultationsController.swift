import Fluent
import OporaDomain
import Vapor

/// Consultation points and the consultations log. Methodists and admin keep them; a school user sees
/// the points and the school's own consultations; an observer sees no teacher's name.
enum ConsultationsController {
    static func model(_ req: Request, user: CurrentUser) async throws -> ConsultationsView.Model {
        let programme = try await Scope.currentProgramme(for: user, on: req.db)
        let municipalityID = programme.$municipality.id
        let people = try await PeopleData.load(municipalityID: municipalityID, on: req.db)
        let title = Dictionary(uniqueKeysWithValues: people.areas.map { ($0.key, $0.title) })
        let points = try await ConsultationPoint.query(on: req.db).filter(\.$municipality.$id == municipalityID).sort(\.$name).all()
        let schools = try await School.query(on: req.db).filter(\.$municipality.$id == municipalityID).sort(\.$code).all()
        let schoolName = Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0.shortName) })
        let pointName = Dictionary(uniqueKeysWithValues: points.map { ($0.id!, $0.name) })
        let teacherName = Dictionary(uniqueKeysWithValues: people.teachers.map { ($0.recordID, $0.fact.name) })
        var query = Consultation.query(on: req.db).filter(\.$municipality.$id == municipalityID)
        if user.access.ownSchool != nil { query = query.filter(\.$school.$id == (user.ownSchoolID ?? UUID())) }
        let log = try await query.sort(\.$date, .descending).all().compactMap { c -> ConsultationsView.Entry? in
            guard let date = Day(c.date) else { return nil }
            return ConsultationsView.Entry(date: date, point: pointName[c.$point.id] ?? "", school: schoolName[c.$school.id] ?? "",
                                    teacher: c.$teacher.id.flatMap { teacherName[$0] }, topic: c.topic)
        }
        let today = req.today
        return ConsultationsView.Model(
            points: points.map { .init(id: $0.id!, name: $0.name, tutors: $0.tutors, topics: $0.areaKeys.map { title[$0] ?? $0 }, schedule: $0.schedule) },
            log: log, areas: people.areas, schools: schools.map { ($0.id!.uuidString, $0.shortName) },
            teachers: people.teachers.filter { $0.fact.pedagogical && ($0.fact.employedTo.map { $0 >= today } ?? true) }
                .sorted { $0.fact.name < $1.fact.name }.map { ($0.recordID.uuidString, "\($0.fact.name), \($0.fact.position), \(schoolName[$0.schoolID] ?? "")") },
            canManage: user.access.canManagePeopleWork, showTeachers: user.access.seesNames, today: today)
    }

    static func index(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        return ConsultationsView.render(try await PageContext.make(req), try await model(req, user: user), failed: nil)
    }

    static func save(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let programme = try await Scope.currentProgramme(for: user, on: req.db)
        let values = try req.content.decode([String: String].self)
        let form = req.parameters.get("form") ?? ""
        let chosen = values.keys.filter { $0.hasPrefix("area_") }.map { String($0.dropFirst(5)) }
        let result: Result<Void, FieldErrors>
        switch form {
        case "point":
            result = try await PeopleWork.addPoint(values, areaKeys: chosen, municipalityID: programme.$municipality.id, user: user, on: req.db)
        case "consultation":
            result = try await PeopleWork.addConsultation(values, municipalityID: programme.$municipality.id, user: user, today: req.today, on: req.db)
        default:
            throw Abort(.notFound, reason: "Такой формы нет.")
        }
        switch result {
        case .success: return req.redirect(to: SiteURL.consultations.path + (form == "point" ? "#h-points" : "#h-log"))
        case .failure(let errors):
            return ConsultationsView.render(try await PageContext.make(req), try await model(req, user: user),
                                            failed: .init(form: form, values: values, errors: errors), areasChosen: chosen)
        }
    }
}
