import Foundation
import OporaDomain
import Testing

/// «Nothing is fixed to the seed»: outside the template's data file no source file names a year of
/// the seed programme (its years and its baseline year), and outside the data file and the demo's
/// seed no source file names its district. The years and the name are read from the data file itself.
@Suite struct NothingFixedToTheSeedTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// Every text file under Sources/ but the template's data file, with its path relative to Sources/.
    static func files() throws -> [(path: String, text: String)] {
        let walker = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var files: [(String, String)] = []
        for case let url as URL in walker where ["swift", "json", "yaml", "css"].contains(url.pathExtension) {
            let path = String(url.path.dropFirst(sources.path.count + 1))
            if path.hasSuffix("Resources/programme-template-balagansky.json") { continue }
            files.append((path, try String(contentsOf: url, encoding: .utf8)))
        }
        return files
    }

    @Test func noSourceFileNamesAYearOfTheSeedProgramme() throws {
        let template = try ProgrammeTemplate.balagansky()
        let years = [template.passport.startYear - 1] + Array(template.passport.years)
        let files = try Self.files()
        #expect(files.count > 100, "the walk found the sources")
        var found: [String] = []
        for (path, text) in files {
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for year in years {
                    // A year as a number of its own: not «0x2020», not «12020», not «2020a».
                    let pattern = "(?<![0-9A-Za-z_])\(year)(?![0-9])"
                    if line.range(of: pattern, options: .regularExpression) != nil { found.append("\(path):\(n + 1): \(year)") }
                }
            }
        }
        #expect(found.isEmpty, "seed years in sources: \(found.prefix(20).joined(separator: "; "))")
    }

    @Test func noSourceFileButTheDemoSeedNamesTheSeedDistrict() throws {
        let template = try ProgrammeTemplate.balagansky()
        let own = try #require(template.ownName)
        // The stem that every case of the name shares: «Балаганск».
        let stem = String(own.nominative.split(separator: " ")[0].prefix(9))
        #expect(stem.count == 9)
        let named = try Self.files().filter { !$0.path.contains("Seed/Demo") && $0.text.contains(stem) }.map(\.path)
        #expect(named.isEmpty, "the seed's district named in \(named)")
    }
}
