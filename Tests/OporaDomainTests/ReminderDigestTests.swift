import OporaDomain
import Testing

/// The reminder letter's list, by hand: which measures, in which order, with which words.
@Suite struct ReminderDigestTests {
    let today = Day(year: 2022, month: 10, day: 1)!

    func item(_ id: String, _ name: String, school: String?, _ deadline: String, _ status: MeasureStatus = .planned) -> ReminderDigest.Item {
        .init(id: id, name: name, schoolName: school, deadline: Day(deadline)!, status: status)
    }

    @Test func overdueAndDueWithinFourteenDaysOpenMeasuresOnly() {
        let digest = ReminderDigest(items: [
            item("1", "Семинар", school: nil, "2022-09-30"),                      // yesterday: overdue
            item("2", "Консилиум", school: "Школа Б", "2022-09-01", .inProgress),  // overdue, earlier
            item("3", "Отчёт", school: "Школа А", "2022-10-01"),                   // today: due, not overdue
            item("4", "Сверка", school: "Школа А", "2022-10-15"),                  // the 14th day: due
            item("5", "Выезд", school: "Школа А", "2022-10-16"),                   // the 15th: not yet
            item("6", "Готово", school: "Школа А", "2022-09-01", .done),           // done: never
            item("7", "Отменено", school: nil, "2022-09-01", .cancelled),          // cancelled: never
        ], today: today)
        #expect(digest.overdue.map(\.id) == ["2", "1"])
        #expect(digest.dueSoon.map(\.id) == ["3", "4"])
        #expect(digest.subject == "Опора: просрочено 2 мероприятия, срок в ближайшие 14 дней у 2 мероприятий")
        let text = digest.text(recipient: "Петрова М. И.", place: "Балаганский район", link: { "https://o.ru/measures/\($0)" }, settings: "https://o.ru/account")
        #expect(text.contains("• Школа Б: Консилиум — срок был 01.09.2022, 30 дней назад; выполняется.\n  https://o.ru/measures/2"))
        #expect(text.contains("• Муниципальный план: Семинар — срок был 30.09.2022, 1 день назад; запланировано."))
        #expect(text.contains("• Школа А: Отчёт — срок сегодня, 01.10.2022; запланировано."))
        #expect(text.contains("• Школа А: Сверка — срок 15.10.2022, через 14 дней; запланировано."))
        #expect(!text.contains("Выезд") && !text.contains("Готово") && !text.contains("Отменено"))
        #expect(text.contains("Просрочены (2):") && text.contains("Срок в ближайшие 14 дней (2):") && text.contains("https://o.ru/account"))
    }

    @Test func nothingToRemindOfIsAnEmptyDigestAndOneMeasureIsSingular() {
        #expect(ReminderDigest(items: [item("1", "Готово", school: nil, "2022-09-01", .done)], today: today).isEmpty)
        let one = ReminderDigest(items: [item("1", "Семинар", school: nil, "2022-10-05")], today: today)
        #expect(one.subject == "Опора: срок в ближайшие 14 дней у 1 мероприятия")
        #expect(Day(year: 2022, month: 10, day: 1)!.days(since: Day(year: 2021, month: 10, day: 1)!) == 365)
    }
}

/// Who gets reminder letters: the rule of `Access`, by hand for every kind of user.
@Suite struct RemindedOfMeasuresTests {
    @Test func staffAndCoordinatorsOfAMunicipalityNotObserversNorTheRegion() {
        #expect(Access(role: .admin, municipalityID: "m").remindedOfMeasures)
        #expect(Access(role: .methodist, municipalityID: "m").remindedOfMeasures)
        #expect(Access(role: .school, municipalityID: "m", schoolID: "s").remindedOfMeasures)
        #expect(!Access(role: .observer, municipalityID: "m").remindedOfMeasures)
        #expect(!Access(role: .admin, municipalityID: nil, regionID: "r").remindedOfMeasures)
        #expect(!Access(role: .methodist, municipalityID: nil, regionID: "r").remindedOfMeasures)
    }
}
