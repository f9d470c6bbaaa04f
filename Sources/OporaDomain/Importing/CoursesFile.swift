import Foundation

/// The catalogue of professional development courses: `title,provider,hours,areas,quality`,
/// the areas separated by «;» or «,».
public enum CoursesFile {
    public static let columns = ColumnSet([
        .init("title", "Название курса", .text(rule: "название программы повышения квалификации", example: "Формирование функциональной грамотности"), required: true, ["курс", "название курса", "программа"]),
        .init("provider", "Организация", .text(rule: "кто проводит курс", example: "ИРО"), ["организация", "организатор"]),
        .init("hours", "Часов", .count, ["часов", "количество часов"]),
        .init("areas", "Компетенции", .text(rule: "области компетенций, которые курс восполняет, через запятую", example: "Предметные компетенции"), required: true, ["компетенции", "дефициты", "области"]),
        .init("quality", "По качеству образования", .yesNo, required: true, ["по качеству образования", "по ФГОС"]),
    ])

    public static func parse(_ table: ImportTable, areas: [CompetenceArea]) -> Result<[CourseFact], ImportProblems> {
        var seen: [String: Int] = [:]
        return columns.parse(table) { r in
            let title = r.required("title", "название курса")
            let hours = r.count("hours", "Число часов", required: false)
            if hours == 0 { r.problem("hours", "0", "число часов должно быть больше нуля.") }
            var keys: [String] = []
            if let t = r.required("areas", "компетенции, которые развивает курс") {
                for name in t.split(whereSeparator: { $0 == ";" || $0 == "," }).map({ $0.trimmingCharacters(in: .whitespaces) })
                where !name.isEmpty {
                    if let area = CompetenceAreas.find(name, in: areas) {
                        if !keys.contains(area.key) { keys.append(area.key) }
                    } else {
                        r.problem("areas", name, "неизвестная компетенция: допустимы \(CompetenceAreas.listed(areas)).")
                    }
                }
                if keys.isEmpty && r.problems.allSatisfy({ $0.column != "areas" }) {
                    r.problem("areas", t, "не названо ни одной компетенции.")
                }
            }
            let quality = r.yesNo("quality", "По качеству образования", required: true)
            guard let title else { return nil }
            let id = CourseFact.key(forTitle: title)
            r.unique(id, &seen, "title", title, "курс с этим названием")
            guard let quality, !keys.isEmpty else { return nil }
            return CourseFact(id: id, title: title, provider: r.text("provider"), hours: hours, areas: keys, concernsQuality: quality)
        }
    }
}
