import Fluent
import Foundation
@testable import OporaApp
import OporaDomain
import Testing
import Vapor
import VaporTesting

/// «Эффект программы» on the demo: the page, the final report, the API and the command line give the
/// one estimate the domain computes from the monitoring of each year; readers of one school are refused.
@Suite struct EffectTests {
    @Test func thePageTheReportTheAPIAndTheCommandLineGiveTheSameEffect() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            let programme = try #require(try await Programme.query(on: app.db).first())
            let id = try programme.requireID().uuidString
            let report = try await EffectReport.make(programme, cache: app.monitoringCache, on: app.db)
            let e = report.effect
            // The demo: 2020–2022, baseline 2019, four schools in the programme and four others, results from 2017.
            #expect(e.baseline == 2019 && e.participating.count == 4 && e.pool.count == 4)
            #expect(e.years.map(\.year) == [2020, 2021, 2022] && e.years.allSatisfy { $0.effect != nil && $0.interval != nil })
            #expect(e.trajectories.map(\.year) == [2018, 2019, 2020, 2021, 2022])
            for (code, matched) in e.matches { #expect(matched.count == 3 && !matched.contains(code)) }

            var methodist = WebClient(app)
            try await methodist.login("metodist")
            let page = try await methodist.get("/programmes/\(id)/effect")
            #expect(page.status == .ok && page.body.contains("<h1>Эффект программы</h1>"))
            for y in e.years {
                let interval = HTMLEscape.text(RussianNumberFormat.pointsInterval(try #require(y.interval)))
                #expect(page.body.contains(">\(Format.points(y.effect))</td>") && page.body.contains(interval), "\(y.year)")
            }
            let final = try await methodist.get("/programmes/\(id)/final-report")
            #expect(final.body.contains("4. Эффект программы") && final.body.contains(Format.points(e.years[0].effect)))

            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: try await Fixtures.apiToken(for: "metodist", app))
            let api = try await app.testing().sendRequest(.GET, "/api/v1/programmes/\(id)/effect", headers: headers)
            #expect(api.status == .ok)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(api.body.readableBytesView)) as? [String: Any])
            #expect(json["baseline"] as? Int == 2019 && json["resamples"] as? Int == 2_000)
            let years = try #require(json["years"] as? [[String: Any]])
            #expect(years.count == 3 && abs((years[0]["effect"] as? Double ?? 9) - e.years[0].effect!) < 1e-12)

            let csv = try await Launcher.effect(app, programmeID: id, format: .csv).split(separator: "\n")
            #expect(csv.first == "year,schools,change_participating,change_matched,effect,effect_low,effect_high,supported")
            #expect(csv.count == 4 && csv[1].hasPrefix("2020,4,") && csv[1].contains(String(format: "%.4f", e.years[0].effect!)))
            let table = try await Launcher.effect(app, programmeID: id, format: .table)
            #expect(table.contains("базовый год 2019") && table.contains("эффект \(Format.points(e.years[2].effect))"))
        }
    }

    @Test func aSchoolUserReadsNoEffectAndAnotherMunicipalitysProgrammeIsNotFound() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            let programme = try #require(try await Programme.query(on: app.db).first())
            var school = WebClient(app)
            try await school.login("biritskaya")
            #expect(try await school.get("/programmes/\(programme.id!.uuidString)/effect").status == .forbidden)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: try await Fixtures.apiToken(for: "biritskaya", app))
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/programmes/\(programme.id!.uuidString)/effect", headers: headers).status == .forbidden)
            var observer = WebClient(app)
            try await observer.login("observer")
            #expect(try await observer.get("/programmes/\(programme.id!.uuidString)/effect").status == .ok)
            var methodist = WebClient(app)
            try await methodist.login("metodist")
            #expect(try await methodist.get("/programmes/\(UUID().uuidString)/effect").status == .notFound)
        }
    }
    /// A municipality that compares with its region (rule 5's `region`) finds its matches among every school of the
    /// region: a neighbour with four schools, results of every year and a social context of the baseline year.
    @Test func aMunicipalityComparingWithItsRegionMatchesAcrossTheRegion() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            let demo = try #require(try await Municipality.query(on: app.db).filter(\.$isDemo == true).first())
            let programme = try #require(try await Programme.query(on: app.db).filter(\.$status == .active).first())
            let baseline = programme.startYear - 1
            let neighbour = Municipality(regionID: demo.$region.id, name: "Соседний район (эффект)", isDemo: false)
            try await neighbour.create(on: app.db)
            var results = "year,kind,grade,subject,school_code,participants,fails\n", context = "year,school_code,low_income_share\n"
            for (i, code) in ["sos-01", "sos-02", "sos-03", "sos-04"].enumerated() {
                try await School(municipalityID: neighbour.id!, code: code, name: "МБОУ Соседняя школа \(i + 1)", shortName: "Соседняя школа \(i + 1)",
                                 settlement: nil, type: "СОШ", distanceKm: nil, isDemo: false).create(on: app.db)
                for year in (baseline - 2)...programme.endYear {
                    for (grade, subject) in [(4, "Математика"), (5, "Русский язык"), (6, "Математика")] {
                        results += "\(year),vpr,\(grade),\(subject),\(code),20,\(2 + 2 * i)\n"
                    }
                }
                context += "\(baseline),\(code),0.\(3 + i)\n"
            }
            for (kind, text) in [(ImportKind.results, results), (.context, context)] {
                let loaded = try await ImportService.run(kind: kind, fileName: "\(kind.rawValue).csv", bytes: Array(text.utf8), municipalityID: neighbour.id!,
                                                         user: nil, write: true, today: testToday, on: app.db)
                if case .failure(let p) = loaded { Issue.record("neighbour's \(kind) refused: \(p)") }
            }
            let own = try await EffectReport.make(programme, cache: app.monitoringCache, on: app.db)
            #expect(!own.regionPool && !own.effect.pool.contains { $0.hasPrefix("Соседний район") })

            var admin = WebClient(app)
            try await admin.login("admin")
            var form = Methodology.formValues(.defaults).filter { $0.key != "referenceScope" }.map { ($0.key, $0.value) }
            form += [("comment", "Сравнение с регионом"), ("referenceScope", "region")]
            #expect(try await admin.post("/methodology", form: form).status == .seeOther)
            let region = try await EffectReport.make(programme, cache: app.monitoringCache, on: app.db)
            #expect(region.regionPool)
            #expect(region.effect.pool.count == own.effect.pool.count + 4, "\(region.effect.pool)")
            #expect(region.effect.pool.contains("Соседний район (эффект) / sos-01"))
            #expect(region.name("Соседний район (эффект) / sos-01") == "Соседняя школа 1 (Соседний район (эффект))")
            let page = try await admin.get("/programmes/\(programme.id!.uuidString)/effect")
            #expect(page.body.contains("Похожие школы подбираются среди школ всего региона"))
        }
    }
}
