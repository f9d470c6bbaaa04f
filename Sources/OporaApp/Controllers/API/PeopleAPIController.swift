import Fluent
import OporaDomain
import Vapor

/// Teachers' deficits and development plans, mentoring, consultations and student support under
/// `/api/v1`, with the same permissions as the pages: never to observers, a school user only its own.
struct PeopleAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1").grouped(BearerUserAuthenticator(), LoginRequired())
        api.get("schools", ":schoolID", "deficits", use: deficits)
        api.get("schools", ":schoolID", "development-plans", use: plans)
        api.post("teachers", ":teacherID", "development-plan", "draft", use: draft)
        api.post("development-steps", ":stepID", "complete", use: complete)
        api.get("schools", ":schoolID", "mentorships", use: mentorships)
        api.post("schools", ":schoolID", "mentorships", use: addMentorship)
        api.post("mentorships", ":mentorshipID", "meetings", use: addMeeting)
        api.get("consultations", use: consultations)
        api.grouped(AccessGuard.municipalStaff).post("consultations", use: addConsultation)
        api.put("schools", ":schoolID", "at-risk-families", use: putFamilies)
        api.get("schools", ":schoolID", "student-support", use: studentSupport)
        api.get("schools", ":schoolID", "support-plans", use: supportPlans)
        api.post("schools", ":schoolID", "support-plans", use: saveSupportPlan)
    }

    struct DeficitDTO: Content {
        var area: String
        var areaTitle: String
        var score: Double
        var threshold: Double
        var date: Day
        var explanation: String
    }

    struct TeacherDeficitsDTO: Content {
        var teacherID: UUID
        var teacherCode: String
        var name: String
        var position: String
        var latestDiagnostic: Day?
        var deficits: [DeficitDTO]
    }

    func deficits(_ req: Request) async throws -> [TeacherDeficitsDTO] {
        let user = try req.currentUser()
        let school = try await Scope.peopleSchool(try req.uuidParameter("schoolID"), for: user, on: req.db)
        let people = try await PeopleData.load(municipalityID: school.$municipality.id, on: req.db)
        return people.teachers.filter { $0.schoolID == school.id && $0.fact.pedagogical }.sorted { $0.fact.teacherCode < $1.fact.teacherCode }.map { t in
            TeacherDeficitsDTO(teacherID: t.recordID, teacherCode: t.fact.teacherCode, name: t.fact.name, position: t.fact.position,
                               latestDiagnostic: DeficitAnalysis.latestDate(of: t.fact.id, in: people.diagnostics),
                               deficits: people.deficits(of: t.fact.id).map {
                                   DeficitDTO(area: $0.area, areaTitle: people.areaTitle($0.area), score: $0.score, threshold: $0.threshold,
                                              date: $0.date, explanation: $0.russian(areas: people.areas))
                               })
        }
    }

    struct StepDTO: Content {
        var id: UUID
        var area: String
        var kind: String
        var title: String
        var form: String
        var expectedResult: String
        var deadline: Day
        var completedOn: Day?
        var evidence: String?
    }

    struct PlanDTO: Content {
        var teacherID: UUID
        var teacherCode: String
        var name: String
        var createdOn: Day
        var total: Int
        var done: Int
        var overdue: Int
        var percent: Int
        var steps: [StepDTO]
    }

    func plans(_ req: Request) async throws -> [PlanDTO] {
        let user = try req.currentUser()
        let school = try await Scope.peopleSchool(try req.uuidParameter("schoolID"), for: user, on: req.db)
        let people = try await PeopleData.load(municipalityID: school.$municipality.id, on: req.db)
        return people.teachers.filter { $0.schoolID == school.id }.sorted { $0.fact.teacherCode < $1.fact.teacherCode }.compactMap { t in
            guard let plan = people.plan(of: t.fact.id) else { return nil }
            let p = plan.progress(today: req.today)
            return PlanDTO(teacherID: t.recordID, teacherCode: t.fact.teacherCode, name: t.fact.name, createdOn: plan.createdOn, total: p.total,
                           done: p.done, overdue: p.overdue, percent: p.percent,
                           steps: plan.steps.map { StepDTO(id: $0.id, area: $0.area, kind: $0.kind.rawValue, title: $0.title, form: $0.form,
                                                           expectedResult: $0.expectedResult, deadline: $0.deadline, completedOn: $0.completedOn,
                                                           evidence: $0.evidence) })
        }
    }

    struct DraftDTO: Content { var added: Int }

    func draft(_ req: Request) async throws -> DraftDTO {
        let user = try req.currentUser()
        let (teacher, school) = try await Scope.teacher(try req.uuidParameter("teacherID"), for: user, on: req.db)
        return DraftDTO(added: try await DevelopmentPlans.draft(teacher: teacher, school: school, user: user, today: req.today, on: req.db))
    }

    struct CompleteBody: Content {
        var completedOn: String
        var evidence: String
    }

    func complete(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let (step, teacher, school) = try await Scope.step(try req.uuidParameter("stepID"), for: user, on: req.db)
        let body = try req.content.decode(CompleteBody.self)
        switch try await DevelopmentPlans.complete(step: step, teacher: teacher, school: school, completedOn: body.completedOn,
                                                   evidence: body.evidence, user: user, today: req.today, on: req.db) {
        case .failure(let errors):
            return try refused(errors)
        case .success:
            return try await StepDTO(id: step.id!, area: step.area, kind: step.kind, title: step.title, form: step.form, expectedResult: step.expectedResult,
                                     deadline: step.deadlineDay ?? req.today, completedOn: step.completedDay, evidence: step.evidence).encodeResponse(for: req)
        }
    }

    struct MentorshipDTO: Content {
        var id: UUID
        var mentor: String
        var mentee: String
        var youngSpecialist: Bool
        var startsOn: Day
        var endsOn: Day?
        var plan: String
        var meetings: [MeetingDTO]
    }

    struct MeetingDTO: Content {
        var date: Day
        var topic: String
    }

    func mentorships(_ req: Request) async throws -> [MentorshipDTO] {
        let user = try req.currentUser()
        let school = try await Scope.peopleSchool(try req.uuidParameter("schoolID"), for: user, on: req.db)
        let people = try await PeopleData.load(municipalityID: school.$municipality.id, on: req.db)
        return people.pairs.filter { $0.schoolID == school.id }.sorted { $0.startsOn < $1.startsOn }.map {
            MentorshipDTO(id: $0.id, mentor: people.teacher($0.mentorKey)?.fact.name ?? $0.mentorKey, mentee: people.teacher($0.menteeKey)?.fact.name ?? $0.menteeKey,
                          youngSpecialist: $0.youngSpecialist, startsOn: $0.startsOn, endsOn: $0.endsOn, plan: $0.plan,
                          meetings: $0.meetings.map { MeetingDTO(date: $0.date, topic: $0.topic) })
        }
    }

    /// A problem+json answer with the form's field errors.
    func refused(_ errors: FieldErrors) throws -> Response {
        try Problem(status: .unprocessableEntity, detail: errors.all.joined(separator: " "), errors: errors.messages).response()
    }

    struct MentorshipBody: Content {
        var mentorID: UUID
        var menteeID: UUID
        var youngSpecialist: Bool
        var startsOn: String
        var endsOn: String?
        var plan: String
    }

    func addMentorship(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await Scope.peopleSchool(try req.uuidParameter("schoolID"), for: user, on: req.db)
        let b = try req.content.decode(MentorshipBody.self)
        let values = ["mentor": b.mentorID.uuidString, "mentee": b.menteeID.uuidString, "young_specialist": b.youngSpecialist ? "да" : "нет",
                      "starts_on": b.startsOn, "ends_on": b.endsOn ?? "", "plan": b.plan]
        switch try await PeopleWork.addMentorship(values, school: school, user: user, on: req.db) {
        case .failure(let errors): return try refused(errors)
        case .success: return try await mentorships(req).encodeResponse(status: .created, for: req)
        }
    }

    struct MeetingBody: Content {
        var date: String
        var topic: String
    }

    func addMeeting(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        guard let pair = try await Mentorship.find(try req.uuidParameter("mentorshipID"), on: req.db) else {
            throw Abort(.notFound, reason: "Такой наставнической пары нет.")
        }
        let (_, school) = try await Scope.teacher(pair.$mentee.id, for: user, on: req.db)
        let b = try req.content.decode(MeetingBody.self)
        switch try await PeopleWork.addMeeting(["date": b.date, "topic": b.topic], pair: pair, school: school, user: user, today: req.today, on: req.db) {
        case .failure(let errors): return try refused(errors)
        case .success(let date): return try await MeetingDTO(date: date, topic: b.topic.trimmingCharacters(in: .whitespacesAndNewlines)).encodeResponse(status: .created, for: req)
        }
    }

    struct ConsultationBody: Content {
        var pointName: String
        var schoolID: UUID
        var teacherID: UUID?
        var date: String
        var topic: String
    }

    func addConsultation(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let programme = try await Scope.currentProgramme(for: user, on: req.db)
        let b = try req.content.decode(ConsultationBody.self)
        let point = try await ConsultationPoint.query(on: req.db).filter(\.$municipality.$id == programme.$municipality.id).filter(\.$name == b.pointName).first()
        let values = ["point": point?.id?.uuidString ?? "", "school": b.schoolID.uuidString, "teacher": b.teacherID?.uuidString ?? "", "date": b.date, "topic": b.topic]
        switch try await PeopleWork.addConsultation(values, municipalityID: programme.$municipality.id, user: user, today: req.today, on: req.db) {
        case .failure(let errors): return try refused(errors)
        case .success: return try await consultations(req).encodeResponse(status: .created, for: req)
        }
    }

    struct FamiliesBody: Content {
        var year: Int
        var families: Int
    }

    func putFamilies(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await Scope.peopleSchool(try req.uuidParameter("schoolID"), for: user, on: req.db)
        let b = try req.content.decode(FamiliesBody.self)
        switch try await PeopleWork.saveFamilies(["year": String(b.year), "families": String(b.families)], school: school, user: user, on: req.db) {
        case .failure(let errors): return try refused(errors)
        case .success: return try await b.encodeResponse(for: req)
        }
    }

    struct ConsultationsDTO: Content {
        struct Point: Content {
            var name: String
            var tutors: String
            var areas: [String]
            var schedule: String
        }
        struct Entry: Content {
            var date: Day
            var point: String
            var school: String
            var teacher: String?
            var topic: String
        }
        var points: [Point]
        var consultations: [Entry]
    }

    func consultations(_ req: Request) async throws -> ConsultationsDTO {
        let user = try req.currentUser()
        let m = try await ConsultationsView.query(user: user, today: req.today, on: req.db)
        return ConsultationsDTO(points: m.points.map { .init(name: $0.name, tutors: $0.tutors, areas: $0.topics, schedule: $0.schedule) },
                                consultations: m.log.map { .init(date: $0.date, point: $0.point, school: $0.school,
                                                                 teacher: m.showTeachers ? $0.teacher : nil, topic: $0.topic) })
    }

    struct StudentSupportDTO: Content {
        var year: Int
        var grades: [StudentSupportFact]
        var atRiskFamilies: Int?
    }

    func studentSupport(_ req: Request) async throws -> StudentSupportDTO {
        let user = try req.currentUser()
        let school = try await Scope.peopleSchool(try req.uuidParameter("schoolID"), for: user, on: req.db)
        let (year, years) = try req.schoolPageYear(of: try await Scope.currentProgramme(for: user, on: req.db))
        let m = try await StudentSupportView.query(school: school, year: year, years: years, user: user, on: req.db)
        return StudentSupportDTO(year: m.year, grades: m.grades, atRiskFamilies: m.families)
    }

    func supportPlans(_ req: Request) async throws -> [SupportPlanInput] {
        let user = try req.currentUser()
        let school = try await Scope.peopleSchool(try req.uuidParameter("schoolID"), for: user, on: req.db)
        return try await SupportPlan.query(on: req.db).filter(\.$school.$id == school.id!).sort(\.$participantCode).all().map(\.input)
    }

    struct SupportPlanBody: Content {
        var participantCode: String
        var grade: Int?
        var goal: String
        var measures: String
        var specialistRole: String
        /// ДД.ММ.ГГГГ or ГГГГ-ММ-ДД.
        var reviewDates: [String]
        var outcome: String?
    }

    func saveSupportPlan(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await Scope.peopleSchool(try req.uuidParameter("schoolID"), for: user, on: req.db)
        let b = try req.content.decode(SupportPlanBody.self)
        let values = ["participant_code": b.participantCode, "grade": b.grade.map(String.init) ?? "", "goal": b.goal, "measures": b.measures,
                      "specialist_role": b.specialistRole, "review_dates": b.reviewDates.joined(separator: ", "), "outcome": b.outcome ?? ""]
        switch try await PeopleWork.saveSupportPlan(values, school: school, user: user, on: req.db) {
        case .failure(let errors):
            return try refused(errors)
        case .success(let plan):
            return try await plan.input.encodeResponse(for: req)
        }
    }
}

extension StudentSupportFact: Content {}
extension SupportPlanInput: Content {}
