extension MethodologyParameters {
    /// What is wrong with each field, in Russian, keyed by field name for the admin's edit form.
    /// Social thresholds must be above zero because the social index divides by them; a fail threshold
    /// of zero would make every row low.
    public func problems() -> [String: String] {
        var errors = FieldErrors()
        if minParticipants < 1 {
            errors.add("minParticipants", "Минимальное число участников должно быть не меньше 1.")
        }
        if !(failThreshold > 0 && failThreshold <= 1) {
            errors.add("failThreshold", "Порог доли неудовлетворительных результатов — доля больше 0 и не больше 1, например 0,30.")
        }
        if minProcedures < 1 {
            errors.add("minProcedures", "Число процедур должно быть не меньше 1.")
        }
        if years < 1 {
            errors.add("years", "Число лет должно быть не меньше 1.")
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
