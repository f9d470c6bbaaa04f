import Fluent
import Foundation
import OporaDomain

/// The competence areas of a municipality: the default list until the admin saves another.
/// Reading never writes; the admin's save stores the whole list.
enum CompetenceAreaList {
    static func load(municipalityID: UUID, on db: any Database) async throws -> [CompetenceArea] {
        let rows = try await CompetenceAreaRecord.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$ordinal).all()
        return rows.isEmpty ? CompetenceAreas.defaults : rows.map(\.domain)
    }
}

/// The teachers of a municipality with their diagnostics, plans and mentoring, read once.
/// Teachers are known by "school_code|teacher_code", as in every file.
struct PeopleData: Sendable {
    struct Teacher: Sendable {
        var recordID: UUID
        var schoolID: UUID
        var fact: TeacherFact
        /// On the municipality's list of mentors: every school of it may see and choose this teacher.
        var municipalMentor: Bool = false
    }

    struct Plan: Sendable {
        var id: UUID
        var teacherKey: String
        var createdOn: Day
        var steps: [Step]

        func progress(today: Day) -> PlanProgress {
            PlanProgress.of(steps: steps.map { ($0.deadline, $0.completedOn) }, today: today)
        }
    }

    struct Step: Sendable {
        var id: UUID
        var ordinal: Int
        var area: String
        var kind: StepKind
        var title: String
        var courseKey: String?
        var form: String
        var expectedResult: String
        var deadline: Day
        var completedOn: Day?
        var evidence: String?
    }

    struct Pair: Sendable {
        var id: UUID
        var schoolID: UUID
        var mentorKey: String
        var menteeKey: String
        var youngSpecialist: Bool
        var startsOn: Day
        var endsOn: Day?
        var plan: String
        var meetings: [(date: Day, topic: String)]
    }

    var municipalityID: UUID
    var areas: [CompetenceArea]
    var teachers: [Teacher]
    var diagnostics: [DiagnosticFact]
    var courses: [CourseFact]
    var plans: [Plan]
    var pairs: [Pair]
    var points: [ConsultationOffer]

    static func load(municipalityID: UUID, on db: any Database) async throws -> PeopleData {
        let schools = try await School.query(on: db).filter(\.$municipality.$id == municipalityID).all()
        let codeByID = Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0.code) })
        let areas = try await CompetenceAreaList.load(municipalityID: municipalityID, on: db)
        let records = try await TeacherRecord.query(on: db).filter(\.$municipality.$id == municipalityID).all()
        let teachers: [Teacher] = records.compactMap { t in
            codeByID[t.$school.id].map { Teacher(recordID: t.id!, schoolID: t.$school.id, fact: t.fact(schoolCode: $0),
                                                 municipalMentor: t.municipalMentor) }
        }
        let keyByID = Dictionary(uniqueKeysWithValues: teachers.map { ($0.recordID, $0.fact.id) })
        let diagnostics = try await DiagnosticRecord.query(on: db).filter(\.$municipality.$id == municipalityID).all()
            .compactMap { d in keyByID[d.$teacher.id].flatMap { d.fact(teacherKey: $0) } }
        let courses = try await CourseRecord.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$title).all().map(\.fact)
        let plans = try await DevelopmentPlan.query(on: db).filter(\.$municipality.$id == municipalityID).with(\.$steps).all()
            .compactMap { p -> Plan? in
                guard let key = keyByID[p.$teacher.id] else { return nil }
                let steps = p.steps.sorted { $0.ordinal < $1.ordinal }.compactMap { s -> Step? in
                    guard let deadline = s.deadlineDay else { return nil }
                    return Step(id: s.id!, ordinal: s.ordinal, area: s.area, kind: s.stepKind, title: s.title, courseKey: s.courseKey,
                                form: s.form, expectedResult: s.expectedResult, deadline: deadline, completedOn: s.completedDay, evidence: s.evidence)
                }
                guard let created = Day(p.createdOn) else { return nil }
                return Plan(id: p.id!, teacherKey: key, createdOn: created, steps: steps)
            }
        let pairs = try await Mentorship.query(on: db).filter(\.$municipality.$id == municipalityID).with(\.$meetings).all()
            .compactMap { m -> Pair? in
                guard let mentor = keyByID[m.$mentor.id], let mentee = keyByID[m.$mentee.id], let starts = Day(m.startsOn) else { return nil }
                return Pair(id: m.id!, schoolID: m.$school.id, mentorKey: mentor, menteeKey: mentee, youngSpecialist: m.youngSpecialist,
                            startsOn: starts, endsOn: m.endsOn.flatMap(Day.init), plan: m.plan,
                            meetings: m.meetings.compactMap { x in Day(x.date).map { ($0, x.topic) } }.sorted { $0.date < $1.date })
            }
        let points = try await ConsultationPoint.query(on: db).filter(\.$municipality.$id == municipalityID).sort(\.$name).all()
            .map { ConsultationOffer(name: $0.name, areas: $0.areaKeys) }
        return PeopleData(municipalityID: municipalityID, areas: areas, teachers: teachers, diagnostics: diagnostics, courses: courses,
                          plans: plans, pairs: pairs, points: points)
    }

    func teachers(ofSchool code: String) -> [TeacherFact] {
        teachers.map(\.fact).filter { $0.schoolCode == code }
            .sorted { $0.teacherCode.localizedStandardCompare($1.teacherCode) == .orderedAscending }
    }

    func deficits(of teacherKey: String) -> [Deficit] {
        DeficitAnalysis.deficits(of: teacherKey, facts: diagnostics, areas: areas)
    }

    func plan(of teacherKey: String) -> Plan? { plans.first { $0.teacherKey == teacherKey } }

    func area(_ key: String) -> CompetenceArea? { areas.first { $0.key == key } }

    func areaTitle(_ key: String) -> String { area(key)?.title ?? key }

    func teacher(_ key: String) -> Teacher? { teachers.first { $0.fact.id == key } }

    /// Whether a teacher has a mentor now, which the draft plan may offer.
    func hasMentor(_ teacherKey: String, today: Day) -> Bool {
        pairs.contains { $0.menteeKey == teacherKey && $0.startsOn <= today && ($0.endsOn.map { $0 >= today } ?? true) }
    }
}
