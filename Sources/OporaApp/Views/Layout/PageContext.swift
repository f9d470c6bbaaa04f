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
    /// The programme the pages show, said under the menu: which one, its years and its state.
    var programme: ShownProgramme? = nil

    struct ShownProgramme: Sendable {
        var name: String
        var years: ClosedRange<Int>
        var status: ProgrammeStatus
    }

    /// Whether the page masks counts of people (observers and visitors who are not signed in).
    var countsOnly: Bool { user?.access.seesCountsOnly ?? true }
}
