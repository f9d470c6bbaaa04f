import Fluent
import Foundation
import NIOCore
@testable import OporaApp
import OporaDomain
import Testing
import Vapor
import VaporTesting
import ZIPFoundation

/// A municipality Opora has never seen, in the canonical formats, with categories computed by hand.
enum UnseenMunicipality {
    static let schools = """
    code,name,short_name,settlement,type,distance_km
    s1,МОУ Первая СОШ,Первая,Город,СОШ,10
    s2,МОУ Вторая СОШ,Вторая,Дальнее,СОШ,80
    s3,МОУ Третья СОШ,Третья,Город,СОШ,5
    s4,МОУ Четвёртая ООШ,Четвёртая,Заречье,ООШ,60
    """

    // S1: two low procedures in 2020 and 2021 → НРО. S2: low both years, 4 criteria → НРО и НСУ.
    // S3: nothing. S4: 3 criteria (0,30 and 0,35 exactly at the thresholds, 60 km) and composite > 0 → резильентная.
    static let results = """
    year;kind;grade;subject;school_code;participants;fails
    2020;vpr;5;математика;s1;20;8
    2020;vpr;5;математика;s2;10;4
    2020;vpr;5;математика;s3;30;3
    2020;vpr;5;математика;s4;10;1
    2020;ВПР;5;русский язык;s1;20;7
    2020;ВПР;5;русский язык;s2;10;3
    2020;ВПР;5;русский язык;s3;30;3
    2020;ВПР;5;русский язык;s4;10;2
    2020;ОГЭ;9;математика;s1;15;2
    2020;ОГЭ;9;математика;s2;4;3
    2020;ОГЭ;9;математика;s3;25;1
    2020;ОГЭ;9;математика;s4;8;1
    2021;vpr;5;математика;s1;20;8
    2021;vpr;5;математика;s2;10;4
    2021;vpr;5;математика;s3;30;3
    2021;vpr;5;математика;s4;10;1
    2021;vpr;5;русский язык;s1;20;6
    2021;vpr;5;русский язык;s2;10;3
    2021;vpr;5;русский язык;s3;30;3
    2021;vpr;5;русский язык;s4;10;2
    2021;oge;9;математика;s1;15;2
    2021;oge;9;математика;s2;6;2
    2021;oge;9;математика;s3;25;1
    2021;oge;9;математика;s4;8;1
    """

    static let context = [
        ["year", "school_code", "students", "low_income_share", "incomplete_family_share", "no_higher_education_share", "non_native_share", "preventive_register_share"],
        ["2021", "s2", "120", "0.5", "0.4", "0.8", "", ""],
        ["2021", "s4", "90", "0.3", "0.35", "", "0.1", ""],
    ]

    /// S4's composite in 2021, by hand. Pooled references: ВПР-5 математика 1 − 16/70 = 0,771429;
    /// ВПР-5 русский 1 − 14/70 = 0,8; ОГЭ-9 математика 1 − 6/54 = 0,888889 (S2's 2020 row of 4 is too small, 2021's 6 counts).
    /// Rows: (10·0,9 + 10·0,771429)/20 − 0,771429 = 0,064286; (10·0,8 + 10·0,8)/20 − 0,8 = 0;
    /// (8·0,875 + 10·0,888889)/18 − 0,888889 = −0,006173. Composite = (10·0,064286 + 0 + 8·(−0,006173))/28 = 0,021196.
    static let s4Composite = 0.021196

    /// Creates the municipality with an admin, imports the three files and returns the admin's API token.
    static func load(_ app: Application) async throws -> (municipality: UUID, token: String) {
        let region = Region(name: "Тестовая область")
        try await region.create(on: app.db)
        let m = Municipality(regionID: region.id!, name: "Новый район", isDemo: false)
        try await m.create(on: app.db)
        let admin = User(login: "novadmin", passwordHash: try app.password.hash("secret-pass"), fullName: "Админ Нового района",
                         role: .admin, regionID: nil, municipalityID: m.id!, schoolID: nil)
        try await admin.create(on: app.db)
        let user = try CurrentUser(admin)
        // The schools in UTF-8 CSV, the results in Windows-1251 with semicolons, the context in XLSX.
        for (kind, name, bytes) in [(ImportKind.schools, "schools.csv", Array(schools.utf8)),
                                    (.results, "results.csv", cp1251(results)),
                                    (.context, "context.xlsx", try xlsx(context))] {
            let result = try await ImportService.run(kind: kind, fileName: name, bytes: bytes, municipalityID: m.id!, user: user,
                                                     write: true, today: app.opora.today(), on: app.db)
            if case .failure(let problems) = result { Issue.record("\(name): \(problems.problems.map(\.russian))") }
        }
        let token = APITokenHash.newToken()
        try await APIToken(userID: admin.id!, name: "t", tokenHash: APITokenHash.of(token)).create(on: app.db)
        return (m.id!, token)
    }

    static func cp1251(_ s: String) -> [UInt8] {
        s.unicodeScalars.map { u -> UInt8 in
            switch u.value {
            case 0x0410...0x044F: return UInt8(u.value - 0x0410 + 0xC0)
            case 0x0401: return 0xA8
            case 0x0451: return 0xB8
            default: return UInt8(u.value)
            }
        }
    }

    /// A minimal workbook with inline strings, as spreadsheet programs write it.
    static func xlsx(_ rows: [[String]]) throws -> [UInt8] { try xlsx(sheetXML: sheetXML(rows)) }

    static func xlsx(sheetXML: String) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), provider: { pos, size in
                data.subdata(in: Int(pos)..<Int(pos) + size)
            })
        }
        try add("[Content_Types].xml", """
        <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
        """)
        try add("xl/workbook.xml", """
        <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets></workbook>
        """)
        try add("xl/_rels/workbook.xml.rels", """
        <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
        """)
        try add("xl/worksheets/sheet1.xml", sheetXML)
        return Array(archive.data!)
    }

    static func sheetXML(_ rows: [[String]]) -> String {
        var sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        for (i, row) in rows.enumerated() {
            sheet += "<row r=\"\(i + 1)\">"
            for (j, cell) in row.enumerated() where !cell.isEmpty {
                let ref = String(UnicodeScalar(65 + j)!) + String(i + 1)
                if Double(cell) != nil { sheet += "<c r=\"\(ref)\"><v>\(cell)</v></c>" }
                else { sheet += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(cell)</t></is></c>" }
            }
            sheet += "</row>"
        }
        return sheet + "</sheetData></worksheet>"
    }
}

@Suite struct MonitoringTests {
    struct Report: Decodable {
        struct Item: Decodable { var code: String; var category: String; var composite: Double?; var explanation: [String] }
        var year: Int
        var methodologyVersion: Int
        var schools: [Item]
    }

    @Test func anUnseenMunicipalityGetsTheCategoriesComputedByHand() async throws {
        try await withDemoApp(seed: false) { app in
            // setup
            let (_, token) = try await UnseenMunicipality.load(app)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: token)
            // act
            let r = try await app.testing().sendRequest(.GET, "/api/v1/identification?year=2021", headers: headers)
            // check
            #expect(r.status == .ok)
            let report = try JSONDecoder().decode(Report.self, from: Data(r.body.readableBytesView))
            let categories = Dictionary(uniqueKeysWithValues: report.schools.map { ($0.code, $0.category) })
            #expect(categories == ["s1": "lowResults", "s2": "lowResultsAndAdverse", "s3": "none", "s4": "resilient"])
            let s4 = try #require(report.schools.first { $0.code == "s4" })
            #expect(abs((s4.composite ?? 0) - UnseenMunicipality.s4Composite) < 0.00001)
            #expect(report.methodologyVersion == 1)
            // the CLI gives the same
            let csv = try await Launcher.identify(app, year: 2021, format: .csv, municipalityName: "Новый район")
            #expect(csv.contains("s2,МОУ Вторая СОШ,lowResultsAndAdverse,true,true"))
            #expect(csv.contains("s4,МОУ Четвёртая ООШ,resilient,false,true"))
            // 2020 has no social context: S2 is НРО only
            let r2020 = try await app.testing().sendRequest(.GET, "/api/v1/identification?year=2020", headers: headers)
            let report2020 = try JSONDecoder().decode(Report.self, from: Data(r2020.body.readableBytesView))
            #expect(report2020.schools.map(\.category) == ["insufficientData", "insufficientData", "insufficientData", "insufficientData"])
        }
    }

    @Test func theDemoSchoolsTheSeedNamesAreLowIn2019And2020() async throws {
        try await withDemoApp { app in
            let municipality = try await Municipality.query(on: app.db).first()!
            for year in [2019, 2020] {
                let report = try await IdentificationReport.make(municipalityID: municipality.id!, year: year, masked: false,
                                                                 cache: app.monitoringCache, on: app.db)
                let low = Set(report.schools.filter { $0.lowResults }.map(\.code))
                #expect(low == ["bal-03", "bal-04", "bal-05", "bal-06"], "\(year): \(low)")
                // The command line loads only the years the rules read, and answers the same.
                let oneShot = try await IdentificationReport.oneShot(municipalityID: municipality.id!, year: year, explained: true, on: [app.db])
                let encoder = JSONEncoder()
                encoder.outputFormatting = .sortedKeys
                #expect(try encoder.encode(oneShot) == encoder.encode(report), "\(year)")
            }
        }
    }

    @Test func aFileWithOneBadRowAmongAThousandImportsNothingAndNamesTheRow() async throws {
        try await withDemoApp { app in
            // setup: 1000 good rows and one with more fails than participants on line 502
            let municipality = try await Municipality.query(on: app.db).first()!
            var lines = ["year,kind,grade,subject,school_code,participants,fails"]
            for i in 0..<1001 {
                lines.append(i == 500 ? "2016,vpr,4,предмет \(i),bal-01,20,25" : "2016,vpr,4,предмет \(i),bal-01,20,3")
            }
            let before = try await ResultRecord.query(on: app.db).count()
            // act
            let result = try await ImportService.run(kind: .results, fileName: "big.csv", bytes: Array(lines.joined(separator: "\n").utf8),
                                                     municipalityID: municipality.id!, user: nil, write: true, today: app.opora.today(), on: app.db)
            // check
            guard case .failure(let problems) = result else { Issue.record("imported"); return }
            #expect(problems.problems.count == 1)
            #expect(problems.problems[0].line == 502)
            #expect(problems.problems[0].column == "fails")
            #expect(try await ResultRecord.query(on: app.db).count() == before)
            #expect(try await ImportRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func importingTheSameFileTwiceChangesNothingAndANewerFileReplaces() async throws {
        try await withDemoApp(seed: false) { app in
            let (municipalityID, _) = try await UnseenMunicipality.load(app)
            let count = try await ResultRecord.query(on: app.db).count()
            let again = try await ImportService.run(kind: .results, fileName: "results.csv", bytes: UnseenMunicipality.cp1251(UnseenMunicipality.results),
                                                    municipalityID: municipalityID, user: nil, write: true, today: app.opora.today(), on: app.db)
            let plan = try again.get()
            #expect(plan.changesNothing)
            #expect(plan.unchanged == 24)
            #expect(plan.russianSummary.contains("ничего не изменится"))
            #expect(try await ImportRecord.query(on: app.db).count() == 4)
            let newer = "year,kind,grade,subject,school_code,participants,fails\n2021,vpr,5,математика,s1,21,5\n2022,vpr,5,математика,s1,20,2\n"
            let replaced = try await ImportService.run(kind: .results, fileName: "newer.csv", bytes: Array(newer.utf8),
                                                       municipalityID: municipalityID, user: nil, write: true, today: app.opora.today(), on: app.db).get()
            #expect(replaced.added.count == 1)
            #expect(replaced.replaced.count == 1)
            #expect(replaced.replaced.lines[0].contains("участников 20, «2» 8 → участников 21, «2» 5"))
            #expect(try await ResultRecord.query(on: app.db).count() == count + 1)
            let row = try await ResultRecord.query(on: app.db).filter(\.$schoolCode == "s1").filter(\.$year == 2021).filter(\.$subject == "математика")
                .filter(\.$kind == .vpr).first()!
            #expect(row.participants == 21 && row.fails == 5)
        }
    }

    @Test func webImportShowsWhatChangesThenWritesOnConfirmation() async throws {
        try await withDemoApp { app in
            var client = WebClient(app)
            try await client.login("metodist")
            _ = try await client.get("/imports")
            let csv = "year,kind,grade,subject,school_code,participants,fails\n2016,ВПР,4,математика,bal-01,40,4\n"
            let preview = try await client.postMultipart("/imports", form: [("kind", "results")], file: ("file", "vpr2016.csv", Array(csv.utf8)))
            #expect(preview.status == .ok)
            #expect(preview.body.contains("Добавится: 1"))
            #expect(try await ResultRecord.query(on: app.db).filter(\.$year == 2016).count() == 0)
            let confirm = try #require(WebClient.firstMatch(in: preview.body, #"action="(/imports/[0-9A-F-]+/confirm)""#))
            let done = try await client.post(confirm, form: [])
            #expect(done.status == .seeOther)
            #expect(try await ResultRecord.query(on: app.db).filter(\.$year == 2016).count() == 1)
            let history = try await client.get(done.location!)
            #expect(history.body.contains("vpr2016.csv"))
            // a bad file: every bad row named, nothing written
            let bad = "year,kind,grade,subject,school_code,participants,fails\n2016,ВПР,4,русский язык,bal-99,20,3\n2016,НЕТ,4,русский язык,bal-01,-2,1\n"
            let refused = try await client.postMultipart("/imports", form: [("kind", "results")], file: ("file", "bad.csv", Array(bad.utf8)))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("Ничего не изменено"))
            #expect(refused.body.contains("bal-99"))
            #expect(try await ResultRecord.query(on: app.db).filter(\.$year == 2016).count() == 1)
        }
    }

    @Test func monitoringAndProfilesFollowTheRoles() async throws {
        try await withDemoApp { app in
            let own = try await Fixtures.school("bal-03", app)
            let other = try await Fixtures.school("bal-04", app)
            var school = WebClient(app)
            try await school.login("biritskaya")
            #expect(try await school.get("/monitoring").status == .forbidden)
            let profile = try await school.get("/schools/\(own.id!.uuidString)")
            #expect(profile.status == .ok)
            #expect(profile.body.contains("Категория по годам и почему"))
            #expect(try await school.get("/schools/\(other.id!.uuidString)").status == .forbidden)
            #expect(try await school.postMultipart("/imports", form: [("kind", "results")], file: ("file", "a.csv", Array("x".utf8))).status == .forbidden)
            let token = try await Fixtures.apiToken(for: "biritskaya", app)
            var h = HTTPHeaders()
            h.bearerAuthorization = .init(token: token)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/identification?year=2020", headers: h).status == .forbidden)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/schools/\(other.id!.uuidString)/results", headers: h).status == .forbidden)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/schools/\(own.id!.uuidString)/results", headers: h).status == .ok)
            for login in ["observer", "metodist", "admin"] {
                var c = WebClient(app)
                try await c.login(login)
                let page = try await c.get("/monitoring?year=2020")
                #expect(page.status == .ok, "\(login)")
                #expect(page.body.contains("<svg"))
                #expect(page.body.contains("Методика: версия 1"))
            }
        }
    }

    @Test func theContextFormKeepsWhatWasTypedAndSavesWithAnAuditRecord() async throws {
        try await withDemoApp { app in
            let own = try await Fixtures.school("bal-03", app)
            var client = WebClient(app)
            try await client.login("biritskaya")
            _ = try await client.get("/schools/\(own.id!.uuidString)")
            let bad = try await client.post("/schools/\(own.id!.uuidString)/context", form: [("year", "2022"), ("low_income_share", "1,5"), ("students", "140")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("должна быть от 0 до 1"))
            #expect(bad.body.contains("value=\"1,5\""))
            #expect(bad.body.contains("value=\"140\""))
            let ok = try await client.post("/schools/\(own.id!.uuidString)/context", form: [("year", "2022"), ("low_income_share", "31%"), ("students", "140")])
            #expect(ok.status == .seeOther)
            let saved = try await SocialContextRecord.query(on: app.db).filter(\.$school.$id == own.id!).filter(\.$year == 2022).first()
            #expect(saved?.lowIncomeShare == 0.31)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "form.context").count() == 1)
            let other = try await Fixtures.school("bal-04", app)
            #expect(try await client.post("/schools/\(other.id!.uuidString)/context", form: [("year", "2022")]).status == .forbidden)
        }
    }

    @Test func onlyAdminMakesANewMethodologyVersion() async throws {
        try await withDemoApp { app in
            var methodist = WebClient(app)
            try await methodist.login("metodist")
            #expect(try await methodist.get("/methodology").status == .ok)
            #expect(try await methodist.post("/methodology", form: [("failThreshold", "0,25")]).status == .forbidden)
            var admin = WebClient(app)
            try await admin.login("admin")
            let page = try await admin.get("/methodology")
            var form = Methodology.formValues(.defaults).map { ($0.key, $0.value) }
            form.removeAll { $0.0 == "failThreshold" }
            let refused = try await admin.post("/methodology", form: form + [("failThreshold", "1,5"), ("comment", "проба")])
            #expect(refused.status == .unprocessableEntity)
            #expect(page.status == .ok)
            let saved = try await admin.post("/methodology", form: form + [("failThreshold", "0,25"), ("comment", "Решение совета от 01.09.2021")])
            #expect(saved.status == .seeOther)
            let municipality = try await Municipality.query(on: app.db).first()!
            let current = try await Methodology.current(municipalityID: municipality.id!, on: app.db)
            #expect(current.number == 2)
            #expect(current.parameters.failThreshold == 0.25)
            let monitoring = try await admin.get("/monitoring")
            #expect(monitoring.body.contains("Методика: версия 2"))
        }
    }
}
