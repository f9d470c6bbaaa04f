extension TrainingFact {
    /// The natural key of a training as the trainings file makes it: the same course of the same
    /// teacher finished on the same day is one record, whether it came by file or by a development plan.
    public static func naturalKey(schoolCode: String, teacherCode: String, completedOn: Day, title: String) -> String {
        "\(schoolCode)|\(teacherCode)|\(completedOn.iso)|\(ColumnSet.normalise(title))"
    }
}
