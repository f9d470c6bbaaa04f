/// One run of the methodology: every school's assessment, and the references and parameters used,
/// so the list can be reproduced and each figure traced.
public struct IdentificationResult: Codable, Sendable, Equatable {
    public var year: Int
    public var parameters: MethodologyParameters
    /// One per school given to the run, sorted by code.
    public var schools: [SchoolAssessment]
    /// The references of every procedure and year a valid school row was compared with, by year and procedure.
    public var references: [ReferenceValue]

    public init(year: Int, parameters: MethodologyParameters, schools: [SchoolAssessment], references: [ReferenceValue]) {
        self.year = year
        self.parameters = parameters
        self.schools = schools
        self.references = references
    }

    public func assessment(of schoolCode: String) -> SchoolAssessment? {
        schools.first { $0.schoolCode == schoolCode }
    }

    public func reference(of procedure: Procedure, in year: Int) -> ReferenceValue? {
        references.first { $0.procedure == procedure && $0.year == year }
    }

    /// The schools of one category, for the lists.
    public func schools(in category: SchoolCategory) -> [SchoolAssessment] {
        schools.filter { $0.category == category }
    }
}
