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

    func deficits(_ req: Request) async throws -> [Components.Schemas.TeacherDeficits] {
        let user = try req.currentUser()
        let school = try await Scope.peopleSchool(try req.uuidParameter("schoolID"), for: user, on: req.db)
        let people = try await PeopleData.load(municipalityID: school.$municipality.id, on: req.db)
        return people.teachers.filter { $0.schoolID == school.id && $0.fact.pedagogical }.sorted { $0.fact.teacherCode < $1.fact.teacherCode }.map { t in
            Components.Schemas.TeacherDeficits(
                teacherID: t.recordID.uuidString, teacherCode: t.fact.teacherCode, name: t.fact.name, position: t.fact.position,
                latestDiagnostic: DeficitAnalysis.latestDate(of: t.fact.id, in: people.diagnostics)?.iso,
                deficits: people.deficits(of: t.fact.id).map {
                    Components.Schemas.Deficit(area: $0.area, areaTitle: people.areaTitle($0.area), score: $0.score, threshold: $0.threshold,
                                               date: $0.date.iso, explanation: $0.russian(areas: people.areas))
                })
        }
    }

    func plans(_ req: Request) async throws -> [Components.Schemas.DevelopmentPlan] {
        let user = try req.currentUser()
        let school = try await Scope.peopleSchool(try req.uuidParameter("schoolID"), for: user, on: req.db)
        let people = try await PeopleData.load(municipalityID: school.$municipality.id, on: req.db)
        return people.teachers.filter { $0.schoolID == school.id }.sorted { $0.fact.teacherCode < $1.fact.teacherCode }.compactMap { t in
            guard let plan = people.plan(of: t.fact.id) else { return nil }
            let p = plan.progress(today: req.today)
            return Components.Schemas.DevelopmentPlan(
                teacherID: t.recordID.uuidString, teacherCode: t.fact.teacherCode, name: t.fact.name, createdOn: plan.createdOn.iso,
                total: p.total, done: p.done, overdue: p.overdue, percent: p.percent,
                steps: plan.steps.map {
                    Components.Schemas.DevelopmentStep(id: $0.id.uuidString, area: $0.area, kind: .init($0.kind), title: $0.title, form: $0.form,
                                                       expectedResult: $0.expectedResult, deadline: $0.deadline.iso, completedOn: $0.completedOn?.iso,
                                                       evidence: $0.evidence)
                })
        }
    }

    func draft(_ req: Request) async throws -> Components.Schemas.DraftResult {
        let user = try req.currentUser()
        let (teacher, school) = try await Scope.teacher(try req.uuidParameter("teacherID"), for: user, on: req.db)
        return .init(added: try await DevelopmentPlans.draft(teacher: teacher, school: school, user: user, today: req.today, on: req.db))
    }

    func complete(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let (step, teacher, school) = try await Scope.step(try req.uuidParameter("stepID"), for: user, on: req.db)
        let body = try req.content.decode(Components.Schemas.StepCompletion.self)
        switch try await DevelopmentPlans.complete(step: step, teacher: teacher, school: school, completedOn: body.completedOn,
                                                   evidence: body.evidence, user: user, today: req.today, on: req.db) {
        case .failure(let errors):
            return try refused(errors)
        case .success:
            let done = Components.Schemas.DevelopmentStep(
                id: try step.requireID().uuidString, area: step.area, kind: .init(step.stepKind), title: step.title, form: step.form,
                expectedResult: step.expectedResult, deadline: (step.deadlineDay ?? req.today).iso, completedOn: step.completedDay?.iso,
                evidence: step.evidence)
            return try await done.encodeResponse(for: req)
        }
    }

    func mentorships(_ req: Request) async throws -> [Components.Schemas.Mentorship] {
        let user = try req.currentUser()
        let school = try await Scope.peopleSchool(try req.uuidParameter("schoolID"), for: user, on: req.db)
        let people = try await PeopleData.load(municipalityID: school.$municipality.id, on: req.db)
        return people.pairs.filter { $0.schoolID == school.id }.sorted { $0.startsOn < $1.startsOn }.map {
            Components.Schemas.Mentorship(
                id: $0.id.uuidString, mentor: people.teacher($0.mentorKey)?.fact.name ?? $0.mentorKey,
                mentee: people.teacher($0.menteeKey)?.fact.name ?? $0.menteeKey, youngSpecialist: $0.youngSpecialist,
                startsOn: $0.startsOn.iso, endsOn: $0.endsOn?.iso, plan: $0.plan,
                meetings: $0.meetings.map { Components.Schemas.Meeting(date: $0.date.iso, topic: $0.topic) })
        }
    }

    /// A problem+json answer with the form's field errors.
    func refused(_ errors: FieldErrors) throws -> Response {
        try Problem(status: .unprocessableEntity, detail: errors.all.joined(separator: " "), errors: errors.messages).response()
    }

    func addMentorship(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await Scope.peopleSchool(try req.uuidParameter("schoolID"), for: user, on: req.db)
        let b = try req.content.decode(Components.Schemas.MentorshipInput.self)
        let values = ["mentor": b.mentorID, "mentee": b.menteeID, "young_specialist": b.youngSpecialist ? "да" : "нет",
                      "starts_on": b.startsOn, "ends_on": b.endsOn ?? "", "plan": b.plan]
        switch try await PeopleWork.addMentorship(values, school: school, user: user, on: req.db) {
        case .failure(let errors): return try refused(errors)
        case .success: return try await mentorships(req).encodeResponse(status: .created, for: req)
        }
    }

    func addMeeting(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let (pair, school) = try await PeopleRecords.mentorship(try req.uuidParameter("mentorshipID"), for: user, on: req.db)
        let b = try req.content.decode(Components.Schemas.MeetingInput.self)
        switch try await PeopleWork.addMeeting(["date": b.date, "topic": b.topic], pair: pair, school: school, user: user, today: req.today, on: req.db) {
        case .failure(let errors): return try refused(errors)
        case .success(let date):
            let meeting = Components.Schemas.Meeting(date: date.iso, topic: b.topic.trimmingCharacters(in: .whitespacesAndNewlines))
            return try await meeting.encodeResponse(status: .created, for: req)
        }
    }

    func addConsultation(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let programme = try await Scope.currentProgramme(for: user, on: req.db)
        let b = try req.content.decode(Components.Schemas.ConsultationInput.self)
        let point = try await PeopleRecords.consultationPoint(named: b.pointName, municipalityID: programme.$municipality.id, on: req.db)
        let values = ["point": point?.id?.uuidString ?? "", "school": b.schoolID, "teacher": b.teacherID ?? "", "date": b.date, "topic": b.topic]
        switch try await PeopleWork.addConsultation(values, municipalityID: programme.$municipality.id, user: user, today: req.today, on: req.db) {
        case .failure(let errors): return try refused(errors)
        case .success: return try await consultations(req).encodeResponse(status: .created, for: req)
        }
    }

    func putFamilies(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await Scope.peopleSchool(try req.uuidParameter("schoolID"), for: user, on: req.db)
        let b = try req.content.decode(Components.Schemas.AtRiskFamilies.self)
        switch try await PeopleWork.saveFamilies(["year": String(b.year), "families": String(b.families)], school: school, user: user, on: req.db) {
        case .failure(let errors): return try refused(errors)
        case .success: return try await b.encodeResponse(for: req)
        }
    }

    func consultations(_ req: Request) async throws -> Components.Schemas.Consultations {
        let user = try req.currentUser()
        let m = try await ConsultationsView.query(user: user, today: req.today, on: req.db)
        return Components.Schemas.Consultations(
            points: m.points.map { Components.Schemas.ConsultationPoint(name: $0.name, tutors: $0.tutors, areas: $0.topics, schedule: $0.schedule) },
            consultations: m.log.map {
                Components.Schemas.Consultation(date: $0.date.iso, point: $0.point, school: $0.school, teacher: m.showTeachers ? $0.teacher : nil,
                                                topic: $0.topic)
            })
    }

    func studentSupport(_ req: Request) async throws -> Components.Schemas.StudentSupport {
        let user = try req.currentUser()
        let school = try await Scope.peopleSchool(try req.uuidParameter("schoolID"), for: user, on: req.db)
        let (year, years) = try req.schoolPageYear(of: try await Scope.currentProgramme(for: user, school: school, on: req.db))
        let m = try await StudentSupportView.query(school: school, year: year, years: years, user: user, on: req.db)
        return Components.Schemas.StudentSupport(year: m.year, atRiskFamilies: m.families, grades: m.grades.map(Components.Schemas.StudentSupportGrade.init))
    }

    func supportPlans(_ req: Request) async throws -> [Components.Schemas.SupportPlan] {
        let user = try req.currentUser()
        let school = try await Scope.peopleSchool(try req.uuidParameter("schoolID"), for: user, on: req.db)
        return try await PeopleRecords.supportPlans(of: school, on: req.db).map(Components.Schemas.SupportPlan.init)
    }

    func saveSupportPlan(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let school = try await Scope.peopleSchool(try req.uuidParameter("schoolID"), for: user, on: req.db)
        let b = try req.content.decode(Components.Schemas.SupportPlanInput.self)
        let values = ["participant_code": b.participantCode, "grade": b.grade.map(String.init) ?? "", "goal": b.goal, "measures": b.measures,
                      "specialist_role": b.specialistRole.rawValue, "review_dates": b.reviewDates.joined(separator: ", "), "outcome": b.outcome ?? ""]
        switch try await PeopleWork.saveSupportPlan(values, school: school, user: user, on: req.db) {
        case .failure(let errors):
            return try refused(errors)
        case .success(let plan):
            return try await Components.Schemas.SupportPlan(plan.input).encodeResponse(for: req)
        }
    }
}
