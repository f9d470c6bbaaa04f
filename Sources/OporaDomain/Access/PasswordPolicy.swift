import Foundation

/// What a password a person chooses must be: at least 10 characters, not the login, not one of the
/// 1,000 most common passwords (`common-passwords.txt`: the «passwords» frequency list of zxcvbn 4.4.28,
/// its first 1,000 entries), compared without regard to case.
public enum PasswordPolicy {
    public static let minimumLength = 10

    /// Why the password is refused, in words for its owner; nil when it may be used.
    public static func problem(_ password: String, login: String) -> String? {
        if password.count < minimumLength {
            return "Пароль — не короче \(minimumLength) знаков."
        }
        let lower = password.lowercased()
        if !login.isEmpty, lower.contains(login.lowercased()) {
            return "Пароль не должен содержать логин."
        }
        if common.contains(lower) {
            return "Этот пароль слишком распространён: его подбирают первым. Выберите другой."
        }
        return nil
    }

    /// The common passwords, lower case.
    public static let common: Set<String> = {
        guard let url = Bundle.module.url(forResource: "common-passwords", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return Set(text.split(whereSeparator: \.isNewline).map { $0.lowercased() })
    }()
}
