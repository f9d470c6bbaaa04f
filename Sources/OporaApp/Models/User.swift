import Fluent
import Foundation
import OporaDomain

final class User: Model, @unchecked Sendable {
    static let schema = "users"
    @ID(key: .id) var id: UUID?
    @Field(key: "login") var login: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "full_name") var fullName: String
    @Enum(key: "role") var role: Role
    @OptionalParent(key: "region_id") var region: Region?
    @OptionalParent(key: "municipality_id") var municipality: Municipality?
    @OptionalParent(key: "school_id") var school: School?
    @Field(key: "is_active") var isActive: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "email") var email: String?
    /// Set with a one-time password: the next sign-in leads to «Смена пароля» and nowhere else.
    @Field(key: "must_change_password") var mustChangePassword: Bool
    @OptionalField(key: "last_sign_in_at") var lastSignInAt: Date?
    /// How often the reminder letter comes: `weekly`, `daily` or `off` (`ReminderFrequency`).
    @Field(key: "reminders") var reminders: String
    @OptionalField(key: "reminded_at") var remindedAt: Date?

    init() {}
    init(login: String, passwordHash: String, fullName: String, role: Role,
         regionID: UUID?, municipalityID: UUID?, schoolID: UUID?) {
        self.login = login
        self.passwordHash = passwordHash
        self.fullName = fullName
        self.role = role
        self.$region.id = regionID
        self.$municipality.id = municipalityID
        self.$school.id = schoolID
        self.isActive = true
        self.mustChangePassword = false
        self.reminders = ReminderFrequency.weekly.rawValue
    }
}

/// A bearer token for the API. Only its SHA-256 is stored; the token itself is shown once.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"
    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}
    init(userID: UUID, name: String, tokenHash: String) {
        self.$user.id = userID
        self.name = name
        self.tokenHash = tokenHash
    }
}

/// A failed sign-in, kept for a while so that guessing passwords is slowed on every instance.
final class LoginFailure: Model, @unchecked Sendable {
    static let schema = "login_failures"
    @ID(key: .id) var id: UUID?
    @Field(key: "login") var login: String
    @Field(key: "ip") var address: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
