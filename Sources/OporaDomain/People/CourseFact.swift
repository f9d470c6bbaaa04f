/// A course of the municipal catalogue of professional development, with the deficits it addresses.
public struct CourseFact: Hashable, Codable, Sendable {
    /// The normalised title: the catalogue lists a course once.
    public var id: String
    public var title: String
    public var provider: String?
    public var hours: Int?
    /// Keys of the `CompetenceArea`s the course addresses, at least one.
    public var areas: [String]
    /// Concerns the quality of education per ФГОС.
    public var concernsQuality: Bool

    public init(id: String, title: String, provider: String?, hours: Int?, areas: [String], concernsQuality: Bool) {
        self.id = id
        self.title = title
        self.provider = provider
        self.hours = hours
        self.areas = areas
        self.concernsQuality = concernsQuality
    }
}

extension CourseFact {
    /// The key a catalogue course is known by: its normalised title.
    public static func key(forTitle title: String) -> String { ColumnSet.normalise(title) }
}
