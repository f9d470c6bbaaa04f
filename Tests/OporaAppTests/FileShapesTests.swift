import Fluent
import Foundation
@testable import OporaApp
import OporaDomain
import Testing
import Vapor

/// Files shaped as municipal offices get them (Tests/Fixtures/fis-oko, written by openpyxl, LibreOffice
/// and by hand; README there): a registry with ФИС ОКО logins, a Windows-1251 ВПР export in percentages
/// with title lines and no year or procedure, a two-row header, namespace-prefixed XML with digit-group
/// spaces and formulas, two sheets with date cells, Russian headers with a column Opora does not load.
/// Each goes in through the command line, the web or the API, and the stored rows are the expected ones.
@Suite(.serialized) struct FileShapesTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fis-oko")

    static func path(_ name: String) -> String { fixtures.appendingPathComponent(name).path }
    static func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: fixtures.appendingPathComponent(name))) }

    struct Expected: Decodable {
        struct Result: Decodable {
            var file: String
            var year: Int
            var kind: String
            var grade: Int
            var subject: String
            var school_code: String
            var participants: Int
            var fails: Int
            var marks3: Int?
            var marks4: Int?
            var marks5: Int?
            var mean_score: Double?
        }
        var results: [Result]
    }

    static func expected(_ file: String) throws -> [String] {
        let all = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: fixtures.appendingPathComponent("expected.json")))
        return all.results.filter { $0.file == file }.map {
            "\($0.year) \($0.kind) \($0.grade) \(Procedure.normalise($0.subject)) \($0.school_code) \($0.participants)/\($0.fails)/\($0.marks3 ?? -1)/\($0.marks4 ?? -1)/\($0.marks5 ?? -1)"
        }.sorted()
    }

    static func stored(_ app: Application, year: Int, kind: AssessmentKind, grades: Set<Int>) async throws -> [String] {
        try await ResultRecord.query(on: app.db).filter(\.$year == year).filter(\.$kind == kind).all().filter { grades.contains($0.grade) }.map {
            "\($0.year) \($0.kind.rawValue) \($0.grade) \($0.subject) \($0.schoolCode) \($0.participants)/\($0.fails)/\($0.marks3 ?? -1)/\($0.marks4 ?? -1)/\($0.marks5 ?? -1)"
        }.sorted()
    }

    /// The district, its registry from the workbook with a title row, and its admin.
    static func district(_ app: Application) async throws -> String {
        _ = try await Launcher.setup(app, region: "Тестовая область", municipality: "Заречный район")
        let report = try await Launcher.importFile(app, kind: "schools", path: path("schools-registry.xlsx"), municipalityName: "Заречный район")
        _ = try await Launcher.addUser(app, login: "zadmin", fullName: "Админ Заречного", role: .admin, schoolCode: nil,
                                       municipalityName: "Заречный район", password: DemoData.password)
        return report
    }

    @Test func theRegistryWithLoginsTypesAndABranchLoadsFromBelowItsTitle() async throws {
        try await withDemoApp(seed: false) { app in
            let report = try await Self.district(app)
            #expect(report.contains("Строка 1 над заголовком: «Реестр общеобразовательных организаций» — не загружается."), "\(report)")
            #expect(report.contains("F. «Логин ОО» → Логин ОО"), "\(report)")
            let schools = try await School.query(on: app.db).sort(\.$code).all()
            #expect(schools.map(\.code) == ["S000001", "S000002", "S000003", "S000004", "S000005", "S000006"])
            #expect(schools.map { $0.type ?? "" } == ["СОШ", "лицей", "гимназия", "ООШ", "школа-интернат", "филиал"])
            #expect(schools.map { $0.login ?? "" } == (1...6).map { "sch38010\($0)" })
            #expect(schools[0].okpo == "12345678" && schools[0].inn == "3801000001" && schools[2].okpo == nil)
            #expect(schools[5].parentCode == "S000001")
            #expect(schools[2].distanceKm == 54.5)
        }
    }

    @Test func aWindows1251PercentExportWithLoginsLoadsThroughTheCommandLineWithTheYearAndProcedureGiven() async throws {
        try await withDemoApp(seed: false) { app in
            _ = try await Self.district(app)
            let options = FileOptions(wholeFile: ["year": "2022", "kind": "ВПР", "grade": "5", "subject": "Математика"])
            let report = try await Launcher.importFile(app, kind: "results", path: Self.path("vpr-5-math-percent-cp1251.csv"), options: options,
                                                       municipalityName: "Заречный район")
            #expect(report.contains("Строки 1–3 над заголовком"), "\(report)")
            #expect(report.contains("B. «Наименование ОО» — не загружается"), "\(report)")
            #expect(report.contains("A. «Логин ОО» → Логин ОО"), "\(report)")
            #expect(report.contains("«Год» для всего файла: 2022"), "\(report)")
            #expect(report.contains("округлено до целого"), "\(report)")
            #expect(try await Self.stored(app, year: 2022, kind: .vpr, grades: [5]) == Self.expected("vpr-5-math-percent-cp1251.csv"))
            // Without the year and procedure the same file is refused, naming what is missing, and nothing changes.
            await #expect(throws: Launcher.CommandError.self) {
                _ = try await Launcher.importFile(app, kind: "results", path: Self.path("vpr-5-math-percent-cp1251.csv"), municipalityName: "Заречный район")
            }
        }
    }

    @Test func aTwoRowHeaderWrittenByLibreOfficeLoadsThroughTheWebWithItsColumnsShownFirst() async throws {
        try await withDemoApp(seed: false) { app in
            _ = try await Self.district(app)
            var web = WebClient(app)
            try await web.login("zadmin")
            _ = try await web.get("/imports")
            let preview = try await web.postMultipart("/imports", form: [("kind", "results")],
                                                      file: ("file", "oko-two-row-header.xlsx", try Self.bytes("oko-two-row-header.xlsx")))
            #expect(preview.status == .ok, "\(preview.body.prefix(3000))")
            #expect(preview.body.contains("Столбцы файла"))
            #expect(preview.body.contains("<li><code>G</code>. «<code>Распределение отметок, % / 2</code>» → % „2“</li>"))
            #expect(preview.body.contains("Строки 1–2 над заголовком"))
            #expect(preview.body.contains("Добавится: 18"))
            let confirm = try #require(WebClient.firstMatch(in: preview.body, #"action="(/imports/[^"]+/confirm)""#))
            let done = try await web.post(confirm, form: [])
            #expect(done.status == .seeOther)
            #expect(try await Self.stored(app, year: 2022, kind: .vpr, grades: [4, 6]) == Self.expected("oko-two-row-header.xlsx"))
        }
    }

    @Test func aPrefixedWorkbookWithDigitGroupsAndFormulasLoadsThroughTheAPI() async throws {
        try await withDemoApp(seed: false) { app in
            _ = try await Self.district(app)
            let token = try await Fixtures.apiToken(for: "zadmin", app)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token)
            headers.contentType = .init(type: "application", subType: "octet-stream")
            let r = try await app.testing().sendRequest(.POST, "/api/v1/imports/results?fileName=results-prefixed.xlsx", headers: headers,
                                                        body: ByteBuffer(bytes: try Self.bytes("results-prefixed.xlsx")))
            #expect(r.status == .ok, "\(r.body.string)")
            let answer = try JSONSerialization.jsonObject(with: Data(r.body.readableBytesView)) as? [String: Any]
            let columns = answer?["columns"] as? [[String: Any]] ?? []
            #expect(columns.count == 11 && columns.allSatisfy { $0["loaded"] as? Bool == true })
            #expect(try await Self.stored(app, year: 2022, kind: .oge, grades: [9]) == Self.expected("results-prefixed.xlsx"))
        }
    }

    @Test func theTeachersSheetIsFoundAfterAnInstructionSheetWithDateCellsAndTextDates() async throws {
        try await withDemoApp(seed: false) { app in
            _ = try await Self.district(app)
            let report = try await Launcher.importFile(app, kind: "teachers", path: Self.path("teachers-two-sheets.xlsx"), municipalityName: "Заречный район")
            #expect(report.contains("Читается лист «Педагоги»"), "\(report)")
            let teachers = try await TeacherRecord.query(on: app.db).sort(\.$teacherCode).all()
            #expect(teachers.count == 6)
            let ivanova = try #require(teachers.first { $0.teacherCode == "000117" })
            #expect(ivanova.employedFrom == "2008-08-25" && ivanova.qualification == "высшая")
            #expect(teachers.filter(\.pedagogical).count == 5)
            #expect(teachers.compactMap(\.employedTo) == ["2022-06-30"])
        }
    }

    @Test func russianContextHeadersLoadEveryShareAndTheNoteColumnIsNamedAsNotLoaded() async throws {
        try await withDemoApp(seed: false) { app in
            _ = try await Self.district(app)
            let report = try await Launcher.importFile(app, kind: "context", path: Self.path("context-russian-headers.csv"), municipalityName: "Заречный район")
            #expect(report.contains("I. «Примечание» — не загружается"), "\(report)")
            #expect(report.contains("D. «Доля малоимущих семей» → Доля малоимущих семей"), "\(report)")
            let rows = try await SocialContextRecord.query(on: app.db).all()
            #expect(rows.count == 6)
            #expect(rows.allSatisfy { $0.lowIncomeShare != nil && $0.incompleteFamilyShare != nil && $0.noHigherEducationShare != nil
                && $0.nonNativeShare != nil && $0.preventiveRegisterShare != nil })
            #expect(rows.contains { abs(($0.lowIncomeShare ?? 0) - 0.315) < 1e-9 })
        }
    }
}
