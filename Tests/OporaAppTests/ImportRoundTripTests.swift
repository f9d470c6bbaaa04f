import Fluent
import Foundation
@testable import OporaApp
import OporaDomain
import Testing
import Vapor

/// Every workbook Opora exports of loaded data imports back unchanged, and every template reads as an
/// empty file of its kind with every column recognised: on the demo, through the web.
@Suite(.serialized) struct ImportRoundTripTests {
    static func download(_ web: inout WebClient, _ path: String, _ app: Application) async throws -> [UInt8] {
        var headers = HTTPHeaders()
        if let cookie = web.cookie { headers.add(name: .cookie, value: cookie) }
        let r = try await app.testing().sendRequest(.GET, path, headers: headers)
        #expect(r.status == .ok, "\(path): \(r.status)")
        return Array(r.body.readableBytesView)
    }

    /// The demo's own day: its trainings run to the autumn of its last year.
    static let demoToday = Day(year: 2022, month: 10, day: 1)!

    static func plan(_ kind: ImportKind, _ name: String, _ bytes: [UInt8], _ app: Application) async throws -> ImportService.Plan {
        let municipality = try await Municipality.query(on: app.db).first()!
        return try await ImportService.run(kind: kind, fileName: name, bytes: bytes, municipalityID: municipality.requireID(), user: nil,
                                           write: false, today: demoToday, on: app.db).get()
    }

    @Test func everyKindsExportOfTheDemoImportsBackChangingNothing() async throws {
        try await withDemoApp(today: Self.demoToday) { app in
            var web = WebClient(app)
            try await web.login("admin")
            var exported: [String: Int] = [:]
            for kind in ImportKind.allCases {
                let bytes = try await Self.download(&web, SiteURL.importExport(kind.rawValue).path, app)
                let plan = try await Self.plan(kind == .studentResults ? .results : kind, "export.xlsx", bytes, app)
                #expect(plan.changesNothing, "\(kind): \(plan.russianSummary) \(plan.replaced.lines.prefix(3))")
                #expect(plan.columns.notLoaded.isEmpty, "\(kind): \(plan.columns.notLoaded)")
                exported[kind.rawValue] = plan.unchanged
            }
            // The demo has rows of every kind but the catalogue's courses and diagnostics it keeps elsewhere: each export is not empty.
            let results = try await ResultRecord.query(on: app.db).count()
            #expect(exported["results"] == results && results > 100)
            #expect(exported["schools"] == 8)
            #expect(exported.filter { $0.value == 0 }.isEmpty, "\(exported)")
        }
    }

    @Test func aSchoolsSupportWorkbookLoadsBackAsItsSchoolsRows() async throws {
        try await withDemoApp { app in
            var web = WebClient(app)
            try await web.login("admin")
            let school = try await Fixtures.school("bal-03", app)
            let bytes = try await Self.download(&web, SiteURL.schoolSupportXLSX(.value(try school.requireID())).path, app)
            let plan = try await Self.plan(.studentSupport, "support.xlsx", bytes, app)
            #expect(plan.changesNothing && plan.unchanged > 0, "\(plan.russianSummary)")
            #expect(plan.columns.notes.contains { $0.hasPrefix("Читается лист «По классам") })
        }
    }

    @Test func everyTemplateReadsAsAnEmptyFileOfItsKindWithEveryColumnKnown() async throws {
        try await withDemoApp { app in
            var web = WebClient(app)
            try await web.login("admin")
            for kind in ImportKind.allCases {
                for format in ["xlsx", "csv"] {
                    let bytes = try await Self.download(&web, SiteURL.importTemplate("\(kind.rawValue).\(format)").path, app)
                    if format == "csv" { #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]) && bytes.contains(UInt8(ascii: ";"))) }
                    let sheets = try TableReader.read(fileName: "t.\(format)", bytes: bytes).get()
                    let shaped = try FileShape.shape(sheets, kind: kind).get()
                    #expect(shaped.table.rows.isEmpty, "\(kind).\(format): \(shaped.table.rows.prefix(2))")
                    #expect(shaped.report.notLoaded.isEmpty && shaped.report.entries.count == ImportTemplate.columns(kind).count, "\(kind).\(format)")
                    #expect(shaped.report.notes.prefix(2) == ["Строка 2 — пояснения к столбцам из образца, не загружается.",
                                                              "Строка 3 — пример заполнения из образца, не загружается."], "\(kind).\(format): \(shaped.report.notes)")
                    #expect(ImportKind.detect(header: shaped.table.header) == kind, "\(kind).\(format)")
                }
            }
        }
    }

    @Test func theWebPreviewNamesAColumnItDoesNotLoadAndASplitNumberByItsLine() async throws {
        try await withDemoApp { app in
            var web = WebClient(app)
            try await web.login("admin")
            _ = try await web.get("/imports")
            let context = "Год,Код ОО,Число обучающихся,Доля малоимущих семей,Комментарий\n2021,bal-03,120,45%,проверено\n"
            let preview = try await web.postMultipart("/imports", form: [("kind", "context")], file: ("file", "context.csv", Array(context.utf8)))
            #expect(preview.status == .ok)
            #expect(preview.body.contains("<li class=\"not-loaded\"><code>E</code>. «<code>Комментарий</code>» — не загружается</li>"))
            #expect(preview.body.contains("Не загружается: «<code>Комментарий</code>»"))
            let confirm = try #require(WebClient.firstMatch(in: preview.body, #"action="(/imports/[^"]+/confirm)""#))
            _ = try await web.post(confirm, form: [])
            let school = try await Fixtures.school("bal-03", app)
            let stored = try await SocialContextRecord.query(on: app.db).filter(\.$school.$id == school.requireID()).filter(\.$year == 2021).first()
            #expect(stored?.lowIncomeShare == 0.45)

            _ = try await web.get("/imports")
            let registry = "code,name,distance_km\nbal-03,МБОУ Биритская СОШ,54,5\n"
            let refused = try await web.postMultipart("/imports", form: [("kind", "schools")], file: ("file", "schools.csv", Array(registry.utf8)))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("в строке 4 ячейки, а в заголовке 3 столбца"))
            #expect(try await School.query(on: app.db).filter(\.$code == "bal-03").first()?.distanceKm == 28)
        }
    }
}
