import Fluent
import Foundation
import OporaDomain

final class Programme: Model, @unchecked Sendable {
    static let schema = "programmes"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @OptionalField(key: "template_key") var templateKey: String?
    @Field(key: "name") var name: String
    @Field(key: "start_year") var startYear: Int
    @Field(key: "end_year") var endYear: Int
    /// The passport and the analysis as JSON of `ProgrammePassport` and `ProgrammeTemplate.Analysis`:
    /// read whole, shown whole.
    @Field(key: "passport_json") var passportJSON: String
    @Field(key: "analysis_json") var analysisJSON: String
    @Enum(key: "status") var status: ProgrammeStatus
    /// The day it was closed (ISO), and why when before its period's end.
    @OptionalField(key: "closed_on") var closedOn: String?
    @OptionalField(key: "close_reason") var closeReason: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    var years: ClosedRange<Int> { startYear...endYear }

    init() {}
}

final class ProgrammeSection: Model, @unchecked Sendable {
    static let schema = "programme_sections"
    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "number") var number: Int
    @Field(key: "title") var title: String
    @Field(key: "expected_result") var expectedResult: String

    init() {}
}

final class Direction: Model, @unchecked Sendable {
    static let schema = "directions"
    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Parent(key: "section_id") var section: ProgrammeSection
    @Field(key: "code") var code: String
    @Field(key: "title") var title: String
    @Field(key: "ordinal") var ordinal: Int

    init() {}
}

/// A task of a direction (Приложение 1), set for the years first…last.
final class YearTask: Model, @unchecked Sendable {
    static let schema = "year_tasks"
    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Parent(key: "direction_id") var direction: Direction
    @Field(key: "text") var text: String
    @Field(key: "first_year") var firstYear: Int
    @Field(key: "last_year") var lastYear: Int
    @Field(key: "ordinal") var ordinal: Int

    init() {}
}

final class Indicator: Model, @unchecked Sendable {
    static let schema = "indicators"
    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "number") var number: Int
    @Field(key: "title") var title: String
    @Field(key: "unit") var unit: String
    @Field(key: "baseline_year") var baselineYear: Int
    @OptionalField(key: "baseline") var baseline: Double?
    /// The built-in formula of the value; nil when the value is entered by hand.
    @OptionalEnum(key: "formula") var formula: IndicatorFormula?
    /// Where a value entered by hand comes from.
    @OptionalField(key: "source") var source: String?

    init() {}
}

final class IndicatorTarget: Model, @unchecked Sendable {
    static let schema = "indicator_targets"
    @ID(key: .id) var id: UUID?
    @Parent(key: "indicator_id") var indicator: Indicator
    @Field(key: "year") var year: Int
    @Field(key: "value") var value: Double

    init() {}
    init(indicatorID: UUID, year: Int, value: Double) {
        $indicator.id = indicatorID
        self.year = year
        self.value = value
    }
}

/// A school taking part in a programme: it has its own plan in that programme. A school may take part
/// in one programme and not the next.
final class ProgrammeSchool: Model, @unchecked Sendable {
    static let schema = "programme_schools"
    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Parent(key: "school_id") var school: School
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
    init(programmeID: UUID, schoolID: UUID) {
        $programme.id = programmeID
        $school.id = schoolID
    }
}

/// A part of one programme's plan, edited with it and scoped by it.
protocol ProgrammePart: Model where IDValue == UUID {
    var programmeID: UUID { get }
    /// The name of its id in an API path: `sectionID`.
    static var pathParameter: String { get }
}

extension ProgrammeSection: ProgrammePart { var programmeID: UUID { $programme.id }; static let pathParameter = "sectionID" }
extension Direction: ProgrammePart { var programmeID: UUID { $programme.id }; static let pathParameter = "directionID" }
extension YearTask: ProgrammePart { var programmeID: UUID { $programme.id }; static let pathParameter = "taskID" }
extension Indicator: ProgrammePart { var programmeID: UUID { $programme.id }; static let pathParameter = "indicatorID" }
extension Measure: ProgrammePart { var programmeID: UUID { $programme.id }; static let pathParameter = "measureID" }
