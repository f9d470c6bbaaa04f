import Foundation
import OporaDomain

/// Invented teachers, trainings, staff positions, equal-access checklists and ГИА of the demo
/// schools, from the year before the programme to its last, so that every indicator has a value each year, with some targets met and
/// some missed.
enum DemoStaff {
    static let years = DemoCalendar.year(-1)...DemoCalendar.year(2)
    static let surnames = ["Иванова", "Петрова", "Сидорова", "Кузнецова", "Смирнова", "Попова", "Васильева", "Фёдорова", "Морозова", "Волкова",
                           "Алексеева", "Лебедева", "Семёнова", "Егорова", "Павлова", "Козлова", "Степанова", "Николаева", "Орлова", "Андреева"]
    static let initials = ["А. П.", "М. И.", "О. Н.", "Е. В.", "Т. С.", "Н. А.", "И. Г.", "Л. Д.", "С. К.", "В. М."]
    static let subjects = ["учитель математики", "учитель русского языка", "учитель начальных классов", "учитель истории", "учитель физики",
                           "учитель английского языка", "учитель биологии", "учитель физкультуры", "учитель начальных классов", "учитель химии"]

    static func teachers(_ code: String, size: Int) -> [TeacherFact] {
        (0..<size).map { i in
            let left = i == size - 1 ? DemoCalendar.day(0, 6, 30) : nil
            let joined = i == size - 2 ? DemoCalendar.day(1, 9, 1) : Day(year: 2012 + i % 7, month: 9, day: 1)!
            return TeacherFact(id: "\(code)|T-\(i + 1)", schoolCode: code, teacherCode: "T-\(i + 1)",
                               name: "\(surnames[(i + code.count * 3) % surnames.count]) \(initials[i % initials.count]) (демо)",
                               position: i == 0 ? "педагог-психолог" : subjects[i % subjects.count], pedagogical: true,
                               qualification: i % 3 == 0 ? "высшая" : i % 3 == 1 ? "первая" : nil, employedFrom: joined, employedTo: left)
        } + [TeacherFact(id: "\(code)|A-1", schoolCode: code, teacherCode: "A-1", name: "Завхоз школы (демо)", position: "заместитель директора по АХЧ",
                         pedagogical: false, qualification: nil, employedFrom: DemoCalendar.day(-5, 1, 10), employedTo: nil)]
    }

    /// Quality trainings grow year by year: about a third of the teachers by the first programme year, most by the last.
    static func trainings(_ teachers: [TeacherFact], progress: Double) -> [TrainingFact] {
        var list: [TrainingFact] = []
        for (i, t) in teachers.enumerated() where t.pedagogical {
            let share = Double(i) / Double(max(teachers.count - 1, 1))
            for year in DemoCalendar.year(-1)...DemoCalendar.year(2) where share < progress * Double(year - DemoCalendar.year(-2)) / 4 && (i + year) % 2 == 0 {
                let day = Day(year: year, month: 3 + i % 8, day: 10 + i % 15)!
                let title = "Повышение качества образования в условиях ФГОС (демо)"
                list.append(TrainingFact(id: TrainingFact.naturalKey(schoolCode: t.schoolCode, teacherCode: t.teacherCode, completedOn: day, title: title),
                                         teacherID: t.id, title: title,
                                         provider: "Институт развития образования Иркутской области", hours: 36, completedOn: day,
                                         concernsQuality: true, certificate: "№ \(1000 + i)-\(year)"))
            }
            if i % 4 == 1 {
                let day = DemoCalendar.day(1, 11, 5)
                list.append(TrainingFact(id: TrainingFact.naturalKey(schoolCode: t.schoolCode, teacherCode: t.teacherCode, completedOn: day, title: "Охрана труда (демо)"),
                                         teacherID: t.id, title: "Охрана труда (демо)", provider: "Учебный центр",
                                         hours: 16, completedOn: day, concernsQuality: false, certificate: nil))
            }
        }
        return list
    }

    static func positions(_ code: String, year: Int, size: Int) -> [StaffPositionFact] {
        let vacancy = year < DemoCalendar.year(1) ? 1.5 : year == DemoCalendar.year(1) ? 1.0 : 0.5
        let total = Double(size) + 1
        return [
            StaffPositionFact(id: "\(code)|\(year)|учитель", schoolCode: code, year: year, position: "учитель", pedagogical: true,
                              positions: total, filled: total - vacancy, filledQualified: total - vacancy - 0.5),
            StaffPositionFact(id: "\(code)|\(year)|педагог-психолог", schoolCode: code, year: year, position: "педагог-психолог", pedagogical: true,
                              positions: 0.5, filled: year >= DemoCalendar.year(1) ? 0.5 : 0, filledQualified: year >= DemoCalendar.year(1) ? 0.5 : 0),
            StaffPositionFact(id: "\(code)|\(year)|заместитель директора по АХЧ", schoolCode: code, year: year, position: "заместитель директора по АХЧ",
                              pedagogical: false, positions: 1, filled: 1, filledQualified: 1),
        ]
    }

    /// The year from which each school has every item: the participating schools close their gaps
    /// one by one (2 of 4 in the first programme year, 3 in the second, all in the third).
    static let completeFrom = ["bal-01": DemoCalendar.year(-1), "bal-02": DemoCalendar.year(-1), "bal-03": DemoCalendar.year(0), "bal-04": DemoCalendar.year(1), "bal-05": DemoCalendar.year(2), "bal-06": DemoCalendar.year(0),
                               "bal-07": DemoCalendar.year(1), "bal-08": DemoCalendar.year(2)]

    static func checklist(_ code: String, year: Int, items: [String], school: Int) -> [ChecklistFact] {
        items.enumerated().map { i, item in
            // The specialists (the last items) are what small rural schools lack longest.
            let missing = year < (completeFrom[code] ?? DemoCalendar.year(-1)) && i >= items.count - 1 - school % 3
            return ChecklistFact(id: "\(code)|\(year)|\(item)", schoolCode: code, year: year, item: item, available: !missing)
        }
    }

    static func gia(_ code: String, year: Int, cohort: Int, low: Bool) -> GIAOutcomeFact {
        let participants = max(6, cohort + (year % 3))
        let failShare = low ? (year <= DemoCalendar.year(0) ? 0.3 : year == DemoCalendar.year(1) ? 0.15 : 0.08) : 0.05
        return GIAOutcomeFact(id: "\(code)|\(year)", schoolCode: code, year: year, participants: participants,
                              passed: participants - Int((Double(participants) * failShare).rounded()))
    }
}
