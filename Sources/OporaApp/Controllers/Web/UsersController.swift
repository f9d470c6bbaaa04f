import OporaDomain
import Vapor

/// «Пользователи»: an administrator manages the accounts of the own municipality (or region).
enum UsersController {
    struct NewUserForm: Content {
        var login: String
        var fullName: String
        var role: String
        var schoolID: String?
        var email: String?
    }

    struct RoleForm: Content {
        var role: String
        var schoolID: String?
    }

    static func index(_ req: Request) async throws -> Response {
        try await renderList(req, newPassword: nil, failed: nil)
    }

    static func renderList(_ req: Request, newPassword: UsersView.NewPassword?, failed: FailedForm?) async throws -> Response {
        let model = try await UsersView.query(for: try req.currentUser(), at: req.opora.now(), on: req.db)
        return UsersView.render(try await PageContext.make(req), model, newPassword: newPassword, failed: failed)
    }

    static func create(_ req: Request) async throws -> Response {
        let admin = try req.currentUser()
        let form = try req.content.decode(NewUserForm.self)
        let values = ["login": form.login, "fullName": form.fullName, "role": form.role, "schoolID": form.schoolID ?? "", "email": form.email ?? ""]
        func refused(_ field: String, _ message: String) async throws -> Response {
            var errors = FieldErrors()
            errors.add(field, message)
            return try await renderList(req, newPassword: nil, failed: FailedForm(form: "new-user", values: values, errors: errors))
        }
        guard let role = Role(rawValue: form.role) else { return try await refused("role", "Выберите роль из списка.") }
        let place: UserAccounts.Place
        if let m = admin.municipalityID {
            if role.worksForOneSchool {
                guard let id = form.schoolID.flatMap(UUID.init(uuidString:)), let school = try await School.find(id, on: req.db),
                      school.$municipality.id == m else { return try await refused("schoolID", "Координатору школы нужна его школа: выберите её из списка.") }
                place = .school(school)
            } else {
                place = .municipality(m)
            }
        } else {
            place = .region(try await Scope.region(for: admin, on: req.db).requireID())
        }
        let new = UserAccounts.NewUser(login: form.login, fullName: form.fullName, role: role, place: place, password: nil,
                                       email: form.email ?? "", oneTime: true)
        switch try await req.db.transaction({ db in try await UserAccounts.create(new, by: admin, hasher: req.password.async, on: db) }) {
        case .success(let password):
            return try await renderList(req, newPassword: .init(login: UserAccounts.normalised(form.login), password: password), failed: nil)
        case .failure(let errors):
            return try await renderList(req, newPassword: nil, failed: FailedForm(form: "new-user", values: values, errors: errors))
        }
    }

    static func show(_ req: Request) async throws -> Response {
        try await renderUser(req, newPassword: nil, failed: nil)
    }

    static func renderUser(_ req: Request, newPassword: UsersView.NewPassword?, failed: FailedForm?) async throws -> Response {
        let admin = try req.currentUser()
        let id = try req.uuidParameter("userID")
        _ = try await Scope.managedUser(id, for: admin, on: req.db)
        let model = try await UsersView.query(for: admin, at: req.opora.now(), on: req.db)
        guard let line = model.users.first(where: { $0.id == id }) else { throw Abort(.notFound, reason: "Такого пользователя нет.") }
        return UsersView.renderUser(try await PageContext.make(req), model, user: line, newPassword: newPassword, failed: failed)
    }

    static func act(_ req: Request) async throws -> Response {
        let admin = try req.currentUser()
        let user = try await Scope.managedUser(try req.uuidParameter("userID"), for: admin, on: req.db)
        let back = SiteURL.user(.value(try user.requireID())).path
        let errors: FieldErrors
        var values: [String: String] = [:]
        switch req.parameters.get("action") {
        case "role":
            let form = try req.content.decode(RoleForm.self)
            values = ["role": form.role, "schoolID": form.schoolID ?? ""]
            guard let role = Role(rawValue: form.role) else {
                var e = FieldErrors()
                e.add("role", "Выберите роль из списка.")
                return try await renderUser(req, newPassword: nil, failed: FailedForm(form: "role", values: values, errors: e))
            }
            errors = try await AccountChanges.changeRole(of: user, to: role, schoolID: form.schoolID.flatMap(UUID.init(uuidString:)), by: admin, on: req.db)
            if !errors.isEmpty { return try await renderUser(req, newPassword: nil, failed: FailedForm(form: "role", values: values, errors: errors)) }
        case "disable", "enable":
            errors = try await AccountChanges.setActive(user, req.parameters.get("action") == "enable", by: admin, at: req.opora.now(), on: req.db)
        case "reset":
            let password = try await AccountChanges.resetPassword(user, by: admin, hasher: req.password.async, on: req.db).get()
            return try await renderUser(req, newPassword: .init(login: user.login, password: password), failed: nil)
        case "unlock":
            try await AccountChanges.unlock(user, by: admin, on: req.db)
            errors = FieldErrors()
        default:
            throw Abort(.notFound)
        }
        guard errors.isEmpty else { return try await renderUser(req, newPassword: nil, failed: FailedForm(form: "action", values: values, errors: errors)) }
        return Notice.saved(req, to: back)
    }
}
