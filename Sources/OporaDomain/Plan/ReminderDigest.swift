/// A reminder by e-mail: the open measures of a recipient that are overdue or due within 14 days,
/// overdue first, each group by deadline, then school, then name. A school coordinator gets the own
/// school's plan; a methodist or an administrator the whole municipality's (each school and the
/// municipal plan). Nothing else is in it: no results, no people.
public struct ReminderDigest: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var id: String
        public var name: String
        /// Nil for a measure of the municipal plan.
        public var schoolName: String?
        public var deadline: Day
        public var status: MeasureStatus

        public init(id: String, name: String, schoolName: String?, deadline: Day, status: MeasureStatus) {
            self.id = id
            self.name = name
            self.schoolName = schoolName
            self.deadline = deadline
            self.status = status
        }
    }

    public static let horizonDays = 14

    public var today: Day
    public var overdue: [Item]
    public var dueSoon: [Item]
    public var isEmpty: Bool { overdue.isEmpty && dueSoon.isEmpty }

    /// The digest of `items` (any measures: those closed, undated or further off are left out).
    public init(items: [Item], today: Day) {
        self.today = today
        let order: (Item, Item) -> Bool = { a, b in
            (a.deadline, a.schoolName ?? "", a.name, a.id) < (b.deadline, b.schoolName ?? "", b.name, b.id)
        }
        overdue = items.filter { MeasureTiming.isOverdue(status: $0.status, deadline: $0.deadline, today: today) }.sorted(by: order)
        dueSoon = items.filter { MeasureTiming.isDueSoon(status: $0.status, deadline: $0.deadline, today: today, days: Self.horizonDays) }
            .sorted(by: order)
    }

    public var subject: String {
        var parts: [String] = []
        if !overdue.isEmpty { parts.append("просрочено \(RussianNoun.measure.counted(overdue.count))") }
        if !dueSoon.isEmpty { parts.append("срок в ближайшие 14 дней у \(RussianNoun.measureGenitive.counted(dueSoon.count))") }
        return "Опора: " + parts.joined(separator: ", ")
    }

    /// The letter's text: a greeting, the two lists with each measure's link, and why the letter came.
    /// `link` makes a measure's address; `settings` the address of the recipient's profile.
    public func text(recipient: String, place: String, link: (String) -> String, settings: String) -> String {
        func line(_ item: Item) -> String {
            let days = item.deadline < today ? today.days(since: item.deadline) : item.deadline.days(since: today)
            let when = item.deadline < today ? "срок был \(item.deadline.russian), \(RussianNoun.day.counted(days)) назад"
                : days == 0 ? "срок сегодня, \(item.deadline.russian)" : "срок \(item.deadline.russian), через \(RussianNoun.day.counted(days))"
            return "• \(item.schoolName ?? "Муниципальный план"): \(item.name) — \(when); \(item.status.russian.lowercased()).\n  \(link(item.id))"
        }
        var out = ["Здравствуйте, \(recipient)!", "", "Мероприятия (\(place)) на \(today.russian)."]
        if !overdue.isEmpty { out += ["", "Просрочены (\(overdue.count)):"] + overdue.map(line) }
        if !dueSoon.isEmpty { out += ["", "Срок в ближайшие 14 дней (\(dueSoon.count)):"] + dueSoon.map(line) }
        out += ["", "Отметить выполнение и приложить подтверждение можно по ссылке мероприятия.",
                "Письмо пришло, потому что в профиле Опоры указан этот адрес. Изменить частоту писем или отказаться от них: \(settings)"]
        return out.joined(separator: "\n") + "\n"
    }
}

extension RussianNoun {
    /// «у 1 мероприятия, у 5 мероприятий».
    public static let measureGenitive = RussianNoun("мероприятия", "мероприятий", "мероприятий")
}
