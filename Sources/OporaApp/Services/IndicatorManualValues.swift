import Fluent
import Foundation
import OporaDomain

/// A value of an indicator entered by hand, with its source and the reason, audited.
enum IndicatorManualValues {
    static func save(number n: Int, year y: Int, value rawValue: String, source rawSource: String, reason rawReason: String,
                     data: IndicatorData, user: CurrentUser, on db: any Database) async throws -> Result<Void, FieldErrors> {
        var errors = FieldErrors()
        let value = PlainNumber.decimal(rawValue.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "%", with: ""))
        if value == nil || !(0...100).contains(value!) { errors.add("value", "Значение — число процентов от 0 до 100.") }
        let source = rawSource.trimmingCharacters(in: .whitespacesAndNewlines)
        let reason = rawReason.trimmingCharacters(in: .whitespacesAndNewlines)
        if source.isEmpty { errors.add("source", "Укажите источник значения.") }
        if reason.isEmpty { errors.add("reason", "Укажите, почему значение вносится вручную.") }
        guard errors.isEmpty, let value else { return .failure(errors) }
        try await db.transaction { db in
            let m = IndicatorManualValue()
            m.$programme.id = data.programmeID
            m.number = n
            m.year = y
            m.value = value
            m.source = source
            m.reason = reason
            m.enteredBy = "\(user.fullName) (\(user.login))"
            try await m.create(on: db)
            try await Audit.record(db, user: user, action: "indicator.manual", entityType: "indicator", entityID: m.id,
                                   municipalityID: data.municipalityID, summary: "Индикатор \(n), \(y): значение введено вручную",
                                   before: data.manual[n]?[y].map { ["Значение": Format.number($0.value)] },
                                   after: ["Значение": Format.number(value), "Источник": source, "Причина": reason])
        }
        return .success(())
    }
}
