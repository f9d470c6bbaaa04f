extension MethodologyParameters {
    /// Every parameter with its Russian label and its value as a Russian page shows it, in the order of
    /// DESIGN.md, so a page or a report can say which parameters a list was made with.
    public var described: [(key: String, label: String, value: String)] {
        func share(_ x: Double) -> String { RussianNumberFormat.decimal(x, fractionDigits: 2...4) }
        func number(_ x: Double) -> String { RussianNumberFormat.decimal(x, fractionDigits: 0...4) }
        var list: [(key: String, label: String, value: String)] = [
            ("minParticipants", "Минимальное число участников процедуры", String(minParticipants)),
            ("poolSmallGroups", "Малые группы (меньше минимума участников) объединяются по виду процедуры в году", poolSmallGroups ? "да" : "нет"),
            ("failThreshold", "Порог доли неудовлетворительных результатов", share(failThreshold)),
            ("minProcedures", "Минимальное число процедур с низкими результатами в году", String(minProcedures)),
            ("years", "Число лет подряд с низкими результатами", String(years)),
            ("priorStrength", "Сила приближения малых школ к эталону", number(priorStrength)),
        ]
        for criterion in SocialCriterion.allCases {
            let value = threshold(for: criterion)
            list.append((criterion.parameterKey, "\(criterion.russian)\(criterion.isShare ? "" : ", км"): порог",
                         criterion.isShare ? share(value) : number(value)))
        }
        list += [
            ("minCriteria", "Минимальное число выполненных критериев НСУ", String(minCriteria)),
            ("vprSuccessMargin", "Превышение успеваемости по ВПР над эталоном (признак необъективности)", share(vprSuccessMargin)),
            ("jumpSigmas", "Скачок сводного результата, стандартных отклонений (признак необъективности)", number(jumpSigmas)),
            ("referenceScope", "Эталон успеваемости процедуры в году", referenceScope.russian),
        ]
        return list
    }
}
