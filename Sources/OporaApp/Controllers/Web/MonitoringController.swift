import Fluent
import OporaDomain
import Vapor

enum MonitoringController {
    static func index(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let municipality = try await Scope.wholeMunicipality(for: user, on: req.db)
        let input = MonitoringView.Input(year: try req.queryYear(), category: req.queryText("category").flatMap(SchoolCategory.init(rawValue:)),
                                         page: try req.queryPage())
        let model = try await MonitoringView.query(municipality, input, cache: req.application.monitoringCache, on: req.db)
        return MonitoringView.render(try await PageContext.make(req), model, canImport: user.access.isMunicipalStaff)
    }
}

enum MethodologyController {
    static func show(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let municipality = try await Scope.wholeMunicipality(for: user, on: req.db)
        let versions = try await Methodology.all(municipalityID: try municipality.requireID(), on: req.db)
        return MethodologyView.render(try await PageContext.make(req), versions: versions, canEdit: user.access.canAdminister,
                                      form: formValues(versions[0].parameters), errors: nil)
    }

    static func formValues(_ p: MethodologyParameters) -> [String: String] {
        Dictionary(uniqueKeysWithValues: p.described.map { ($0.key, $0.value) })
    }

    static func save(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let municipality = try await Scope.wholeMunicipality(for: user, on: req.db)
        let municipalityID = try municipality.requireID()
        let form = try req.content.decode([String: String].self)
        var errors: [String: String] = [:]
        var p = try await Methodology.current(municipalityID: municipalityID, on: req.db).parameters
        func int(_ key: String) -> Int? {
            guard let v = Int((form[key] ?? "").trimmingCharacters(in: .whitespaces)) else { errors[key] = "Целое число."; return nil }
            return v
        }
        func double(_ key: String) -> Double? {
            guard let v = Double((form[key] ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")) else {
                errors[key] = "Число, например 0,3."
                return nil
            }
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
        for (k, v) in p.problems() where errors[k] == nil { errors[k] = v }
        let comment = (form["comment"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if comment.isEmpty { errors["comment"] = "Укажите основание изменения." }
        guard errors.isEmpty else {
            let versions = try await Methodology.all(municipalityID: municipalityID, on: req.db)
            return MethodologyView.render(try await PageContext.make(req), versions: versions, canEdit: true, form: form, errors: errors)
        }
        try await Methodology.save(p, comment: comment, municipalityID: municipalityID, user: user, on: req.db)
        return req.redirect(to: SiteURL.methodology.path)
    }
}
