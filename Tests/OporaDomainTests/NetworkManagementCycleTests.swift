@testable import OporaDomain
import Testing

// MARK: - Evidence levels and the management cycle

extension NetworkTests {
    @Suite struct ManagementCycleTests {
        @Test func theNineStepsOfTheCycleAreInOrder() {
            // act
            let steps = CycleStep.allCases
            // check
            #expect(steps.map(\.number) == Array(1...9))
            #expect(steps.map(\.russian) == ["Цели", "Показатели", "Сбор данных", "Мониторинг", "Анализ", "Адресные рекомендации", "Меры",
                                             "Управленческие решения", "Анализ эффективности мер"])
            #expect(steps.first == .goals && steps.last == .effect && CycleStep.decisions.number == 8)
        }

        @Test func evidenceLevelsRunFromStrongToRationale() {
            // act
            let levels = EvidenceLevel.allCases
            // check
            #expect(levels.map(\.russian) == ["сильный", "умеренный", "перспективный", "обоснование"])
            #expect(EvidenceLevel.strong.explanation == "Результат подтверждён сравнением с другими школами или классами за несколько лет.")
            #expect(levels.allSatisfy { $0.explanation.hasSuffix(".") })
        }
    }
}
