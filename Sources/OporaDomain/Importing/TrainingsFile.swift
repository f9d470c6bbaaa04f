/// Completed professional development of the teachers:
/// `school_code,teacher_code,title,provider,hours,completed_on,quality,certificate`.
public enum TrainingsFile {
    public static let columns = ColumnSet([
        ColumnSet.schoolCode,
        TeachersFile.teacherCode,
        .init("title", "Название курса", .text(rule: "название программы повышения квалификации", example: "Формирование функциональной грамотности"), required: true, ["курс", "название", "название курса", "наименование курса", "программа"]),
        .init("provider", "Организация", .text(rule: "кто провёл курс", example: "ИРО"), ["организация", "кем проведено", "организатор"]),
        .init("hours", "Часов", .count, ["часов", "количество часов", "объем часов"]),
        .init("completed_on", "Дата окончания", .day, required: true, ["дата окончания", "окончен", "дата"]),
        .init("quality", "По качеству образования", .yesNo, required: true, ["по качеству образования", "качество образования", "по ФГОС"]),
        .init("certificate", "Номер удостоверения", .text(rule: "номер удостоверения или сертификата", example: "38-2024-0001"), ["удостоверение", "номер удостоверения", "сертификат"]),
    ])

    /// `knownTeachers` maps "school_code|teacher_code" to the teacher's id: the teachers file comes first.
    public static func parse(_ table: ImportTable, knownSchoolCodes: Set<String>, knownTeachers: [String: String],
                             today: Day) -> Result<[TrainingFact], ImportProblems> {
        var seen: [String: Int] = [:]
        return columns.parse(table) { r in
            let school = r.school("school_code", known: knownSchoolCodes, allowRegion: false)
            let code = r.required("teacher_code", "табельный номер")
            let title = r.required("title", "название курса")
            let hours = r.count("hours", "Число часов", required: false)
            if hours == 0 { r.problem("hours", "0", "число часов должно быть больше нуля.") }
            let completed = r.day("completed_on", "Дата окончания", required: true)
            if let completed, completed > today {
                r.problem("completed_on", r.text("completed_on"), "дата окончания позже сегодняшней (\(today.russian)).")
            }
            let quality = r.yesNo("quality", "По качеству образования", required: true)
            var teacherID: String?
            if let school, let code {
                teacherID = knownTeachers["\(school)|\(code)"]
                if teacherID == nil {
                    r.problem("teacher_code", code, "неизвестный педагог: загрузите сначала список педагогов (в школе \(school) нет такого табельного номера).")
                }
            }
            guard let school, let code, let title, let completed else { return nil }
            let id = TrainingFact.naturalKey(schoolCode: school, teacherCode: code, completedOn: completed, title: title)
            r.unique(id, &seen, "title", title, "этот курс этого педагога с этой датой окончания")
            guard let teacherID, let quality else { return nil }
            return TrainingFact(id: id, teacherID: teacherID, title: title, provider: r.text("provider"), hours: hours,
                                completedOn: completed, concernsQuality: quality, certificate: r.text("certificate"))
        }
    }
}
