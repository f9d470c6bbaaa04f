/// Russian plural forms: 1 мероприятие, 2 мероприятия, 5 мероприятий, 21 мероприятие, 11 мероприятий.
public struct RussianNoun: Sendable {
    public let one: String
    public let few: String
    public let many: String

    public init(_ one: String, _ few: String, _ many: String) {
        self.one = one
        self.few = few
        self.many = many
    }

    public func form(for count: Int) -> String {
        let n = abs(count) % 100
        if (11...14).contains(n) { return many }
        switch n % 10 {
        case 1: return one
        case 2, 3, 4: return few
        default: return many
        }
    }

    /// "5 мероприятий"
    public func counted(_ count: Int) -> String { "\(count) \(form(for: count))" }

    public static let measure = RussianNoun("мероприятие", "мероприятия", "мероприятий")
    public static let school = RussianNoun("школа", "школы", "школ")
    public static let day = RussianNoun("день", "дня", "дней")
    public static let file = RussianNoun("файл", "файла", "файлов")
    public static let task = RussianNoun("задача", "задачи", "задач")
    public static let direction = RussianNoun("направление", "направления", "направлений")
    public static let entry = RussianNoun("запись", "записи", "записей")
    public static let row = RussianNoun("строка", "строки", "строк")
    public static let step = RussianNoun("шаг", "шага", "шагов")
    public static let teacher = RussianNoun("педагог", "педагога", "педагогов")
    public static let student = RussianNoun("обучающийся", "обучающихся", "обучающихся")
    public static let cell = RussianNoun("ячейка", "ячейки", "ячеек")
    public static let column = RussianNoun("столбец", "столбца", "столбцов")
}
