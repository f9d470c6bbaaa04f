import Fluent
import Foundation
import OporaDomain

extension SchoolResourcesView {
    /// A school's resources of one year: the equal-access checklist (which feeds indicator 1) and the
    /// other inventory items, each available, missing or unknown, and whether it is published.
    static func query(school: School, year: Int, years: [Int], user: CurrentUser, on db: any Database) async throws -> Model {
        let checklist = try await ChecklistItems.titles(municipalityID: school.$municipality.id, on: db)
        let stored = try await ResourceItem.query(on: db).filter(\.$school.$id == school.id!).filter(\.$year == year).all()
        let entries = try await ChecklistEntryRecord.query(on: db).filter(\.$school.$id == school.id!).filter(\.$year == year).all()
        let items = (checklist + ResourceInventory.extraItems).map { title -> Item in
            let r = stored.first { $0.item == title }
            let available = r?.available ?? entries.first { $0.item == title }?.available
            return .init(title: title, available: available, note: r?.note ?? "", isPublic: r?.isPublic ?? false, feedsIndicator: checklist.contains(title))
        }
        return .init(school: school.facts, year: year, years: years, items: items, canEdit: user.canEditSchoolData(school))
    }
}
