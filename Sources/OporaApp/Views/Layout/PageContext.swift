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
    /// A regional user's region: the pages of the shown municipality are read-only for them.
    var regionName: String? = nil
    /// The programme the pages show, said under the menu: which one, its years and its state.
    var programme: ShownProgramme? = nil
    /// What the last change said («Изменения сохранены.»), shown once at the top of the next page.
    var notice: String? = nil

    struct ShownProgramme: Sendable {
        var name: String
        var years: ClosedRange<Int>
        var status: ProgrammeStatus
    }

    /// Whether the page masks counts of people (observers and visitors who are not signed in).
    var countsOnly: Bool { user?.access.seesCountsOnly ?? true }

    /// Whether the user may edit the shown programme: municipal staff, while it is not closed.
    var editsProgramme: Bool { (user?.access.isMunicipalStaff ?? false) && (programme?.status.isOpen ?? false) }
}
