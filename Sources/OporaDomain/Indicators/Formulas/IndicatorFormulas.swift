/// The programme's five target indicators (DESIGN.md «The five target indicators») as pure functions of
/// the rows, so that each figure on the indicators page and in the report can be recomputed by hand from
/// the rows its drill-down lists. One file per indicator: `IndicatorFormulas+<Indicator>.swift`.
public enum IndicatorFormulas {
    /// The numbers of the seed table «Результативность».
    public static let numbers = 1...5

    /// The value of the formula of the seed table's indicator `number`; a number outside 1…5 gives an
    /// empty value that says so, rather than stopping the server on a bad link.
    public static func compute(number: Int, year: Int, inputs: IndicatorInputs) -> IndicatorValue {
        guard let formula = IndicatorFormula(seedNumber: number) else {
            return IndicatorValue(number: number, year: year, breakdown: [], sources: [],
                                  explanation: ["Показателя № \(number) в программе нет: целевые показатели имеют номера 1–5."])
        }
        return compute(formula, number: number, year: year, inputs: inputs)
    }

    /// The value of `formula` for a programme's indicator numbered `number` (the programme's own numbering).
    public static func compute(_ formula: IndicatorFormula, number: Int, year: Int, inputs: IndicatorInputs) -> IndicatorValue {
        var value: IndicatorValue
        switch formula {
        case .equalAccess: value = equalAccess(year: year, inputs: inputs)
        case .training: value = training(year: year, inputs: inputs)
        case .gia: value = gia(year: year, inputs: inputs)
        case .higherResults: value = higherResults(year: year, inputs: inputs)
        case .staffing: value = staffing(year: year, inputs: inputs)
        }
        value.number = number
        return value
    }

    /// The value of an indicator entered by hand: no formula, so nothing computed; its source says where it comes from.
    public static func entered(number: Int, year: Int, source: String?) -> IndicatorValue {
        IndicatorValue(number: number, year: year, breakdown: [], sources: [],
                       explanation: ["Значение вносится вручную" + (source.map { ", источник: \($0)" } ?? "") + "."])
    }
}

// The pieces of Russian text every indicator's explanation is made of.
extension IndicatorFormulas {
    /// «3 из 4 участвующих (75 %)», or «0 из 0 участвующих — значение не определено».
    static func ratio(_ value: IndicatorValue, _ whole: String) -> String {
        let head = "\(amount(value.numerator)) из \(amount(value.denominator)) \(whole)"
        guard let percent = value.value else { return head + " — значение не определено" }
        return head + " (\(RussianNumberFormat.decimal(percent, fractionDigits: 0...1)) %)"
    }

    /// Counts print as whole numbers, staff positions with up to two decimals: «3», «47,5».
    static func amount(_ x: Double) -> String { RussianNumberFormat.decimal(x, fractionDigits: 0...2) }

    /// «Школа № 4 (S4), Школа № 7 (S7)» for the schools whose note explains why they pull the value down.
    static func schools(_ parts: [IndicatorValue.SchoolPart]) -> String {
        parts.map { $0.schoolName == $0.schoolCode ? $0.schoolCode : "\($0.schoolName) (\($0.schoolCode))" }
            .joined(separator: ", ")
    }
}
