import Fluent
import Foundation
import OporaDomain

/// One competence area of the deficit diagnostics of a municipality; the admin edits the list.
final class CompetenceAreaRecord: Model, @unchecked Sendable {
    static let schema = "competence_areas"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Field(key: "ordinal") var ordinal: Int
    @Field(key: "key") var key: String
    @Field(key: "title") var title: String
    @Field(key: "threshold") var threshold: Double

    init() {}

    var domain: CompetenceArea { CompetenceArea(key: key, title: title, threshold: threshold) }
}

/// A teacher's score in one competence area on one date, typed in or imported from a testing platform.
final class DiagnosticRecord: Model, @unchecked Sendable {
    static let schema = "diagnostics"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "teacher_id") var teacher: TeacherRecord
    @Field(key: "natural_key") var naturalKey: String
    @Field(key: "date") var date: String
    @Field(key: "area") var area: String
    @Field(key: "score") var score: Double

    init() {}

    func fact(teacherKey: String) -> DiagnosticFact? {
        Day(date).map { DiagnosticFact(id: naturalKey, teacherID: teacherKey, date: $0, area: area, score: score) }
    }
}

/// A course of the municipal catalogue of professional development, with the areas it develops.
final class CourseRecord: Model, @unchecked Sendable {
    static let schema = "courses"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Field(key: "natural_key") var naturalKey: String
    @Field(key: "title") var title: String
    @OptionalField(key: "provider") var provider: String?
    @OptionalField(key: "hours") var hours: Int?
    /// Area keys separated by «,».
    @Field(key: "areas") var areas: String
    @Field(key: "concerns_quality") var concernsQuality: Bool

    init() {}

    var fact: CourseFact {
        CourseFact(id: naturalKey, title: title, provider: provider, hours: hours, areas: areas.split(separator: ",").map(String.init),
                   concernsQuality: concernsQuality)
    }

    func set(_ f: CourseFact) {
        naturalKey = f.id
        title = f.title
        provider = f.provider
        hours = f.hours
        areas = f.areas.joined(separator: ",")
        concernsQuality = f.concernsQuality
    }
}

/// A teacher's individual development plan (ИОМ): one per teacher.
final class DevelopmentPlan: Model, @unchecked Sendable {
    static let schema = "development_plans"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "school_id") var school: School
    @Parent(key: "teacher_id") var teacher: TeacherRecord
    @Field(key: "created_on") var createdOn: String
    @Children(for: \.$plan) var steps: [DevelopmentStep]

    init() {}
}

/// One step of a development plan; a completed course step is also a training record.
final class DevelopmentStep: Model, @unchecked Sendable {
    static let schema = "development_steps"
    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: DevelopmentPlan
    @Field(key: "ordinal") var ordinal: Int
    @Field(key: "area") var area: String
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    @OptionalField(key: "course_key") var courseKey: String?
    @Field(key: "form") var form: String
    @Field(key: "expected_result") var expectedResult: String
    @Field(key: "deadline") var deadline: String
    @OptionalField(key: "completed_on") var completedOn: String?
    @OptionalField(key: "evidence") var evidence: String?
    @OptionalField(key: "training_id") var trainingID: UUID?

    init() {}

    var stepKind: StepKind { StepKind(rawValue: kind) ?? .selfStudy }
    var deadlineDay: Day? { Day(deadline) }
    var completedDay: Day? { completedOn.flatMap(Day.init) }
}

/// A mentor and a mentee, both teachers; it belongs to the mentee's school.
final class Mentorship: Model, @unchecked Sendable {
    static let schema = "mentorships"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "school_id") var school: School
    @Parent(key: "mentor_id") var mentor: TeacherRecord
    @Parent(key: "mentee_id") var mentee: TeacherRecord
    @Field(key: "young_specialist") var youngSpecialist: Bool
    @Field(key: "starts_on") var startsOn: String
    @OptionalField(key: "ends_on") var endsOn: String?
    @Field(key: "plan") var plan: String
    @Children(for: \.$mentorship) var meetings: [MentoringMeeting]

    init() {}
}

/// A logged meeting of a mentoring pair.
final class MentoringMeeting: Model, @unchecked Sendable {
    static let schema = "mentoring_meetings"
    @ID(key: .id) var id: UUID?
    @Parent(key: "mentorship_id") var mentorship: Mentorship
    @Field(key: "date") var date: String
    @Field(key: "topic") var topic: String

    init() {}
}

/// A municipal consultation point: its tutors, topics (competence areas) and schedule.
final class ConsultationPoint: Model, @unchecked Sendable {
    static let schema = "consultation_points"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Field(key: "name") var name: String
    @Field(key: "tutors") var tutors: String
    /// Area keys separated by «,».
    @Field(key: "areas") var areas: String
    @Field(key: "schedule") var schedule: String

    init() {}

    var areaKeys: [String] { areas.split(separator: ",").map(String.init) }
}

/// A consultation given at a point to a school, and where known to one of its teachers.
final class Consultation: Model, @unchecked Sendable {
    static let schema = "consultations"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "point_id") var point: ConsultationPoint
    @Parent(key: "school_id") var school: School
    @OptionalParent(key: "teacher_id") var teacher: TeacherRecord?
    @Field(key: "date") var date: String
    @Field(key: "topic") var topic: String

    init() {}
}

/// Counts of one grade of a school in a year: difficulties, motivation, extracurricular work.
final class StudentSupportRecord: Model, @unchecked Sendable {
    static let schema = "student_support"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "school_id") var school: School
    @Field(key: "year") var year: Int
    @Field(key: "grade") var grade: Int
    @OptionalField(key: "difficulties") var difficulties: Int?
    @OptionalField(key: "motivation_low") var motivationLow: Int?
    @OptionalField(key: "motivation_medium") var motivationMedium: Int?
    @OptionalField(key: "motivation_high") var motivationHigh: Int?
    @OptionalField(key: "extracurricular") var extracurricular: Int?

    init() {}

    func fact(schoolCode: String) -> StudentSupportFact {
        StudentSupportFact(id: "\(schoolCode)|\(year)|\(grade)", schoolCode: schoolCode, year: year, grade: grade, difficulties: difficulties,
                           motivationLow: motivationLow, motivationMedium: motivationMedium, motivationHigh: motivationHigh,
                           extracurricular: extracurricular)
    }

    func set(_ f: StudentSupportFact) {
        year = f.year
        grade = f.grade
        difficulties = f.difficulties
        motivationLow = f.motivationLow
        motivationMedium = f.motivationMedium
        motivationHigh = f.motivationHigh
        extracurricular = f.extracurricular
    }
}

/// Families at risk of a school in a year: a count, never a list.
final class AtRiskFamiliesRecord: Model, @unchecked Sendable {
    static let schema = "at_risk_families"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "school_id") var school: School
    @Field(key: "year") var year: Int
    @Field(key: "families") var families: Int

    init() {}
}

/// An individual support plan of a student, known by participant code only.
final class SupportPlan: Model, @unchecked Sendable {
    static let schema = "support_plans"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "school_id") var school: School
    @Field(key: "participant_code") var participantCode: String
    @OptionalField(key: "grade") var grade: Int?
    @Field(key: "goal") var goal: String
    @Field(key: "measures") var measures: String
    @Field(key: "specialist_role") var specialistRole: String
    /// ISO dates separated by «,».
    @Field(key: "review_dates") var reviewDates: String
    @OptionalField(key: "outcome") var outcome: String?

    init() {}

    var reviewDays: [Day] { reviewDates.split(separator: ",").compactMap { Day(String($0)) } }

    func set(_ p: SupportPlanInput) {
        participantCode = p.participantCode
        grade = p.grade
        goal = p.goal
        measures = p.measures
        specialistRole = p.specialistRole
        reviewDates = p.reviewDates.map(\.iso).joined(separator: ",")
        outcome = p.outcome
    }

    var input: SupportPlanInput {
        SupportPlanInput(participantCode: participantCode, grade: grade, goal: goal, measures: measures, specialistRole: specialistRole,
                         reviewDates: reviewDays, outcome: outcome)
    }
}
