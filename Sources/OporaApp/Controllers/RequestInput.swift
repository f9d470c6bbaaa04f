import Foundation
import OporaDomain
import Vapor

/// The bounds of every value a request carries. Nothing read from a request reaches arithmetic
/// or a database query unbounded: out of range is a 422 with a Russian message, never a trap.
enum InputBounds {
    static let page = 1...100_000
    static let year = 2000...2100
    static let searchCharacters = 200
    static let searchWords = 20
}

/// One way to read query values. Every reader answers `nil` for a missing or empty value and
/// throws 422 for a value that is there but not whole or not within its bounds.
extension Request {
    /// A whole number from the query, within `range`; «what» names it in the message («Номер страницы»).
    func queryInt(_ name: String, in range: ClosedRange<Int>, what: String) throws -> Int? {
        guard let text = queryText(name) else { return nil }
        return try Self.boundedInt(text, in: range, what: what)
    }

    /// The page of a paged list, 1-based; 1 when not given.
    func queryPage() throws -> Int {
        try queryInt("page", in: InputBounds.page, what: "Номер страницы") ?? 1
    }

    /// A year from the query within 2000–2100; whether the page has data for it is the page's question.
    func queryYear(_ name: String = "year") throws -> Int? {
        try queryInt(name, in: InputBounds.year, what: "Год")
    }

    /// Search text: at most 200 characters and 20 words, so that no search becomes a query too large to run.
    func querySearch(_ name: String = "q") throws -> String? {
        guard let text = queryText(name) else { return nil }
        return try Self.boundedSearch(text)
    }

    /// A raw query value, trimmed; nil when missing or blank.
    /// An id asked for in the query; an empty value is none, anything else that is not an id is a 422.
    func queryUUID(_ name: String) throws -> UUID? {
        guard let text = queryText(name) else { return nil }
        guard let id = UUID(uuidString: text) else { throw Abort(.unprocessableEntity, reason: "Неверный идентификатор в адресе.") }
        return id
    }

    func queryText(_ name: String) -> String? {
        guard let text = try? query.get(String.self, at: name) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    static func boundedInt(_ text: String, in range: ClosedRange<Int>, what: String) throws -> Int {
        // Int(_:) answers nil on overflow, so «-9223372036854775808» and «1e99» are refused, not trapped.
        guard text.utf8.count <= 12, let value = Int(text), range.contains(value) else {
            throw Abort(.unprocessableEntity,
                        reason: "\(what): нужно целое число от \(Format.integer(range.lowerBound)) до \(Format.integer(range.upperBound)).")
        }
        return value
    }

    static func boundedSearch(_ text: String) throws -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        guard text.count <= InputBounds.searchCharacters, words.count <= InputBounds.searchWords else {
            throw Abort(.unprocessableEntity,
                        reason: "Строка поиска слишком длинная: не больше \(InputBounds.searchCharacters) символов и \(InputBounds.searchWords) слов.")
        }
        return words.joined(separator: " ")
    }
}

extension Request {
    /// The year a school's page shows and the years it offers: the year before the programme and its
    /// own years; the one asked for (in the address, or in the form that was sent) if among them,
    /// else today's, within them.
    func schoolPageYear(of programme: Programme) throws -> (year: Int, years: [Int]) {
        let years = Array((programme.startYear - 1)...programme.endYear)
        let requested = try queryYear() ?? (try? content.get(Int.self, at: "year"))
        return (chosenYear(requested, in: years), years)
    }
}

extension Request {
    private struct MeasureListQuery: Content {
        var section: String?
        var year: String?
        var school: String?
        var status: String?
        var overdue: String?
    }

    /// The filters of a list of measures (web page and API alike); the search text bounded as every search is.
    func measureFilter() throws -> MeasureFilter {
        let q = try query.decode(MeasureListQuery.self)
        return MeasureFilter(section: q.section, year: q.year, school: q.school, status: q.status, overdue: q.overdue, q: try querySearch())
    }
}

extension Request {
    /// The session key of the programme chosen on the programmes page.
    static let chosenProgrammeKey = "programme"

    /// The programme the user chose to work in, if any; `Scope.currentProgramme` checks it is readable.
    var chosenProgrammeID: UUID? {
        guard hasSession else { return nil }
        return session.data[Request.chosenProgrammeKey].flatMap(UUID.init(uuidString:))
    }

    /// A regional user reading a school of another municipality of the region: that municipality is
    /// opened, so that the frame, the programme and the school's plan on the page are the school's own.
    /// Call it before anything of the page resolves the shown programme.
    func openMunicipality(of school: School) {
        guard var user = auth.get(CurrentUser.self), user.access.isRegional, user.chosenMunicipalityID != school.$municipality.id else { return }
        user.chosenMunicipalityID = school.$municipality.id
        auth.login(user)
        session.data[SessionUserAuthenticator.municipalityKey] = school.$municipality.id.uuidString
        session.data[Request.chosenProgrammeKey] = nil
        storage[ShownProgrammeKey.self] = nil
    }

    private struct ShownProgrammeKey: StorageKey { typealias Value = Programme }

    /// The programme this request's pages show: the chosen one, else the active, else the newest.
    /// Resolved once per request, so the page frame and the handler never disagree.
    func shownProgramme() async throws -> Programme {
        if let programme = storage[ShownProgrammeKey.self] { return programme }
        let programme = try await Scope.currentProgramme(for: try currentUser(), chosen: chosenProgrammeID, on: db)
        storage[ShownProgrammeKey.self] = programme
        return programme
    }

    /// The shown programme for a change to it: refused once it is closed.
    func openProgramme() async throws -> Programme {
        let programme = try await shownProgramme()
        try Programmes.requireOpen(programme)
        return programme
    }
}
