import Foundation

/// Phase timings for the benchmarks: printed to stderr only when OPORA_TIMINGS=1.
enum Timing {
    static let enabled = ProcessInfo.processInfo.environment["OPORA_TIMINGS"] == "1"
    private static let clock = ContinuousClock()

    static var now: ContinuousClock.Instant { clock.now }

    /// Prints «label: 1.23 s» for the time since `start`; returns now, for the next phase.
    @discardableResult
    static func note(_ label: String, since start: ContinuousClock.Instant) -> ContinuousClock.Instant {
        let end = clock.now
        if enabled {
            let d = end - start
            let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
            FileHandle.standardError.write(Data("\(label): \(String(format: "%.2f", seconds)) s\n".utf8))
        }
        return end
    }
}
