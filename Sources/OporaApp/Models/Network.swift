import Fluent
import Foundation
import OporaDomain

/// One risk factor of a municipality's list (the 10 of project 500+ until the admin changes it).
final class RiskFactorRecord: Model, @unchecked Sendable {
    static let schema = "risk_factors"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Field(key: "ordinal") var ordinal: Int
    @Field(key: "key") var key: String
    @Field(key: "title") var title: String
    /// Plan direction codes separated by «,».
    @Field(key: "directions") var directions: String

    init() {}

    var domain: RiskFactor { RiskFactor(key: key, title: title, directions: directions.split(separator: ",").map(String.init)) }
}

/// A methodist's level of one risk factor of a school in a year, with what Opora suggested then.
final class RiskAssessment: Model, @unchecked Sendable {
    static let schema = "risk_assessments"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "school_id") var school: School
    @Field(key: "year") var year: Int
    @Field(key: "factor") var factor: String
    @Field(key: "level") var level: String
    @OptionalField(key: "suggested_level") var suggestedLevel: String?
    @Field(key: "comment") var comment: String
    @Field(key: "assessed_by") var assessedBy: String
    @Field(key: "assessed_on") var assessedOn: String

    init() {}
}

/// A targeted recommendation (адресная рекомендация) to a school, from its risks.
final class Recommendation: Model, @unchecked Sendable {
    static let schema = "recommendations"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "school_id") var school: School
    @Field(key: "year") var year: Int
    @OptionalField(key: "factor") var factor: String?
    @Field(key: "text") var text: String
    @Field(key: "status") var status: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_on") var createdOn: String
    @Siblings(through: RecommendationMeasure.self, from: \.$recommendation, to: \.$measure) var measures: [Measure]

    init() {}
}

/// A measure that carries out a recommendation.
final class RecommendationMeasure: Model, @unchecked Sendable {
    static let schema = "recommendation_measures"
    @ID(key: .id) var id: UUID?
    @Parent(key: "recommendation_id") var recommendation: Recommendation
    @Parent(key: "measure_id") var measure: Measure

    init() {}
}

/// A management decision (управленческое решение): who decided what, on what basis.
final class Decision: Model, @unchecked Sendable {
    static let schema = "decisions"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Field(key: "date") var date: String
    @Field(key: "body") var body: String
    @Field(key: "decision") var decision: String
    @Field(key: "basis") var basis: String
    @OptionalParent(key: "school_id") var school: School?
    @OptionalParent(key: "measure_id") var measure: Measure?
    @Field(key: "created_by") var createdBy: String

    init() {}
}

/// A successful practice of a school, for the municipal database of practices.
final class Practice: Model, @unchecked Sendable {
    static let schema = "practices"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @OptionalParent(key: "school_id") var school: School?
    @Field(key: "title") var title: String
    @Field(key: "authors") var authors: String
    /// Direction codes separated by «,».
    @Field(key: "directions") var directions: String
    /// Risk factor keys separated by «,».
    @Field(key: "factors") var factors: String
    @Field(key: "description") var description: String
    @Field(key: "results") var results: String
    @Field(key: "evidence") var evidence: String
    @Field(key: "evidence_level") var evidenceLevel: String
    @Field(key: "is_public") var isPublic: Bool
    /// Stems of every text field, « stem stem », for search that finds word forms on any database.
    @Field(key: "search_index") var searchIndex: String
    @Field(key: "updated_on") var updatedOn: String

    init() {}

    var directionCodes: [String] { directions.split(separator: ",").map(String.init) }
    var factorKeys: [String] { factors.split(separator: ",").map(String.init) }
    var level: EvidenceLevel { EvidenceLevel(rawValue: evidenceLevel) ?? .rationale }
}

/// The bytes of a practice's file or a partnership's agreement, apart from its metadata.
final class FileBlob: Model, @unchecked Sendable {
    static let schema = "file_blobs"
    @ID(key: .id) var id: UUID?
    @Field(key: "data") var data: Data

    init() {}
    init(id: UUID, data: Data) {
        self.id = id
        self.data = data
    }
}

/// A file of a practice; its bytes are a `FileBlob` with the same id.
final class PracticeFile: Model, @unchecked Sendable {
    static let schema = "practice_files"
    @ID(key: .id) var id: UUID?
    @Parent(key: "practice_id") var practice: Practice
    @Field(key: "file_name") var fileName: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int

    init() {}
}

/// A partnership of a school with another school or a social partner, with its agreement.
final class Partnership: Model, @unchecked Sendable {
    static let schema = "partnerships"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "school_id") var school: School
    @OptionalParent(key: "partner_school_id") var partnerSchool: School?
    @OptionalField(key: "partner_name") var partnerName: String?
    @Field(key: "partner_kind") var partnerKind: String
    @OptionalField(key: "agreement_number") var agreementNumber: String?
    @OptionalField(key: "agreement_date") var agreementDate: String?
    @OptionalField(key: "term") var term: String?
    @Field(key: "subject") var subject: String
    /// The signed agreement; its bytes are a `FileBlob` with this id.
    @OptionalField(key: "file_id") var fileID: UUID?
    @OptionalField(key: "file_name") var fileName: String?
    @OptionalField(key: "file_type") var fileType: String?

    init() {}
}

/// A school's resource of a year: available or missing, with a note; published when the school wants it.
final class ResourceItem: Model, @unchecked Sendable {
    static let schema = "resource_items"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Parent(key: "school_id") var school: School
    @Field(key: "year") var year: Int
    @Field(key: "item") var item: String
    @Field(key: "available") var available: Bool
    @Field(key: "note") var note: String
    @Field(key: "is_public") var isPublic: Bool

    init() {}
}

/// A seminar, internship, olympiad, subject day or parent meeting.
final class NetworkEvent: Model, @unchecked Sendable {
    static let schema = "events"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @OptionalParent(key: "school_id") var school: School?
    @OptionalParent(key: "partnership_id") var partnership: Partnership?
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    @Field(key: "date") var date: String
    @Field(key: "organiser") var organiser: String
    @Field(key: "audience") var audience: String
    @OptionalField(key: "participants") var participants: Int?
    @Field(key: "materials") var materials: String
    @Field(key: "is_public") var isPublic: Bool

    init() {}
}
