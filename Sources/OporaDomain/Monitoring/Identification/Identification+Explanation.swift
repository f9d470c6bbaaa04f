extension Identification {
    /// Rule 8: sentences that answer «why is this school on the list?» from the page alone, in the order a
    /// reader checks them: the low rows, the years, the social criteria, the composite, the conclusion.
    /// `masked`: for readers who see counts only (observers, public pages): no count of fewer than 5
    /// students and nothing it could be computed back from (SmallCount.fraction).
    public static func explanation(of school: SchoolAssessment, parameters: MethodologyParameters, masked: Bool = false) -> [String] {
        var sentences = school.rows.filter(\.low).map { lowRowSentence($0, parameters: parameters, masked: masked) }
        sentences += school.yearChecks.map { yearSentence($0, parameters: parameters) }
        sentences.append(lowResultsSentence(school))
        if school.unstable && !masked {
            sentences.append("Вывод неустойчив: без строк «на границе» не каждый из этих лет был бы годом с низкими результатами."
                + " Это примечание, категория от него не меняется.")
        }
        let pools = school.rows.filter { $0.pooledFrom != nil }
        sentences += pools.map { poolSentence($0, masked: masked) }
        let pooled = Set(pools.flatMap { $0.pooledFrom ?? [] }.map(\.key))
        let small = school.rows.filter { !$0.valid && !pooled.contains($0.row.key) }
        if !small.isEmpty {
            sentences.append("Не учтены из-за малого числа участников (меньше \(parameters.minParticipants)): "
                + small.map { "\($0.row.procedure.russian), \($0.row.year)" }.joined(separator: "; ") + ".")
        }
        sentences += socialSentences(school, parameters: parameters)
        sentences.append(compositeSentence(school, parameters: parameters, masked: masked))
        sentences.append(conclusion(school, parameters: parameters))
        sentences += school.biasFlags.map { $0.russian(parameters: parameters) }
        if !school.biasFlags.isEmpty {
            sentences.append("Признаки необъективности не меняют категорию, но требуют проверки результатов.")
        }
        return sentences
    }

    /// «ВПР, 5 класс, математика, 2024: «2» у 9 из 20 (45 %) — не ниже порога 30 %; успеваемость по муниципалитету 78 %.»
    static func lowRowSentence(_ row: RowAssessment, parameters: MethodologyParameters, masked: Bool = false) -> String {
        let r = row.row
        let fail = r.procedure.kind.isFinalAttestation ? "ниже минимального балла" : "«2»"
        let shown = SmallCount.fraction(part: r.fails, whole: r.participants, masked: masked)
        let interval = row.failInterval.map { ", 90-процентный интервал \(RussianNumberFormat.shareInterval($0))" } ?? ""
        let share = shown.shareShown ? " (\(RussianNumberFormat.percent(row.failShare ?? 0))\(interval))" : ""
        var text = "\(r.procedure.russian), \(r.year): \(fail) у \(shown.part) из \(shown.whole)"
            + "\(share) — не ниже порога \(RussianNumberFormat.percent(parameters.failThreshold)), это низкий результат"
        if row.borderline && shown.shareShown {
            text += ", но на границе: интервал заходит ниже порога, так что низкий результат мог выйти случайно"
        }
        // A pool's reference, with its total, would give a masked reader the sizes of its groups back.
        if let reference = row.reference, let source = row.referenceSource, !(masked && row.pooledFrom != nil) {
            text += "; успеваемость \(source.russian) \(RussianNumberFormat.percent(reference))"
        }
        return text + "."
    }

    /// Rule 1a: «ВПР, 2024: малые группы учтены вместе — 4 класс, математика (3 участника, «2» у 1); …». Masked: the
    /// procedures only, without counts or the pool's reference (with the references of its procedures, public
    /// elsewhere, it would give the sizes of the groups back).
    static func poolSentence(_ pool: RowAssessment, masked: Bool) -> String {
        let r = pool.row
        let finals = r.procedure.kind.isFinalAttestation
        func failed(_ n: Int) -> String {
            n == 0 ? (finals ? "все не ниже минимального балла" : "без «2»") : (finals ? "ниже минимального балла у \(n)" : "«2» у \(n)")
        }
        let parts = (pool.pooledFrom ?? []).map { p in
            let name = "\(p.procedure.grade) класс, \(p.procedure.subject)"
            return masked ? name : name + " (\(RussianNoun.participant.counted(p.participants)), \(failed(p.fails)))"
        }
        var text = "\(r.procedure.kind.russian), \(r.year): малые группы учтены вместе — " + parts.joined(separator: "; ")
        if !masked {
            text += "; вместе \(RussianNoun.participant.counted(r.participants)), \(failed(r.fails))"
            if let reference = pool.reference {
                text += "; эталон — средняя успеваемость по этим процедурам с весами по числу участников, \(RussianNumberFormat.percent(reference))"
            }
        }
        return text + "."
    }

    static func yearSentence(_ check: YearCheck, parameters: MethodologyParameters) -> String {
        guard check.hasValidRows else {
            return "\(check.year): нет результатов с числом участников не менее \(parameters.minParticipants)."
        }
        let count = check.lowProcedures.isEmpty
            ? "ни одной процедуры с низкими результатами (нужно не менее \(parameters.minProcedures))"
            : "низкие результаты по \(RussianNoun.procedureDative.counted(check.lowProcedures.count))"
                + " (нужно не менее \(parameters.minProcedures))"
        return check.isLowYear
            ? "\(check.year) — год с низкими результатами: \(count)."
            : "\(check.year) — не год с низкими результатами: \(count)."
    }

    static func lowResultsSentence(_ school: SchoolAssessment) -> String {
        let years = school.yearChecks.map(\.year)
        let span = years.count == 1 ? "в \(school.year) году" : "в каждом году с \(years[0]) по \(school.year)"
        return school.lowResults
            ? "Низкие результаты \(span) — признак НРО."
            : "Признака НРО нет: нужны низкие результаты \(span)."
    }

    static func socialSentences(_ school: SchoolAssessment, parameters: MethodologyParameters) -> [String] {
        let total = school.criteria.count
        var sentences = ["Социальные критерии НСУ в \(school.year) году: выполнено \(school.criteriaMet) из \(total),"
            + " нужно не менее \(parameters.minCriteria) — " + (school.adverseConditions ? "признак НСУ." : "признака НСУ нет.")]
        for c in school.criteria where c.met {
            if let value = c.value {
                sentences.append("Выполнен критерий «\(c.criterion.russian)»: \(c.criterion.formatted(value))"
                    + " — не ниже порога \(c.criterion.formatted(c.threshold)).")
            }
        }
        let unknown = school.criteria.filter { $0.value == nil }.map { "«\($0.criterion.russian)»" }
        if !unknown.isEmpty {
            sentences.append("Нет данных, критерий не считается выполненным: \(unknown.joined(separator: ", ")).")
        }
        if let index = school.socialIndex {
            sentences.append("Социальный индекс \(RussianNumberFormat.decimal(index, fractionDigits: 2...2))"
                + " (1 — на уровне порогов, 2 — вдвое выше порогов и более).")
        }
        return sentences
    }

    static func compositeSentence(_ school: SchoolAssessment, parameters: MethodologyParameters, masked: Bool = false) -> String {
        guard let composite = school.composite else {
            return "Сводный результат \(school.year) года не определён: нет результатов с числом участников"
                + " не менее \(parameters.minParticipants)."
        }
        var comparison: String
        if abs(composite) <= tolerance {
            comparison = "на уровне эталона"
        } else {
            comparison = "в среднем на \(RussianNumberFormat.points(composite)) " + (composite < 0 ? "ниже" : "выше") + " эталона"
        }
        // The interval is a figure of the rows' counts: not for readers who see counts only.
        if let i = school.compositeInterval, !masked {
            comparison += ", 90-процентный интервал \(RussianNumberFormat.pointsInterval(i))"
                + (i.contains(0) ? " — не отличается от эталона: интервал включает 0" : "")
        }
        return "Сводный результат \(school.year) года: успеваемость \(comparison) (среднее по процедурам, взвешенное по числу участников;"
            + " результаты небольших выборок приближены к эталону)."
    }

    static func conclusion(_ school: SchoolAssessment, parameters: MethodologyParameters) -> String {
        let head = "Категория «\(school.category.russian)»: "
        guard school.category == .insufficientData else {
            let description = school.category.russianDescription
            return head + description.prefix(1).lowercased() + description.dropFirst() + "."
        }
        let missing = school.yearChecks.filter { !$0.hasValidRows }.map { String($0.year) }
        return head + "нет результатов с числом участников не менее \(parameters.minParticipants)"
            + " в \(missing.joined(separator: ", ")) \(missing.count == 1 ? "году" : "годах")."
    }
}

extension RussianNoun {
    /// «по 1 процедуре», «по 2 процедурам»
    static let procedureDative = RussianNoun("процедуре", "процедурам", "процедурам")
    /// «3 участника», «5 участников»
    static let participant = RussianNoun("участник", "участника", "участников")
}
