extension MethodologyParameters {
    /// What is wrong with each field, in Russian, keyed by field name for the admin's edit form.
    /// Social thresholds must be above zero because the social index divides by them; a fail threshold
    /// of zero would make every row low.
    public func problems() -> [String: String] {
        var errors = FieldErrors()
        if !(1...100_000).contains(minParticipants) {
            errors.add("minParticipants", "Минимальное число участников — от 1 до 100 000.")
        }
        if !(failThreshold > 0 && failThreshold <= 1) {
            errors.add("failThreshold", "Порог доли неудовлетворительных результатов — доля больше 0 и не больше 1, например 0,30.")
        }
        if !(1...1000).contains(minProcedures) {
            errors.add("minProcedures", "Число процедур — от 1 до 1000.")
        }
        // More years than a school keeps records for would only ever say «недостаточно данных».
        if !(1...20).contains(years) {
            errors.add("years", "Число лет — от 1 до 20.")
        }
        if !(priorStrength >= 0 && priorStrength.isFinite) {
            errors.add("priorStrength", "Сила приближения к эталону — число не меньше 0.")
        }
        for criterion in SocialCriterion.allCases where criterion.isShare {
            let value = threshold(for: criterion)
            if !(value > 0 && value <= 1) {
                errors.add(criterion.parameterKey, "Порог — доля больше 0 и не больше 1, например 0,30.")
            }
        }
        if !(distanceKm > 0 && distanceKm.isFinite) {
            errors.add("distanceKm", "Порог удалённости — положительное число километров.")
        }
        if !(1...SocialCriterion.allCases.count).contains(minCriteria) {
            errors.add("minCriteria", "Число критериев НСУ — от 1 до \(SocialCriterion.allCases.count).")
        }
        if !(vprSuccessMargin >= 0 && vprSuccessMargin <= 1) {
            errors.add("vprSuccessMargin", "Превышение успеваемости — доля от 0 до 1, например 0,15.")
        }
        if !(jumpSigmas > 0 && jumpSigmas.isFinite) {
            errors.add("jumpSigmas", "Число стандартных отклонений должно быть больше 0.")
        }
        return errors.messages
    }
}
