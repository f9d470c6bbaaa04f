import Foundation
@testable import OporaApp
import OporaDomain
import Testing
import Vapor

/// `opora identify` answers byte for byte what it answered before its reading and methodology were
/// streamed: Tests/Fixtures/identify-town holds a generated town with every category and sign, and the
/// answers of the code of that time (its README says how they were made).
@Suite struct IdentifyOracleTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/identify-town")

    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    /// The town as `opora setup` and `opora import` load it.
    static func loadTown(_ app: Application) async throws {
        _ = try await Launcher.setup(app, region: "Тест", municipality: "Город")
        for (kind, file) in [("schools", "schools.csv"), ("context", "context.csv"), ("results", "results-2021.csv"), ("results", "results-2022.csv")] {
            _ = try await Launcher.importFile(app, kind: kind, path: fixtures.appendingPathComponent(file).path, municipalityName: "Город")
        }
    }

    @Test func identifyAnswersAsBefore() async throws {
        try await withDemoApp(today: Day(year: 2026, month: 11, day: 30)!, seed: false) { app in
            try await Self.loadTown(app)
            for (year, format) in [(2022, Launcher.IdentifyFormat.csv), (2022, .json), (2022, .table), (2021, .csv)] {
                let answer = try await Launcher.identify(app, year: year, format: format, municipalityName: "Город")
                // The command prints the answer with a line break after it.
                let expected = try Self.fixture("expected-\(year).\(format.rawValue)")
                #expect(answer + "\n" == expected, "\(year), \(format)")
            }
        }
    }

    /// The pages' identification (the monitoring cache) gives every school the same category, figures
    /// and explanation as the command line.
    @Test func thePagesAgreeWithTheCommandLine() async throws {
        try await withDemoApp(today: Day(year: 2026, month: 11, day: 30)!, seed: false) { app in
            try await Self.loadTown(app)
            let municipality = try await Launcher.municipality(named: "Город", on: app.db)
            let pages = try await IdentificationReport.make(municipalityID: municipality.requireID(), year: 2022, masked: false,
                                                            cache: app.monitoringCache, on: app.db)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            #expect(String(decoding: try encoder.encode(pages), as: UTF8.self) + "\n" == (try Self.fixture("expected-2022.json")))
        }
    }
}
