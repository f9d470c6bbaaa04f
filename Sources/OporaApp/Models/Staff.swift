import Fluent
import Foundation
import OporaDomain

/// A pedagogical or other worker of a school.
final class TeacherRecord: Model, @unchecked Sendable {
    static let schema = "teachers"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "school_id") var school: School
    @Field(key: "teacher_code") var teacherCode: String
    @Field(key: "name") var name: String
    @Field(key: "position") var position: String
    @Field(key: "pedagogical") var pedagogical: Bool
    @OptionalField(key: "qualification") var qualification: String?
    @OptionalField(key: "employed_from") var employedFrom: String?
    @OptionalField(key: "employed_to") var employedTo: String?
    /// On the municipality's list of mentors; set by methodists.
    @Field(key: "municipal_mentor") var municipalMentor: Bool

    init() { municipalMentor = false }

    func fact(schoolCode: String) -> TeacherFact {
        TeacherFact(id: "\(schoolCode)|\(teacherCode)", schoolCode: schoolCode, teacherCode: teacherCode, name: name, position: position,
                    pedagogical: pedagogical, qualification: qualification, employedFrom: employedFrom.flatMap(Day.init),
                    employedTo: employedTo.flatMap(Day.init))
    }

    func set(_ f: TeacherFact) {
        teacherCode = f.teacherCode
        name = f.name
        position = f.position
        pedagogical = f.pedagogical
        qualification = f.qualification
        employedFrom = f.employedFrom?.iso
        employedTo = f.employedTo?.iso
    }
}

/// A completed course of a teacher.
final class TrainingRecord: Model, @unchecked Sendable {
    static let schema = "training_records"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "teacher_id") var teacher: TeacherRecord
    @Field(key: "natural_key") var naturalKey: String
    @Field(key: "title") var title: String
    @OptionalField(key: "provider") var provider: String?
    @OptionalField(key: "hours") var hours: Int?
    @Field(key: "completed_on") var completedOn: String
    @Field(key: "concerns_quality") var concernsQuality: Bool
    @OptionalField(key: "certificate") var certificate: String?

    init() {}

    func fact(teacherKey: String) -> TrainingFact {
        TrainingFact(id: naturalKey, teacherID: teacherKey, title: title, provider: provider, hours: hours,
                     completedOn: Day(completedOn)!, concernsQuality: concernsQuality, certificate: certificate)
    }

    func set(_ f: TrainingFact) {
        naturalKey = f.id
        title = f.title
        provider = f.provider
        hours = f.hours
        completedOn = f.completedOn.iso
        concernsQuality = f.concernsQuality
        certificate = f.certificate
    }
}

/// Staff positions of one kind at a school in a year.
final class StaffPositionRecord: Model, @unchecked Sendable {
    static let schema = "staff_positions"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "school_id") var school: School
    @Field(key: "year") var year: Int
    @Field(key: "position") var position: String
    @Field(key: "pedagogical") var pedagogical: Bool
    @Field(key: "positions") var positions: Double
    @Field(key: "filled") var filled: Double
    @Field(key: "filled_qualified") var filledQualified: Double

    init() {}

    func fact(schoolCode: String) -> StaffPositionFact {
        // Keyed as the file's rows are: the position compared without case, so «АХЧ» in a stored row matches its file row.
        StaffPositionFact(id: "\(schoolCode)|\(year)|\(ColumnSet.normalise(position))", schoolCode: schoolCode, year: year, position: position,
                          pedagogical: pedagogical, positions: positions, filled: filled, filledQualified: filledQualified)
    }

    func set(_ f: StaffPositionFact) {
        year = f.year
        position = f.position
        pedagogical = f.pedagogical
        positions = f.positions
        filled = f.filled
        filledQualified = f.filledQualified
    }
}

/// The items of the equal-access checklist of a municipality; the admin edits the list.
final class ChecklistItemRecord: Model, @unchecked Sendable {
    static let schema = "checklist_items"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Field(key: "ordinal") var ordinal: Int
    @Field(key: "title") var title: String

    init() {}
}

/// One checklist item at a school in a year: available or missing.
final class ChecklistEntryRecord: Model, @unchecked Sendable {
    static let schema = "checklist_entries"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "school_id") var school: School
    @Field(key: "year") var year: Int
    @Field(key: "item") var item: String
    @Field(key: "available") var available: Bool

    init() {}

    func fact(schoolCode: String) -> ChecklistFact {
        ChecklistFact(id: "\(schoolCode)|\(year)|\(item)", schoolCode: schoolCode, year: year, item: item, available: available)
    }
}

/// ГИА of a school in a year: participants and how many passed.
final class GIAOutcomeRecord: Model, @unchecked Sendable {
    static let schema = "gia_outcomes"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "school_id") var school: School
    @Field(key: "year") var year: Int
    @Field(key: "participants") var participants: Int
    @Field(key: "passed") var passed: Int

    init() {}

    func fact(schoolCode: String) -> GIAOutcomeFact {
        GIAOutcomeFact(id: "\(schoolCode)|\(year)", schoolCode: schoolCode, year: year, participants: participants, passed: passed)
    }
}

/// An indicator value entered by hand, with its source and reason; shown as such, never mixed in.
final class IndicatorManualValue: Model, @unchecked Sendable {
    static let schema = "indicator_manual_values"
    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "number") var number: Int
    @Field(key: "year") var year: Int
    @Field(key: "value") var value: Double
    @Field(key: "source") var source: String
    @Field(key: "reason") var reason: String
    @Field(key: "entered_by") var enteredBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
