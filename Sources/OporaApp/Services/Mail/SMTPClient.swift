import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Where letters go: `OPORA_SMTP_URL` — `smtps://user:password@host:465` (TLS from the start) or
/// `smtp://user:password@host:587` (STARTTLS, required whenever the server offers it or a password
/// is to be sent; `smtp://host:25` without a password to a server that offers no TLS, on a trusted
/// network, sends in the clear) — and `OPORA_SMTP_FROM`, the sender's address.
struct SMTPSettings: Sendable, Equatable {
    enum Security: Sendable, Equatable { case tls, startTLS }
    var host: String
    var port: Int
    var security: Security
    var username: String?
    var password: String?
    var from: String
    /// A PEM file of certificates to trust besides the system's (`OPORA_SMTP_CA_FILE`): a district's own mail server.
    var caFile: String?

    /// What a setting should have been, when it does not parse.
    struct Expected: Error { var text: String }

    static func parse(url text: String, from: String) -> Result<SMTPSettings, Expected> {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(), ["smtp", "smtps"].contains(scheme) else {
            return .failure(Expected(text: "smtp://user:password@host:587 or smtps://user:password@host:465"))
        }
        guard let host = url.host, !host.isEmpty else { return .failure(Expected(text: "a URL with a host")) }
        guard AccountChanges.isEmailAddress(from) else { return .failure(Expected(text: "OPORA_SMTP_FROM: an e-mail address such as opora@district.ru")) }
        return .success(SMTPSettings(host: host, port: url.port ?? (scheme == "smtps" ? 465 : 587), security: scheme == "smtps" ? .tls : .startTLS,
                                     username: url.percentEncodedUser?.removingPercentEncoding, password: url.percentEncodedPassword?.removingPercentEncoding,
                                     from: from))
    }
}

/// One letter: a recipient, a subject and a plain text, sent as UTF-8 in base64.
struct MailMessage: Sendable {
    var to: String
    var subject: String
    var text: String

    /// The message as the DATA command sends it (CRLF lines, base64 body, so no line starts with a dot).
    func rendered(from: String, date: Date = Date(), id: String = UUID().uuidString) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        let body = Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let domain = from.split(separator: "@").last.map(String.init) ?? "opora"
        return [
            "From: =?UTF-8?B?\(Data("Опора".utf8).base64EncodedString())?= <\(from)>",
            "To: <\(to)>",
            "Subject: =?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?=",
            "Date: \(formatter.string(from: date))",
            "Message-ID: <\(id)@\(domain)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "",
            body,
        ].joined(separator: "\r\n")
    }
}

enum SMTPError: Error, CustomStringConvertible {
    case refused(command: String, reply: String)
    case closed
    case insecure
    case timedOut

    var description: String {
        switch self {
        case .refused(let command, let reply): return "the SMTP server refused \(command): \(reply)"
        case .closed: return "the SMTP server closed the connection"
        case .insecure: return "the SMTP server offers no STARTTLS, and a password is not sent in the clear"
        case .timedOut: return "the SMTP server did not answer within 30 seconds"
        }
    }
}

/// A small SMTP client (RFC 5321 with STARTTLS, RFC 3207, and AUTH PLAIN, RFC 4616) on SwiftNIO: one
/// connection per batch of letters. No package for SMTP resolves here; this one is tested against a
/// real server (aiosmtpd) by `ops-tests/reminders.sh`.
enum SMTPClient {
    /// Sends the letters in one session. `done` hears of each letter as the server answers it (its
    /// index, and nil when accepted or the refusal), so a session that breaks off later never has an
    /// accepted letter sent again. Throws when the session itself fails or takes longer than 30 s and
    /// 10 s a letter.
    static func send(_ messages: [MailMessage], with settings: SMTPSettings, on group: any EventLoopGroup,
                     done: @escaping @Sendable (Int, String?) -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await session(messages, settings, group, done) }
            tasks.addTask {
                try await Task.sleep(for: .seconds(30 + 10 * messages.count))
                throw SMTPError.timedOut
            }
            defer { tasks.cancelAll() }
            try await tasks.next()!
        }
    }

    private static func session(_ messages: [MailMessage], _ s: SMTPSettings, _ group: any EventLoopGroup,
                                _ done: @escaping @Sendable (Int, String?) -> Void) async throws {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let file = s.caFile {
            configuration.additionalTrustRoots = [.certificates(try NIOSSLCertificate.fromPEMFile(file))]
        }
        let tls = try NIOSSLContext(configuration: configuration)
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.seconds(10))
            .connect(host: s.host, port: s.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if s.security == .tls {
                        try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: tls, serverHostname: IPAddress(s.host) == nil ? s.host : nil))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineDecoder()))
                    return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var lines = inbound.makeAsyncIterator()
            func reply() async throws -> (code: Int, text: [String]) {
                var text: [String] = []
                while let line = try await lines.next() {
                    text.append(line)
                    let chars = Array(line)
                    if chars.count < 4 || chars[3] == " " { return (Int(String(chars.prefix(3))) ?? 0, text) }
                }
                throw SMTPError.closed
            }
            func command(_ line: String, expect: Int, shown: String? = nil) async throws -> [String] {
                try await outbound.write(ByteBuffer(string: line + "\r\n"))
                let r = try await reply()
                guard r.code == expect else {
                    let shown = shown ?? (line.hasPrefix("AUTH") ? "AUTH" : line)
                    throw SMTPError.refused(command: shown, reply: r.text.joined(separator: " "))
                }
                return r.text
            }
            let greeting = try await reply()
            guard greeting.code == 220 else { throw SMTPError.refused(command: "connect", reply: greeting.text.joined(separator: " ")) }
            var features = try await command("EHLO opora", expect: 250)
            var secure = s.security == .tls
            if !secure, features.contains(where: { $0.uppercased().contains("STARTTLS") }) {
                _ = try await command("STARTTLS", expect: 220)
                let raw = channel.channel
                try await raw.eventLoop.submit {
                    try raw.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: tls, serverHostname: IPAddress(s.host) == nil ? s.host : nil), position: .first)
                }.get()
                secure = true
                features = try await command("EHLO opora", expect: 250)
            }
            if let user = s.username {
                guard secure else { throw SMTPError.insecure }
                let token = Data("\0\(user)\0\(s.password ?? "")".utf8).base64EncodedString()
                _ = try await command("AUTH PLAIN \(token)", expect: 235)
            }
            for (index, message) in messages.enumerated() {
                do {
                    _ = try await command("MAIL FROM:<\(s.from)>", expect: 250)
                    _ = try await command("RCPT TO:<\(message.to)>", expect: 250)
                    _ = try await command("DATA", expect: 354)
                    // The letter itself is never repeated in a refusal: it names people and measures.
                    _ = try await command(message.rendered(from: s.from) + "\r\n.", expect: 250, shown: "the letter (after DATA)")
                    done(index, nil)
                } catch let SMTPError.refused(refused, reply) {
                    done(index, "\(refused): \(reply)")
                    _ = try await command("RSET", expect: 250)
                }
            }
            _ = try? await command("QUIT", expect: 221)
        }
    }
}

/// Splits the server's replies into lines without their CRLF.
struct LineDecoder: ByteToMessageDecoder {
    typealias InboundOut = String

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > 64 * 1024 { throw SMTPError.closed }
            return .needMoreData
        }
        let length = newline - buffer.readerIndex + 1
        var line = buffer.readString(length: length) ?? ""
        while line.hasSuffix("\n") || line.hasSuffix("\r") { line.removeLast() }
        context.fireChannelRead(wrapInboundOut(line))
        return .continue
    }
}
