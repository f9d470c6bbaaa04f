import Fluent
import Foundation
import OporaDomain

/// Social context of a school in a year (shares 0…1).
final class SocialContextRecord: Model, @unchecked Sendable {
    static let schema = "social_contexts"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "school_id") var school: School
    @Field(key: "year") var year: Int
    @OptionalField(key: "students") var students: Int?
    @OptionalField(key: "low_income_share") var lowIncomeShare: Double?
    @OptionalField(key: "incomplete_family_share") var incompleteFamilyShare: Double?
    @OptionalField(key: "no_higher_education_share") var noHigherEducationShare: Double?
    @OptionalField(key: "non_native_share") var nonNativeShare: Double?
    @OptionalField(key: "preventive_register_share") var preventiveRegisterShare: Double?
    @OptionalField(key: "import_id") var importID: UUID?

    init() {}

    func domain(schoolCode: String) -> SocialContext {
        SocialContext(year: year, schoolCode: schoolCode, students: students, lowIncomeShare: lowIncomeShare,
                      incompleteFamilyShare: incompleteFamilyShare, noHigherEducationShare: noHigherEducationShare,
                      nonNativeShare: nonNativeShare, preventiveRegisterShare: preventiveRegisterShare)
    }

    func set(_ c: SocialContext) {
        students = c.students
        lowIncomeShare = c.lowIncomeShare
        incompleteFamilyShare = c.incompleteFamilyShare
        noHigherEducationShare = c.noHigherEducationShare
        nonNativeShare = c.nonNativeShare
        preventiveRegisterShare = c.preventiveRegisterShare
    }
}

/// School-level results of one procedure in one year; `school_code` is `REGION` for the regional reference.
final class ResultRecord: Model, @unchecked Sendable {
    static let schema = "results"
    @ID(key: .id) var id: UUID?
    @Parent(key: ResultColumn.municipalityID.key) var municipality: Municipality
    @Field(key: ResultColumn.schoolCode.key) var schoolCode: String
    @Field(key: ResultColumn.year.key) var year: Int
    @Enum(key: ResultColumn.kind.key) var kind: AssessmentKind
    @Field(key: ResultColumn.grade.key) var grade: Int
    @Field(key: ResultColumn.subject.key) var subject: String
    @Field(key: ResultColumn.participants.key) var participants: Int
    @Field(key: ResultColumn.fails.key) var fails: Int
    @OptionalField(key: ResultColumn.marks3.key) var marks3: Int?
    @OptionalField(key: ResultColumn.marks4.key) var marks4: Int?
    @OptionalField(key: ResultColumn.marks5.key) var marks5: Int?
    @OptionalField(key: ResultColumn.meanScore.key) var meanScore: Double?
    @OptionalField(key: ResultColumn.importID.key) var importID: UUID?

    init() {}

    var domain: ResultRow {
        ResultRow(year: year, procedure: Procedure(kind: kind, grade: grade, subject: subject), schoolCode: schoolCode,
                  participants: participants, fails: fails, marks3: marks3, marks4: marks4, marks5: marks5, meanScore: meanScore)
    }

    func set(_ r: ResultRow) {
        schoolCode = r.schoolCode
        year = r.year
        kind = r.procedure.kind
        grade = r.procedure.grade
        subject = r.procedure.subject
        participants = r.participants
        fails = r.fails
        marks3 = r.marks3
        marks4 = r.marks4
        marks5 = r.marks5
        meanScore = r.meanScore
    }
}

/// Every import: who, when, which file, what it changed.
final class ImportRecord: Model, @unchecked Sendable {
    static let schema = "imports"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "user_name") var userName: String
    @Field(key: "kind") var kind: String
    @Field(key: "file_name") var fileName: String
    @Field(key: "added") var added: Int
    @Field(key: "replaced") var replaced: Int
    @Field(key: "unchanged") var unchanged: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// An uploaded file waiting for its preview to be confirmed.
final class PendingImport: Model, @unchecked Sendable {
    static let schema = "pending_imports"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Field(key: "user_id") var userID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "file_name") var fileName: String
    @Field(key: "data") var data: Data
    /// `FileOptions` as JSON: the sheet and the values for the whole file given on upload.
    @OptionalField(key: "options") var options: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// A numbered version of the identification parameters; the newest is in use.
final class MethodologyVersion: Model, @unchecked Sendable {
    static let schema = "methodology_versions"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Field(key: "number") var number: Int
    @Field(key: "parameters_json") var parametersJSON: String
    @Field(key: "created_by") var createdBy: String
    @OptionalField(key: "comment") var comment: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var parameters: MethodologyParameters {
        (try? JSONDecoder().decode(MethodologyParameters.self, from: Data(parametersJSON.utf8))) ?? .defaults
    }
}
