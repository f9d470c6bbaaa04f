import Fluent
import NIOConcurrencyHelpers
import NIOCore
import Foundation
import OporaDomain
import SQLKit
import Vapor

/// How often a user wants the reminder letter.
enum ReminderFrequency: String, CaseIterable, Sendable {
    case weekly, daily, off

    var russian: String {
        switch self {
        case .weekly: return "Раз в неделю"
        case .daily: return "Каждый день"
        case .off: return "Не присылать"
        }
    }

    /// How long after the last letter the next is due (a little less than the period, so a timer that
    /// runs a few minutes late does not skip one).
    var interval: TimeInterval? {
        switch self {
        case .weekly: return 7 * 24 * 3600 - 3600
        case .daily: return 24 * 3600 - 3600
        case .off: return nil
        }
    }
}

/// Reminder letters: each user with an e-mail address gets, as often as chosen, the open measures
/// overdue or due within 14 days — a school coordinator the own school's, a methodist or an
/// administrator the whole municipality's. Sent by `opora remind` and by `serve` every hour. A letter
/// is claimed in the database before it is sent (so two instances never send it twice) and the claim
/// is given back when the server cannot be reached, so the next run tries again. No page waits for mail.
enum Reminders {
    struct Outcome: Sendable {
        var sent: [String] = []
        var empty = 0
        var failed: [String] = []
    }

    /// A letter for one user, not yet sent.
    struct Letter: Sendable {
        var userID: UUID
        var login: String
        var previous: Date?
        var message: MailMessage
        var measures: Int
    }

    /// The letters due at `now`: users whose period has passed and who have something to be reminded of.
    /// Each user's today is the own municipality's (`AppConfig.today(in:)`).
    static func letters(at now: Date, config: AppConfig, on db: any Database) async throws -> (letters: [Letter], empty: [UUID]) {
        let publicURL = config.publicURL
        let users = try await User.query(on: db).filter(\.$isActive == true).filter(\.$email != nil)
            .filter(\.$municipality.$id != nil).with(\.$municipality).all()
        var letters: [Letter] = []
        var empty: [UUID] = []
        for user in users {
            guard try CurrentUser(user).access.remindedOfMeasures, let email = user.email, let id = user.id, let interval = (ReminderFrequency(rawValue: user.reminders) ?? .weekly).interval,
                  user.remindedAt.map({ now.timeIntervalSince($0) >= interval }) ?? true else { continue }
            let today = config.today(in: user.municipality?.timeZone.flatMap(TimeZone.init(identifier:)))
            let digest = try await digest(for: user, today: today, on: db)
            guard !digest.isEmpty else { empty.append(id); continue }
            let ownSchool = try CurrentUser(user).ownSchoolID
            let place = ownSchool == nil ? user.municipality?.name ?? "" : try await School.find(ownSchool, on: db)?.name ?? "ваша школа"
            let text = digest.text(recipient: user.fullName, place: place, link: { "\(publicURL)\(SiteURL.measure(.value(UUID(uuidString: $0)!)).path)" },
                                   settings: "\(publicURL)\(SiteURL.account.path)")
            letters.append(Letter(userID: id, login: user.login, previous: user.remindedAt,
                                  message: MailMessage(to: email, subject: digest.subject, text: text),
                                  measures: digest.overdue.count + digest.dueSoon.count))
        }
        return (letters, empty)
    }

    /// A user's digest: the own school's measures, or the whole municipality's, of its active programmes.
    static func digest(for user: User, today: Day, on db: any Database) async throws -> ReminderDigest {
        guard let municipality = user.$municipality.id else { return ReminderDigest(items: [], today: today) }
        let programmes = try await Programme.query(on: db).filter(\.$municipality.$id == municipality).filter(\.$status == .active).all().compactMap(\.id)
        guard !programmes.isEmpty else { return ReminderDigest(items: [], today: today) }
        let query = Measure.query(on: db).filter(\.$programme.$id ~~ programmes).filter(\.$status ~~ [.planned, .inProgress]).with(\.$school)
        if let own = try CurrentUser(user).ownSchoolID { query.filter(\.$school.$id == own) }
        let items = try await query.all().compactMap { m -> ReminderDigest.Item? in
            guard let id = m.id, let deadline = m.deadline.flatMap(Day.init) else { return nil }
            return .init(id: id.uuidString, name: m.name, schoolName: m.school?.name, deadline: deadline, status: m.status)
        }
        return ReminderDigest(items: items, today: today)
    }

    /// Claims, sends and records the due letters; a letter the server refused or could not take is
    /// given back for the next run. `attempts` tries a server that cannot be reached, 5 s apart.
    static func run(_ app: Application, now exact: Date, attempts: Int = 3) async throws -> Outcome {
        // Whole seconds: PostgreSQL keeps microseconds, and the claim is found again by its time.
        let now = Date(timeIntervalSince1970: exact.timeIntervalSince1970.rounded(.down))
        guard let smtp = app.opora.smtp else { throw Abort(.internalServerError, reason: "OPORA_SMTP_URL is not set: no letters can be sent") }
        let (due, empty) = try await letters(at: now, config: app.opora, on: app.db)
        var outcome = Outcome(empty: empty.count)
        var claimed: [Letter] = []
        for letter in due where try await claim(letter, at: now, on: app.db) { claimed.append(letter) }
        guard !claimed.isEmpty else { return outcome }
        // Letters not yet answered by the server; each attempt sends only these.
        var pending = claimed
        var lastError: (any Error)?
        for attempt in 1...max(attempts, 1) {
            let answers = NIOLockedValueBox<[Int: String?]>([:])
            do {
                try await SMTPClient.send(pending.map(\.message), with: smtp, on: app.eventLoopGroup) { index, refusal in
                    answers.withLockedValue { $0[index] = refusal }
                }
                lastError = nil
            } catch {
                lastError = error
                app.logger.warning("reminders: attempt \(attempt) of \(attempts): \(error)")
            }
            var left: [Letter] = []
            for (index, letter) in pending.enumerated() {
                switch answers.withLockedValue({ $0[index] }) {
                case .some(.none): outcome.sent.append("\(letter.login) <\(letter.message.to)>: \(RussianNoun.measure.counted(letter.measures))")
                case .some(.some(let refusal)):
                    outcome.failed.append("\(letter.login): \(refusal)")
                    try await giveBack(letter, claimedAt: now, on: app.db)
                case .none: left.append(letter)
                }
            }
            pending = left
            if pending.isEmpty || Task.isCancelled { break }
            if attempt < attempts { try? await Task.sleep(for: .seconds(5)) }
        }
        for letter in pending { try await giveBack(letter, claimedAt: now, on: app.db) }
        outcome.failed += pending.map { "\($0.login): \(lastError.map { String(describing: $0) } ?? "not sent")" }
        return outcome
    }

    /// Marks the letter as sent unless another instance did so first; true when this one claimed it.
    private static func claim(_ letter: Letter, at now: Date, on db: any Database) async throws -> Bool {
        let sql = db as! any SQLDatabase
        var update = sql.update(User.schema).set("reminded_at", to: now).where("id", .equal, letter.userID)
        if let previous = letter.previous { update = update.where("reminded_at", .equal, previous) } else { update = update.where("reminded_at", .is, SQLLiteral.null) }
        return try await update.returning("id").all().count == 1
    }

    private static func giveBack(_ letter: Letter, claimedAt now: Date, on db: any Database) async throws {
        try await (db as! any SQLDatabase).update(User.schema).set("reminded_at", to: letter.previous)
            .where("id", .equal, letter.userID).where("reminded_at", .equal, now).run()
    }

}

/// `serve`'s timer: every hour, the letters due (one run at a time). Stopped with the app: the timer
/// is cancelled, and so is a run in progress, which is waited for, so its unsent letters are given
/// back while the database is still there. An error is logged, never raised.
final class ReminderTimer: LifecycleHandler, Sendable {
    private let state = NIOLockedValueBox<(timer: RepeatedTask?, running: Task<Void, Never>?)>((nil, nil))

    func didBootAsync(_ app: Application) async throws {
        guard app.opora.smtp != nil else { return }
        let timer = app.eventLoopGroup.next().scheduleRepeatedTask(initialDelay: .minutes(1), delay: .hours(1)) { [weak self] _ in
            self?.tick(app)
        }
        state.withLockedValue { $0.timer = timer }
    }

    private func tick(_ app: Application) {
        state.withLockedValue { state in
            guard state.running == nil else { return }
            state.running = Task { [weak self] in
                do {
                    let outcome = try await Reminders.run(app, now: app.opora.now(), attempts: 1)
                    if !outcome.sent.isEmpty || !outcome.failed.isEmpty {
                        app.logger.info("reminders: \(outcome.sent.count) sent, \(outcome.failed.count) not sent: \(outcome.failed.joined(separator: "; "))")
                    }
                } catch {
                    app.logger.error("reminders: \(error)")
                }
                self?.state.withLockedValue { $0.running = nil }
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        let (timer, running) = state.withLockedValue { ($0.timer, $0.running) }
        timer?.cancel()
        // A run in progress stops at its next step and gives back what the server has not accepted.
        running?.cancel()
        await running?.value
    }
}
