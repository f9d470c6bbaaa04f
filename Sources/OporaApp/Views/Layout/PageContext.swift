import Foundation
import OporaDomain

/// What the layout needs around every page: who is signed in, the form token, whether the data is demo.
struct PageContext: Sendable {
    var user: CurrentUser?
    var csrf: String
    var municipalityName: String?
    var isDemo: Bool
    var path: String
    /// The pinned date of a demo, said in its banner.
    var demoToday: Day? = nil

    /// Whether the page masks counts of people (observers and visitors who are not signed in).
    var countsOnly: Bool { user?.access.seesCountsOnly ?? true }
}
