import Foundation
import Vapor

/// The address a request came from. Behind a reverse proxy every request's peer is the proxy, so the
/// client is read from `X-Forwarded-For` — but only when the peer is one of `OPORA_TRUSTED_PROXIES`:
/// anyone else can write that header. The list is walked from the right (the entry the trusted peer
/// added) past every trusted proxy; the first address that is not one is the client.
enum ClientAddress {
    static func of(_ req: Request) -> String {
        let peer = req.remoteAddress?.ipAddress ?? "unknown"
        return resolve(peer: peer, forwardedFor: req.headers[.xForwardedFor], trusted: req.opora.trustedProxies)
    }

    static func resolve(peer: String, forwardedFor: [String], trusted: [AddressRange]) -> String {
        guard let peerAddress = IPAddress(peer), trusted.contains(where: { $0.contains(peerAddress) }) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in hops.reversed() {
            guard let address = IPAddress(hop) else { return peer }
            if !trusted.contains(where: { $0.contains(address) }) { return address.text }
        }
        return hops.first.flatMap(IPAddress.init)?.text ?? peer
    }
}

/// An IPv4 or IPv6 address as its bytes.
struct IPAddress: Equatable, Sendable {
    var bytes: [UInt8]
    var text: String

    init?(_ raw: String) {
        var text = raw
        if text.hasPrefix("["), let end = text.firstIndex(of: "]") { text = String(text[text.index(after: text.startIndex)..<end]) }
        if let zone = text.firstIndex(of: "%") { text = String(text[..<zone]) }
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            bytes = withUnsafeBytes(of: &v4) { Array($0) }
        } else if inet_pton(AF_INET6, text, &v6) == 1 {
            bytes = withUnsafeBytes(of: &v6) { Array($0) }
            // An IPv4 address mapped into IPv6 (::ffff:a.b.c.d) is that IPv4 address.
            if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF { bytes = Array(bytes[12...]) }
        } else {
            return nil
        }
        self.text = text
    }
}

/// One address or a CIDR range, as `OPORA_TRUSTED_PROXIES` names them.
struct AddressRange: Sendable, Equatable {
    var network: IPAddress
    var prefix: Int

    init?(_ raw: String) {
        let parts = raw.trimmingCharacters(in: .whitespaces).split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let address = IPAddress(String(parts[0])) else { return nil }
        let bits = address.bytes.count * 8
        if parts.count == 2 {
            guard let p = Int(parts[1]), (0...bits).contains(p), parts[1].allSatisfy(\.isASCII) else { return nil }
            prefix = p
        } else {
            prefix = bits
        }
        network = address
    }

    func contains(_ address: IPAddress) -> Bool {
        guard address.bytes.count == network.bytes.count else { return false }
        var left = prefix
        for (a, b) in zip(address.bytes, network.bytes) where left > 0 {
            let take = min(8, left)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - take))
            if a & mask != b & mask { return false }
            left -= take
        }
        return true
    }

    /// A comma- or space-separated list; the entries that do not parse, for the message at start.
    static func list(_ text: String) -> (ranges: [AddressRange], bad: [String]) {
        let items = text.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
        return (items.compactMap(AddressRange.init), items.filter { AddressRange($0) == nil })
    }
}
