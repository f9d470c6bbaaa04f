extension IndicatorFormulas {
    /// Indicator 2: pedagogical workers of participating schools employed in Y with a course on the quality of
    /// education per ФГОС completed in Y−2…Y / all pedagogical workers of those schools employed in Y.
    /// A teacher counts once however many such courses they took: the indicator counts people, not courses.
    /// Non-pedagogical workers are listed as not counted so the drill-down answers «why not her?»; workers
    /// not employed in Y are not listed, they are not the school's staff that year.
    static func training(year: Int, inputs: IndicatorInputs) -> IndicatorValue {
        let period = (year - 2)...year
        let span = "\(period.lowerBound)–\(period.upperBound)"
        let staffBySchool = Dictionary(grouping: inputs.teachers.filter { $0.isEmployed(in: year) }, by: \.schoolCode)
        let coursesByTeacher = Dictionary(grouping: inputs.trainings, by: \.teacherID)
        var parts: [IndicatorValue.SchoolPart] = []
        var sources: [IndicatorValue.SourceRow] = []
        for code in inputs.participatingCodes {
            let staff = (staffBySchool[code] ?? []).sorted { ($0.name, $0.id) < ($1.name, $1.id) }
            var trained = 0, pedagogical = 0
            for worker in staff {
                let who = "\(worker.name), \(worker.position)"
                guard worker.pedagogical else {
                    sources.append(.init(kind: .teacher, id: worker.id, schoolCode: code, counted: false,
                                         description: "\(who) — не педагогический работник, не учитывается"))
                    continue
                }
                let courses = (coursesByTeacher[worker.id] ?? []).sorted { ($0.completedOn, $0.id) < ($1.completedOn, $1.id) }
                let counts = courses.contains { $0.concernsQuality && period.contains($0.completedOn.year) }
                pedagogical += 1
                trained += counts ? 1 : 0
                sources.append(.init(kind: .teacher, id: worker.id, schoolCode: code, counted: counts,
                                     description: counts
                                         ? "\(who) — засчитан: курс о качестве образования по ФГОС в \(span)"
                                         : "\(who) — не засчитан: нет курса о качестве образования по ФГОС в \(span)"))
                sources += courses.map { course in
                    var reasons: [String] = []
                    if !course.concernsQuality { reasons.append("курс не о качестве образования по ФГОС") }
                    if !period.contains(course.completedOn.year) { reasons.append("завершён вне \(span)") }
                    return .init(kind: .training, id: course.id, schoolCode: code, counted: reasons.isEmpty,
                                 description: "\(who): курс «\(course.title)» завершён \(course.completedOn.russian) — "
                                     + (reasons.isEmpty ? "засчитан" : "не засчитан: " + reasons.joined(separator: ", ")))
                }
            }
            parts.append(.init(schoolCode: code, schoolName: inputs.schoolName(code), numerator: Double(trained),
                               denominator: Double(pedagogical), note: pedagogical == 0 ? "нет данных" : nil))
        }
        var value = IndicatorValue(number: 2, year: year, breakdown: parts, sources: sources)
        value.explanation = [
            "Педагогов с курсом о качестве образования по ФГОС, завершённым в \(span): "
                + "\(ratio(value, "педагогических работников участвующих школ, работавших в \(year) году")).",
            "Каждый педагог засчитывается один раз, сколько бы таких курсов он ни прошёл;"
                + " непедагогические работники и не работавшие в \(year) году не учитываются.",
        ]
        let empty = parts.filter { $0.denominator == 0 }
        if !empty.isEmpty { value.explanation.append("Нет сведений о педагогах: \(schools(empty)).") }
        return value
    }
}
