import Fluent
import Foundation
import NIOCore
@testable import OporaApp
import OporaDomain
import Testing
import Vapor
import VaporTesting

/// A second municipality of the demo's region, with schools, two years of results and an active programme.
enum RegionFixture {
    static let name = "Соседний район (тест)"

    /// Three schools; «Соседняя ООШ» fails 40–50 % in every procedure of both years, the others 5–10 %.
    static func neighbour(_ app: Application) async throws -> Municipality {
        let demo = try #require(try await Municipality.query(on: app.db).filter(\.$isDemo == true).first())
        let m = Municipality(regionID: demo.$region.id, name: name, isDemo: false)
        try await m.create(on: app.db)
        let schools = [("sos-01", "Соседняя СОШ № 1"), ("sos-02", "Соседняя СОШ № 2"), ("sos-03", "Соседняя ООШ")]
        for (code, title) in schools {
            try await School(municipalityID: m.id!, code: code, name: "МБОУ \(title)", shortName: title, settlement: nil, type: "СОШ",
                             distanceKm: nil, isDemo: false).create(on: app.db)
        }
        let years = try await app.monitoringCache.data(municipalityID: demo.id!, on: app.db).years.suffix(2)
        var csv = "year,kind,grade,subject,school_code,participants,fails\n"
        for y in years {
            for (grade, subject) in [(4, "Математика"), (5, "Русский язык"), (6, "Математика")] {
                csv += "\(y),vpr,\(grade),\(subject),sos-01,20,1\n\(y),vpr,\(grade),\(subject),sos-02,20,2\n\(y),vpr,\(grade),\(subject),sos-03,10,\(grade == 4 ? 5 : 4)\n"
            }
        }
        let loaded = try await ImportService.run(kind: .results, fileName: "results.csv", bytes: Array(csv.utf8), municipalityID: m.id!, user: nil,
                                                 write: true, today: testToday, on: app.db)
        if case .failure(let p) = loaded { Issue.record("fixture results refused: \(p)") }
        let template = try ProgrammeTemplate.balagansky().adapted(to: name, years: (years.last! - 1)...(years.last! + 1))
        try await ProgrammeInstaller.install(template, municipalityID: m.id!, status: .active, on: app.db)
        return m
    }
}

@Suite struct RegionTests {
    @Test func aRegionalUserSeesTheMunicipalitiesSideBySideAndOpensEachForReading() async throws {
        try await withDemoApp { app in
            let neighbour = try await RegionFixture.neighbour(app)
            var region = WebClient(app)
            try await region.login("region")
            let start = try await region.get("/")
            #expect(start.status == .seeOther && start.headers.first(name: .location) == "/region")
            let overview = try await region.get("/region")
            #expect(overview.status == .ok)
            #expect(overview.body.contains("Муниципалитеты: Иркутская область"))
            #expect(overview.body.contains("Балаганский район (демо)") && overview.body.contains(RegionFixture.name))
            // The neighbour: 3 schools, none taking part yet; «Соседняя ООШ» is НРО (both years low), the others are not.
            let row = try #require(WebClient.firstMatch(in: overview.body, "(<th scope=\"row\">Соседний район \\(тест\\)</th>.*?)</tr>"))
            #expect(row.contains(">3 (0)<"), "\(row)")
            #expect(WebClient.firstMatch(in: row, #"<td class="num"[^>]*>(1)</td><td class="num"[^>]*>0</td>"#) != nil, "НРО 1, НСУ 0: \(row)")
            #expect(overview.body.contains("Администратор региона"))

            // A change in a municipality shows at once: the kept row is computed again when its stamp changes.
            let done = { (body: String) in WebClient.firstMatch(in: body, "Балаганский район \\(демо\\)</th><td[^>]*><span[^>]*>[^<]*</span></td><td class=\"num\"[^>]*>(\\d+) из") }
            let before = try #require(done(overview.body))
            let open = try #require(try await Measure.query(on: app.db).filter(\.$school.$id == nil).filter(\.$status != .done).first())
            var h = HTTPHeaders()
            h.bearerAuthorization = .init(token: try await Fixtures.apiToken(for: "admin", app))
            h.contentType = .json
            let patched = try await app.testing().sendRequest(.PATCH, "/api/v1/measures/\(open.id!.uuidString)", headers: h,
                                                              body: ByteBuffer(string: #"{"status":"done","completedOn":"2021-02-20","completedBy":"Иванова А. П.","evidenceLink":"https://school.example/report"}"#))
            #expect(patched.status == .ok, "\(patched.body.string)")
            #expect(try await done(region.get("/region").body) == String(Int(before)! + 1))

            // Opened: its programme and its monitoring, read-only; then the demo again.
            #expect(try await region.post("/region/municipalities/\(neighbour.id!.uuidString)/open", form: []).status == .seeOther)
            let home = try await region.get("/")
            #expect(home.status == .ok && home.body.contains("страницы муниципалитета «\(RegionFixture.name)» — только чтение"))
            let monitoring = try await region.get("/monitoring")
            #expect(monitoring.body.contains("Соседняя ООШ") && !monitoring.body.contains("Биритская"))
            let schools = try await region.get("/schools")
            #expect(schools.body.contains("Соседняя ООШ") && !schools.body.contains("Биритская") && schools.body.contains(">НРО<"))
            let measure = try #require(try await Measure.query(on: app.db).filter(\.$programme.$id == Programmes.latest(of: neighbour.id!, on: app.db)!.id!).first())
            let page = try await region.get("/measures/\(measure.id!.uuidString)")
            #expect(page.status == .ok && !page.body.contains("<form method=\"post\" action=\"/measures/"))
            let demo = try #require(try await Municipality.query(on: app.db).filter(\.$isDemo == true).first())
            _ = try await region.post("/region/municipalities/\(demo.id!.uuidString)/open", form: [])
            #expect(try await region.get("/monitoring").body.contains("Биритская"))
            // A municipality of no region of the user's is not opened.
            #expect(try await region.post("/region/municipalities/\(UUID().uuidString)/open", form: []).status == .notFound)
        }
    }

    @Test func nothingOfAMunicipalityIsWrittenByARegionalUser() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            let school = try await Fixtures.school("bal-03", app)
            let measure = try await Fixtures.schoolMeasure("bal-03", app)
            var region = WebClient(app)
            try await region.login("region")
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: try await Fixtures.apiToken(for: "region", app))
            headers.contentType = .json
            let before = try await AuditEntry.query(on: app.db).count()
            // The changes marked for regional users are the region's own, checked in the tests below.
            let own = Set(app.routes.all.filter(\.allowsRegionalUsers).map { "/" + $0.path.map(\.description).joined(separator: "/") })
            // Besides: the own profile, and the region administrator's users (the region's own).
            #expect(own.count == 11 && own.allSatisfy { $0.hasPrefix("/region/") || $0.hasPrefix("/admin/tokens") || $0.hasPrefix("/admin/users")
                || $0.hasPrefix("/account/") || $0.hasSuffix("/choose") }, "\(own)")
            var tried = 0
            for r in RouteSecurityTests.routes(app, { $0 == "schoolID" ? school.id!.uuidString : $0 == "measureID" ? measure.id!.uuidString : $0 == "kind" ? "teachers" : $0 == "form" ? "plan" : UUID().uuidString })
            where r.method != .GET && !["/logout", "/login"].contains(r.path)
                && !app.routes.all.contains(where: { $0.allowsRegionalUsers && $0.method == r.method && $0.path.count == r.path.split(separator: "/").count
                    && zip($0.path, r.path.split(separator: "/")).allSatisfy { c, p in if case .parameter = c { return true }; return c.description == p } }) {
                tried += 1
                let status: HTTPStatus
                if r.path.hasPrefix("/api/") {
                    status = try await app.testing().sendRequest(r.method, r.path, headers: headers, body: ByteBuffer(string: "{}")).status
                } else {
                    status = try await region.post(r.path, form: [("year", "2021"), ("name", "x"), ("status", "done")]).status
                }
                #expect(status == .forbidden, "\(r.method) \(r.path) → \(status.code)")
            }
            #expect(tried > 60)
            #expect(try await AuditEntry.query(on: app.db).count() == before)
        }
    }

    @Test func aMunicipalUserReadsNeitherTheOtherMunicipalityNorTheRegion() async throws {
        try await withDemoApp { app in
            let neighbour = try await RegionFixture.neighbour(app)
            let theirs = try #require(try await School.query(on: app.db).filter(\.$code == "sos-03").first())
            var admin = WebClient(app)
            try await admin.login("admin")
            #expect(try await admin.get("/schools/\(theirs.id!.uuidString)").status == .notFound)
            #expect(try await admin.get("/region").status == .forbidden)
            #expect(try await admin.get("/region/monitoring").status == .forbidden)
            #expect(try await admin.post("/region/municipalities/\(neighbour.id!.uuidString)/open", form: []).status == .forbidden)
            #expect(!(try await admin.get("/monitoring")).body.contains("Соседняя"))
            // The region's user reads that school.
            var region = WebClient(app)
            try await region.login("region")
            // The region's user reads that school, in its own municipality's frame (it is opened by the visit).
            let page = try await region.get("/schools/\(theirs.id!.uuidString)")
            #expect(page.status == .ok && page.body.contains("страницы муниципалитета «\(RegionFixture.name)» — только чтение"))
            #expect(try await region.get("/monitoring").body.contains("Соседняя ООШ"))
        }
    }

    @Test func theRegionAdministratorAddsAMunicipalityAndRegionalUsers() async throws {
        try await withDemoApp { app in
            var region = WebClient(app)
            try await region.login("region")
            _ = try await region.get("/region")
            let added = try await region.post("/region/municipalities", form: [("name", "  Усть-Удинский   район "), ("adminLogin", "ud-admin"), ("adminFullName", "Администратор района")])
            #expect(added.status == .ok && added.body.contains("Пользователь ud-admin добавлен"))
            let password = try #require(WebClient.firstMatch(in: added.body, "<code class=\"token\">([a-z0-9]{16})</code>"))
            let m = try #require(try await Municipality.query(on: app.db).filter(\.$name == "Усть-Удинский район").first())
            #expect(try await Fixtures.user("ud-admin", app).$municipality.id == m.id)
            var theirAdmin = WebClient(app)
            #expect(try await theirAdmin.login("ud-admin", password: password).status == .seeOther)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "municipality.create").count() == 1)
            // It has no programme yet: opened, it shows its monitoring, not a 404 of a home page without a programme.
            let opened = try await region.post("/region/municipalities/\(m.id!.uuidString)/open", form: [])
            #expect(opened.status == .seeOther && opened.headers.first(name: .location) == "/monitoring")
            #expect(try await region.get("/monitoring").status == .ok)
            _ = try await region.get("/region")

            // The same name again (any case) and a taken login: refused, what was typed kept, nothing added.
            let again = try await region.post("/region/municipalities", form: [("name", "усть-удинский район"), ("adminLogin", "admin"), ("adminFullName", "Х")])
            #expect(again.status == .unprocessableEntity)
            #expect(again.body.contains("Муниципалитет «усть-удинский район» в регионе уже есть") && again.body.contains("Логин «admin» уже занят"))
            #expect(again.body.contains("value=\"усть-удинский район\""))
            #expect(try await Municipality.query(on: app.db).count() == 2)

            let user = try await region.post("/region/users", form: [("login", "minobr"), ("fullName", "Наблюдатель министерства"), ("role", "observer")])
            #expect(user.status == .ok && user.body.contains("minobr"))
            let observer = try await Fixtures.user("minobr", app)
            #expect(observer.$region.id != nil && observer.$municipality.id == nil && observer.role == .observer)
            #expect(try await region.post("/region/users", form: [("login", "x1"), ("fullName", "X"), ("role", "school")]).status == .unprocessableEntity)

            // API tokens: the region's admin issues them to the region's users, not to a municipality's.
            let tokens = try await region.get("/admin/tokens")
            #expect(tokens.status == .ok && tokens.body.contains("(minobr) — Наблюдатель региона") && !tokens.body.contains("(metodist)"))
            let municipal = try await Fixtures.user("metodist", app)
            #expect(try await region.post("/admin/tokens", form: [("name", "x"), ("userID", municipal.id!.uuidString)]).status == .unprocessableEntity)
            let issued = try await region.post("/admin/tokens", form: [("name", "Дашборд министерства"), ("userID", observer.id!.uuidString)])
            #expect(issued.status == .ok && issued.body.contains("Токен создан"))

            // A regional observer and a municipal admin add nothing.
            let observerPassword = try #require(WebClient.firstMatch(in: user.body, "<code class=\"token\">([a-z0-9]{16})</code>"))
            var minobr = WebClient(app)
            // The password given by the region's administrator is one-time: replaced at the first sign-in.
            #expect(try await minobr.login("minobr", password: observerPassword).location == "/account")
            #expect(try await minobr.get("/region").location == "/account")
            _ = try await minobr.get("/account")
            #expect(try await minobr.post("/account/password", form: [("current", observerPassword), ("password", "министерство-2025"),
                                                                      ("repeat", "министерство-2025")]).location == "/")
            #expect(try await minobr.get("/region").status == .ok)
            #expect(try await minobr.post("/region/municipalities", form: [("name", "Ещё один"), ("adminLogin", "e1"), ("adminFullName", "Е")]).status == .forbidden)
            var admin = WebClient(app)
            try await admin.login("admin")
            _ = try await admin.get("/")
            #expect(try await admin.post("/region/users", form: [("login", "x2"), ("fullName", "X"), ("role", "admin")]).status == .forbidden)
            #expect(try await Municipality.query(on: app.db).count() == 2)
        }
    }

    @Test func theRegionsSchoolsAndReportListEveryMunicipality() async throws {
        try await withDemoApp { app in
            let neighbour = try await RegionFixture.neighbour(app)
            var region = WebClient(app)
            try await region.login("region")
            let all = try await region.get("/region/monitoring")
            #expect(all.status == .ok && all.body.contains("Соседняя ООШ") && all.body.contains("Биритская СОШ"))
            let theirs = try await region.get("/region/monitoring?municipality=\(neighbour.id!.uuidString)&category=lowResults")
            #expect(theirs.body.contains("Школы 1–1 из 1") && theirs.body.contains("Соседняя ООШ") && !theirs.body.contains(">Биритская СОШ<"))
            #expect(theirs.body.contains("Цветом выделены школы муниципалитета «\(RegionFixture.name)»"))
            #expect(try await region.get("/region/monitoring?municipality=нет").status == .unprocessableEntity)

            let report = try await region.get("/region/report")
            #expect(report.status == .ok && report.body.contains("Соседняя ООШ") && report.body.contains(RegionFixture.name))
            let xlsx = try await region.get("/region/report.xlsx")
            #expect(xlsx.status == .ok && xlsx.headers.first(name: .contentDisposition)?.contains(".xlsx") == true)
            guard ReportTests.canOpenWorkbooks else { return }
            let model = try await RegionReportView.Model.fetch(for: try CurrentUser(try await Fixtures.user("region", app)), year: nil, today: testToday,
                                                               cache: app.monitoringCache, kept: RegionOverview.Kept(), on: app.db)
            let municipalities = try ReportTests.csvLines(of: try model.workbook(), sheet: 1)
            // header, the demo, the neighbour: 3 schools, none taking part; categories: 1 НРО, 2 none
            #expect(municipalities.count == 3, "\(municipalities)")
            let row = try #require(municipalities.first { $0.hasPrefix("\(RegionFixture.name),") })
            #expect(row.hasSuffix(",3,0,\(model.overview.year!),0,1,0,0,2,0"), "\(row)")
            let schools = try ReportTests.csvLines(of: try model.workbook(), sheet: 3)
            #expect(schools.contains { $0.hasPrefix("\(RegionFixture.name),sos-03,Соседняя ООШ,НРО,") }, "\(schools)")
        }
    }

    func countsPeople(_ v: [String: Any]) -> Bool { [2, 3].contains(v["number"] as? Int ?? 0) }

    @Test func theRegionalAPIAnswersRegionalUsersOnly() async throws {
        try await withDemoApp { app in
            let neighbour = try await RegionFixture.neighbour(app)
            func get(_ path: String, _ login: String) async throws -> (HTTPStatus, [String: Any]) {
                var h = HTTPHeaders()
                h.bearerAuthorization = .init(token: try await Fixtures.apiToken(for: login, app))
                let r = try await app.testing().sendRequest(.GET, path, headers: h)
                return (r.status, (try? JSONSerialization.jsonObject(with: Data(r.body.readableBytesView)) as? [String: Any]) ?? [:])
            }
            let (status, overview) = try await get("/api/v1/region/municipalities", "region")
            #expect(status == .ok)
            let rows = try #require(overview["municipalities"] as? [[String: Any]])
            #expect(rows.map { $0["name"] as? String } == ["Балаганский район", RegionFixture.name])
            let theirs = try #require(rows.last)
            #expect(theirs["schools"] as? Int == 3 && theirs["lowResults"] as? Int == 1 && theirs["adverseConditions"] as? Int == 0)
            #expect((theirs["programme"] as? [String: Any])?["participating"] as? Int == 0)

            let (_, schools) = try await get("/api/v1/region/identification?municipality=\(neighbour.id!.uuidString)&category=lowResults", "region")
            #expect(schools["total"] as? Int == 1)
            #expect(((schools["schools"] as? [[String: Any]])?.first)?["code"] as? String == "sos-03")
            #expect(try await get("/api/v1/region/identification?municipality=\(UUID().uuidString)", "region").0 == .notFound)
            #expect(try await get("/api/v1/region/identification?category=nope", "region").0 == .unprocessableEntity)

            // Indicators: every year of each active programme, with numerator, denominator and target.
            let (_, indicators) = try await get("/api/v1/region/indicators", "region")
            let byMunicipality = try #require(indicators["municipalities"] as? [[String: Any]])
            #expect(byMunicipality.count == 2)
            let values = try #require(byMunicipality.last?["values"] as? [[String: Any]])
            #expect(values.count == 15)
            // A region reads counts of people only: indicators 2 and 3 count teachers and students.
            #expect(values.allSatisfy { v in (countsPeople(v) ? v["masked"] as? Bool == true && v["numerator"] == nil : v["masked"] as? Bool == false) })
            // indicator 1 of the neighbour: no school takes part, so no value (0 of 0)
            #expect(values.first { $0["number"] as? Int == 1 }?["denominator"] as? Double == 0)

            // The municipal identification of one municipality of the region, by name of its id.
            let (_, one) = try await get("/api/v1/identification?year=\(overview["year"] as! Int)&municipality=\(neighbour.id!.uuidString)", "region")
            #expect((one["schools"] as? [[String: Any]])?.count == 3)
            // Without naming it, a regional program is told to, never answered about «the first» municipality.
            let (unnamed, told) = try await get("/api/v1/identification?year=\(overview["year"] as! Int)", "region")
            #expect(unnamed == .unprocessableEntity)
            #expect((told["detail"] as? String)?.contains("?municipality=") == true)
            #expect(try await get("/api/v1/identification?year=2022&municipality=\(UUID().uuidString)", "region").0 == .notFound)
            #expect(try await get("/api/v1/consultations", "region").0 == .unprocessableEntity)
            #expect(try await get("/api/v1/consultations?municipality=\(neighbour.id!.uuidString)", "region").0 == .ok)
            // A school's own pages need no municipality: the school's is used, with its programme's years.
            let school = try #require(try await School.query(on: app.db).filter(\.$code == "sos-03").first())
            let (riskStatus, risk) = try await get("/api/v1/schools/\(school.id!.uuidString)/risk-profile", "region")
            #expect(riskStatus == .ok && (risk["year"] as? Int).map { (2021...2023).contains($0) } == true)
            // Not for a municipal user: the region's paths are refused, the other municipality is not there.
            #expect(try await get("/api/v1/region/municipalities", "admin").0 == .forbidden)
            #expect(try await get("/api/v1/identification?year=2020&municipality=\(neighbour.id!.uuidString)", "admin").0 == .notFound)
        }
    }
}

/// One file for the whole region: each row into its school's municipality, or nothing at all.
@Suite struct RegionalImportTests {
    static func schools(in municipality: UUID, _ app: Application) async throws -> [String] {
        try await School.query(on: app.db).filter(\.$municipality.$id == municipality).sort(\.$code).all().map(\.code)
    }

    @Test func aRegionalImportPlacesEachSchoolAndEachResultInItsMunicipality() async throws {
        try await withDemoApp { app in
            let neighbour = try await RegionFixture.neighbour(app)
            let demo = try #require(try await Municipality.query(on: app.db).filter(\.$isDemo == true).first())
            var region = WebClient(app)
            try await region.login("region")
            #expect(try await region.get("/region/imports").status == .ok)
            let registry = "Муниципалитет;Код школы;Название;Краткое название\n\(RegionFixture.name);sos-04;МБОУ Новая СОШ;Новая СОШ\nбалаганский район;bal-09;МБОУ Девятая СОШ;Девятая СОШ\n"
            let preview = try await region.postMultipart("/region/imports", form: [("kind", "schools")], file: ("file", "реестр.csv", Array(registry.utf8)))
            #expect(preview.status == .ok && preview.body.contains("Муниципалитетов в файле: 2."), "\(preview.body.prefix(300))")
            #expect(try await Self.schools(in: neighbour.id!, app) == ["sos-01", "sos-02", "sos-03"])
            let confirm = try #require(WebClient.firstMatch(in: preview.body, "action=\"(/region/imports/[^\"]+/confirm)\""))
            #expect(try await region.post(confirm, form: []).status == .seeOther)
            #expect(try await Self.schools(in: neighbour.id!, app) == ["sos-01", "sos-02", "sos-03", "sos-04"])
            #expect(try await Self.schools(in: demo.id!, app).contains("bal-09"))
            // Each municipality's own history shows the file.
            #expect(try await ImportRecord.query(on: app.db).filter(\.$fileName == "реестр.csv").count() == 2)

            let results = "year,kind,grade,subject,school_code,participants,fails\n2021,vpr,4,математика,sos-04,20,2\n2021,vpr,4,математика,bal-09,15,1\n"
            let written = try await Launcher.importRegionFile(app, kind: "results", path: try Self.file(results), regionName: "Иркутская область")
            #expect(written.contains("\(RegionFixture.name) — Добавлено: 1") && written.contains("Балаганский район — Добавлено: 1"), "\(written)")
            let stored = try await ResultRecord.query(on: app.db).filter(\.$schoolCode ~~ ["sos-04", "bal-09"]).all()
            #expect(Set(stored.map { "\($0.schoolCode)@\($0.$municipality.id == neighbour.id ? "n" : "d")" }) == ["sos-04@n", "bal-09@d"])
        }
    }

    @Test func aRegionsFederalExportNamesSchoolsByLoginAndTakesTheYearAndProcedureFromTheCommandLine() async throws {
        try await withDemoApp { app in
            let neighbour = try await RegionFixture.neighbour(app)
            for (code, login) in [("sos-01", "sch380201"), ("bal-03", "sch380103")] {
                let school = try await Fixtures.school(code, app)
                school.login = login
                try await school.save(on: app.db)
            }
            let export = "Результаты ВПР\nЛогин ОО;Кол-во участников;% \"2\";% \"3\";% \"4\";% \"5\"\nSCH380201;20;10;40;30;20\nsch380103;25;20;40;28;12\n"
            let options = FileOptions(sheet: nil, year: "2021", kind: "ВПР", grade: "4", subject: "Математика")
            let written = try await Launcher.importRegionFile(app, kind: "results", path: try Self.file(export), options: options, regionName: "Иркутская область")
            #expect(written.contains("A. «Логин ОО» → Логин ОО") && written.contains("Строка 1 над заголовком"), "\(written)")
            let stored = try await ResultRecord.query(on: app.db).filter(\.$year == 2021).filter(\.$grade == 4).filter(\.$schoolCode ~~ ["sos-01", "bal-03"])
                .filter(\.$subject == "математика").all()
            #expect(Set(stored.map { "\($0.schoolCode)@\($0.$municipality.id == neighbour.id ? "n" : "d") \($0.participants)/\($0.fails)" }) == ["sos-01@n 20/2", "bal-03@d 25/5"])
        }
    }

    @Test func aRegionalFileWithAnyBadRowChangesNothing() async throws {
        try await withDemoApp { app in
            let neighbour = try await RegionFixture.neighbour(app)
            let before = try await ResultRecord.query(on: app.db).count()
            // A school of another region (not in this one's registry) and a good row: nothing is written.
            let results = "year,kind,grade,subject,school_code,participants,fails\n2021,vpr,4,математика,sos-01,20,2\n2021,vpr,4,математика,irk-99,20,2\n"
            await #expect(throws: Launcher.CommandError.self) {
                _ = try await Launcher.importRegionFile(app, kind: "results", path: try Self.file(results), regionName: "Иркутская область")
            }
            #expect(try await ResultRecord.query(on: app.db).count() == before)
            // Every row placed, but a cell of the second municipality's part is wrong: the first's part is not written either.
            let cell = "year,kind,grade,subject,school_code,participants,fails\n2021,vpr,4,математика,sos-01,20,2\n2021,vpr,5,математика,bal-01,двадцать,2\n"
            do {
                _ = try await Launcher.importRegionFile(app, kind: "results", path: try Self.file(cell), regionName: "Иркутская область")
                Issue.record("a bad cell must refuse the whole file")
            } catch let Launcher.CommandError.problem(text) {
                #expect(text.contains("Строка 3") && text.contains("participants"), "\(text)")
            }
            #expect(try await ResultRecord.query(on: app.db).count() == before)
            // A registry placing a code of the demo in the neighbour, and a municipality the region does not have.
            var region = WebClient(app)
            try await region.login("region")
            _ = try await region.get("/region/imports")
            let registry = "МО,Код,Название\n\(RegionFixture.name),bal-01,Чужая\nНет такого района,x-1,Школа\n"
            let refused = try await region.postMultipart("/region/imports", form: [("kind", "schools")], file: ("file", "r.csv", Array(registry.utf8)))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("Школа с этим кодом уже есть в муниципалитете «Балаганский район»") && refused.body.contains("В регионе нет такого муниципалитета."))
            #expect(try await RegionalImportTests.schools(in: neighbour.id!, app) == ["sos-01", "sos-02", "sos-03"])
            // A municipality's methodist has no regional import.
            var methodist = WebClient(app)
            try await methodist.login("metodist")
            #expect(try await methodist.get("/region/imports").status == .forbidden)
        }
    }

    static func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("region-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
