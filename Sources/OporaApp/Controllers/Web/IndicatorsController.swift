import Fluent
import OporaDomain
import Vapor

enum IndicatorsController {
    /// A school user sees the own school's part only.
    static func schoolCode(_ user: CurrentUser, on db: any Database) async throws -> String? {
        guard user.ownSchoolID != nil else { return nil }
        guard let id = user.schoolID, let school = try await School.find(id, on: db) else {
            throw Abort(.forbidden, reason: "Учётная запись школы не привязана к школе.")
        }
        return school.code
    }

    static func index(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let data = try await IndicatorData.load(try await Scope.currentProgramme(for: user, on: req.db), cache: req.application.monitoringCache, on: req.db)
        return IndicatorsView.render(try await PageContext.make(req), data, schoolCode: try await schoolCode(user, on: req.db))
    }

    static func numberAndYear(_ req: Request, _ d: IndicatorData) throws -> (Int, Int) {
        guard let n = req.parameters.get("number", as: Int.self), let y = req.parameters.get("year", as: Int.self),
              d.numbers.contains(n), d.years.contains(y) else {
            throw Abort(.notFound, reason: "Такого индикатора или года в программе нет.")
        }
        return (n, y)
    }

    static func show(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let data = try await IndicatorData.load(try await Scope.currentProgramme(for: user, on: req.db), cache: req.application.monitoringCache, on: req.db)
        let (n, y) = try numberAndYear(req, data)
        return IndicatorDetailView.render(try await PageContext.make(req), data, data.value(n, y), schoolCode: try await schoolCode(user, on: req.db),
                                          canEnter: user.access.isMunicipalStaff, form: [:], errors: nil)
    }

    struct ManualBody: Content {
        var value: String
        var source: String
        var reason: String
    }

    static func saveManual(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let programme = try await Scope.currentProgramme(for: user, on: req.db)
        let data = try await IndicatorData.load(programme, cache: req.application.monitoringCache, on: req.db)
        let (n, y) = try numberAndYear(req, data)
        let b = try req.content.decode(ManualBody.self)
        var errors: [String: String] = [:]
        let value = Double(b.value.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "%", with: ""))
        if value == nil || !(0...100).contains(value!) { errors["value"] = "Значение — число процентов от 0 до 100." }
        let source = b.source.trimmingCharacters(in: .whitespacesAndNewlines)
        let reason = b.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if source.isEmpty { errors["source"] = "Укажите источник значения." }
        if reason.isEmpty { errors["reason"] = "Укажите, почему значение вносится вручную." }
        guard errors.isEmpty, let value else {
            return IndicatorDetailView.render(try await PageContext.make(req), data, data.value(n, y), schoolCode: nil, canEnter: true,
                                              form: ["value": b.value, "source": b.source, "reason": b.reason], errors: errors)
        }
        try await req.db.transaction { db in
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
        return req.redirect(to: SiteURL.indicator(n, y).path)
    }
}
