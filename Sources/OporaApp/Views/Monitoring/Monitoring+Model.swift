import Foundation
import OporaDomain

extension MonitoringView {
    /// The monitoring of one year as the page shows it: values only.
    struct Model: Sendable {
        var year: Int
        var years: [Int]
        var result: IdentificationResult
        var version: Methodology.Version
        var schools: [String: School.Facts]
        var isDemo: Bool
        /// The table shows this category only, when set, and `pageSize` schools from `page` (0-based).
        var category: SchoolCategory? = nil
        var page: Int = 0
    }

    /// A region has 800 schools: the table shows them a hundred at a time.
    static let pageSize = 100
}
