import Fluent
import Foundation
import OporaDomain

extension Methodology {
    /// The parameters as the methodology form shows them.
    static func formValues(_ p: MethodologyParameters) -> [String: String] {
        var values = Dictionary(uniqueKeysWithValues: p.described.map { ($0.key, $0.value) })
        values["referenceScope"] = p.referenceScope.rawValue
        values["poolSmallGroups"] = p.poolSmallGroups ? "on" : "off"
        return values
    }

    /// The form's fields read whole (a value that is not a number is refused, never cut), checked by
    /// the parameters' own rules, and saved as a new version with its reason.
    static func saveForm(_ form: [String: String], municipalityID: UUID, user: CurrentUser, on db: any Database) async throws -> Result<Void, FieldErrors> {
        var errors = FieldErrors()
        var p = try await current(municipalityID: municipalityID, on: db).parameters
        func text(_ key: String) -> String { (form[key] ?? "").trimmingCharacters(in: .whitespaces) }
        func int(_ key: String) -> Int? {
            guard let v = Int(text(key)) else { errors.add(key, "Целое число."); return nil }
            return v
        }
        func double(_ key: String) -> Double? {
            guard let v = PlainNumber.decimal(text(key)) else { errors.add(key, "Число, например 0,3."); return nil }
            return v
        }
        p.minParticipants = int("minParticipants") ?? p.minParticipants
        p.failThreshold = double("failThreshold") ?? p.failThreshold
        p.minProcedures = int("minProcedures") ?? p.minProcedures
        p.years = int("years") ?? p.years
        p.priorStrength = double("priorStrength") ?? p.priorStrength
        p.lowIncome = double("lowIncome") ?? p.lowIncome
        p.incompleteFamily = double("incompleteFamily") ?? p.incompleteFamily
        p.noHigherEducation = double("noHigherEducation") ?? p.noHigherEducation
        p.nonNative = double("nonNative") ?? p.nonNative
        p.preventiveRegister = double("preventiveRegister") ?? p.preventiveRegister
        p.distanceKm = double("distanceKm") ?? p.distanceKm
        p.minCriteria = int("minCriteria") ?? p.minCriteria
        p.vprSuccessMargin = double("vprSuccessMargin") ?? p.vprSuccessMargin
        p.jumpSigmas = double("jumpSigmas") ?? p.jumpSigmas
        if let scope = ReferenceScope(rawValue: text("referenceScope")) {
            p.referenceScope = scope
        } else {
            errors.add("referenceScope", "Выберите эталон из списка.")
        }
        switch text("poolSmallGroups") {
        case "on": p.poolSmallGroups = true
        case "off": p.poolSmallGroups = false
        default: errors.add("poolSmallGroups", "Выберите «да» или «нет».")
        }
        for (k, v) in p.problems() { errors.add(k, v) }
        let comment = (form["comment"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if comment.isEmpty { errors.add("comment", "Укажите основание изменения.") }
        guard errors.isEmpty else { return .failure(errors) }
        try await save(p, comment: comment, municipalityID: municipalityID, user: user, on: db)
        return .success(())
    }
}
