import Fluent
import Foundation
import NIOCore
@testable import OporaApp
import OporaDomain
import Testing
import Vapor
import VaporTesting

/// The findings of trying to break the demo, one test each: no request crashes the process or
/// makes the server read more than the route allows.
@Suite struct HardeningTests {
    static let extremes = ["-9223372036854775808", "9223372036854775807", "9223372036854775808", "1e99", "-1", "0", "NaN", "abc"]

    @Test func extremePagesAndYearsAreRefusedNotTrapped() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            var client = WebClient(app)
            try await client.login("metodist")
            for path in ["/monitoring", "/measures", "/monitoring?year=2021&category=lowResults"] {
                for value in Self.extremes {
                    let sep = path.contains("?") ? "&" : "?"
                    let r = try await client.get(path + sep + "page=" + value)
                    #expect(r.status == .unprocessableEntity, "\(path) page=\(value) → \(r.status.code)")
                    #expect(r.body.contains("Номер страницы: нужно целое число от 1 до 100"), "\(path) page=\(value)")
                }
            }
            for value in Self.extremes {
                let r = try await client.get("/monitoring?year=" + value)
                #expect(r.status == .unprocessableEntity, "year=\(value) → \(r.status.code)")
            }
            // In range, the pages answer; a page past the end shows the last one.
            #expect(try await client.get("/monitoring?page=100000").status == .ok)
            #expect(try await client.get("/measures?page=1").status == .ok)
        }
    }

    @Test func theAuditPageOfAnAdminIsBoundedToo() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            var client = WebClient(app)
            try await client.login("admin")
            #expect(try await client.get("/audit?page=-9223372036854775808").status == .unprocessableEntity)
            #expect(try await client.get("/audit?page=2").status == .ok)
        }
    }

    @Test func searchTextIsBoundedOnTheWebAndInTheAPI() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            var client = WebClient(app)
            try await client.login("metodist")
            let long = String(repeating: "а", count: 60_000)
            let r = try await client.get("/measures?q=" + long)
            #expect(r.status == .unprocessableEntity)
            #expect(r.body.contains("не больше 200 символов и 20 слов"))
            let manyWords = Array(repeating: "школа", count: 1_100).joined(separator: "+")
            #expect(try await client.get("/practices?q=" + manyWords).status == .unprocessableEntity)
            #expect(try await client.get("/measures?q=" + WebClient.encode("методическ объединен")).status == .ok)
            var h = HTTPHeaders()
            h.bearerAuthorization = .init(token: try await Fixtures.apiToken(for: "metodist", app))
            let api = try await app.testing().sendRequest(.GET, "/api/v1/practices?q=" + manyWords, headers: h)
            #expect(api.status == .unprocessableEntity)
            #expect(api.body.string.contains("не больше 200 символов"))
        }
    }

    @Test func aBodyOverTheRoutesLimitIsRefusedBeforeItIsRead() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            var client = WebClient(app)
            _ = try await client.get("/login")
            var headers = HTTPHeaders()
            headers.add(name: .cookie, value: client.cookie ?? "")
            headers.contentType = .urlEncodedForm
            // 900 KB of form fields arrive whole: sign-in takes 8 KB, a form 64 KB. (A declared
            // Content-Length over the limit, refused before the body is read, is tried on a real
            // server by ops-tests/abuse.sh: the in-memory tester sets the header itself.)
            let big = "_csrf=\(client.csrf)&login=metodist&password=opora-demo&pad=" + String(repeating: "x", count: 900 * 1024)
            let whole = try await app.testing().sendRequest(.POST, "/login", headers: headers, body: ByteBuffer(string: big))
            #expect(whole.status == .payloadTooLarge)
            #expect(whole.body.string.contains("8 КБ"))
            // The sign-in still works at its own size.
            #expect(try await client.login("metodist").status == .seeOther)
        }
    }

    @Test func anUploadRouteReadsNothingForSomeoneNotSignedIn() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            var client = WebClient(app)
            _ = try await client.get("/login")
            // Has a session and a token, is not signed in: 1 MB to the import route is not parsed.
            let r = try await client.postMultipart("/imports", form: [("kind", "schools")],
                                                   file: ("file", "schools.csv", Array(repeating: UInt8(ascii: "a"), count: 1024 * 1024)))
            #expect(r.status == .unauthorized)
            // Signed in, the same route takes files up to its own limit, and no more.
            try await client.login("metodist")
            var headers = HTTPHeaders()
            headers.add(name: .cookie, value: client.cookie ?? "")
            headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=x")
            let over = try await app.testing().sendRequest(.POST, "/imports", headers: headers,
                                                           body: ByteBuffer(repeating: UInt8(ascii: "a"), count: 51 * 1024 * 1024))
            #expect(over.status == .payloadTooLarge)
            #expect(over.body.string.contains("50 МБ"))
        }
    }

    @Test func boundedReadersSayWhatIsWrong() throws {
        #expect(try Request.boundedInt("42", in: 1...100, what: "Номер") == 42)
        for bad in ["-9223372036854775808", "9223372036854775808", "1e99", "0", "101", "4 2", "١٢"] {
            #expect(throws: (any Error).self, "\(bad)") { try Request.boundedInt(bad, in: 1...100, what: "Номер") }
        }
        #expect(try Request.boundedSearch("  методическое   объединение ") == "методическое объединение")
        #expect(throws: (any Error).self) { try Request.boundedSearch(String(repeating: "я", count: 201)) }
        #expect(throws: (any Error).self) { try Request.boundedSearch(Array(repeating: "a", count: 21).joined(separator: " ")) }
        #expect(Format.integer(100_000) == "100\u{00A0}000")
        #expect(Format.integer(-1_234_567) == "−1\u{00A0}234\u{00A0}567")
        #expect(Format.integer(0) == "0")
    }

    @Test func readingPagesWritesNoMethodologyVersion() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            #expect(try await MethodologyVersion.query(on: app.db).count() == 0)
            var client = WebClient(app)
            try await client.login("observer")
            for path in ["/monitoring", "/methodology", "/schools", "/public"] { #expect(try await client.get(path).status == .ok, "\(path)") }
            var h = HTTPHeaders()
            h.bearerAuthorization = .init(token: try await Fixtures.apiToken(for: "observer", app))
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/identification?year=2021", headers: h).status == .ok)
            #expect(try await MethodologyVersion.query(on: app.db).count() == 0)
            let page = try await client.get("/methodology")
            #expect(page.body.contains("Параметры по умолчанию"))
        }
    }

    @Test func aMultipartBodyIsScannedNotDecoded() {
        let body = "--b\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntok\r\n"
            + "--b\r\nContent-Disposition: form-data; name=\"evidenceFile\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF\r\n--b--\r\n"
        let data = Data(body.utf8)
        let parts = MultipartScan.parts(data, boundary: "b")
        #expect(parts?.map(\.name) == ["_csrf", "evidenceFile"])
        #expect(parts?.map(\.isFile) == [false, true])
        #expect(parts.map { String(decoding: data[$0[0].body], as: UTF8.self) } == "tok")
        #expect(parts.map { String(decoding: data[$0[1].body], as: UTF8.self) } == "%PDF")
        for bad in ["", "--b\r\n", "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nno end", "--c\r\n\r\n--c--"] {
            #expect(MultipartScan.parts(Data(bad.utf8), boundary: "b") == nil, "\(bad)")
        }
    }

    @Test func longTextFieldsOfAFileFormAreRefusedBeforeDecoding() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            let measure = try await Fixtures.schoolMeasure("bal-03", app)
            var client = WebClient(app)
            try await client.login("metodist")
            _ = try await client.get("/measures/\(measure.id!.uuidString)")
            let long = String(repeating: "я", count: 100_000)
            let r = try await client.postMultipart("/measures/\(measure.id!.uuidString)",
                                                   form: [("status", "done"), ("comment", long), ("responsible", long)], file: nil)
            #expect(r.status == .payloadTooLarge)
            #expect(r.body.contains("Поля формы длиннее допустимого"))
            // A file of a megabyte with short fields passes the same check.
            let ok = try await client.postMultipart("/measures/\(measure.id!.uuidString)", form: [("status", "inProgress")],
                                                    file: ("evidenceFile", "act.pdf", Fixtures.pdf + Array(repeating: UInt8(32), count: 1_000_000)))
            #expect(ok.status != .payloadTooLarge)
        }
    }

    @Test func anInfiniteDistanceIsRefusedByTheFormAndCannotBreakTheAPI() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            let school = try await Fixtures.school("bal-03", app)
            var admin = WebClient(app)
            try await admin.login("admin")
            _ = try await admin.get("/schools/\(school.id!.uuidString)/edit")
            let refused = try await admin.post("/schools/\(school.id!.uuidString)/edit", form: [("name", school.name), ("distanceKm", "inf")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("value=\"inf\""))
            #expect(try await Fixtures.school("bal-03", app).distanceKm?.isFinite != false)
            // One stored by an earlier version answers as unknown, and the list still answers.
            school.distanceKm = .infinity
            try await school.save(on: app.db)
            var h = HTTPHeaders()
            h.bearerAuthorization = .init(token: try await Fixtures.apiToken(for: "metodist", app))
            let list = try await app.testing().sendRequest(.GET, "/api/v1/schools", headers: h)
            #expect(list.status == .ok)
            #expect(list.body.string.contains("\"code\":\"bal-03\""))
        }
    }

    @Test func theImporterUsesTheAppsClockNotTheWallClock() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            // setup: the demo lives on 01.10.2022; a course ending in 2024 has not ended yet there.
            let municipality = try #require(try await Municipality.query(on: app.db).first())
            let teacher = try #require(try await TeacherRecord.query(on: app.db).first())
            let school = try #require(try await School.find(teacher.$school.id, on: app.db))
            let csv = "school_code,teacher_code,title,completed_on,quality\n\(school.code),\(teacher.teacherCode),Курс,15.01.2024,да\n"
            // act
            let result = try await ImportService.run(kind: .trainings, fileName: "t.csv", bytes: Array(csv.utf8), municipalityID: municipality.id!,
                                                     user: nil, write: false, today: app.opora.today(), on: app.db)
            // check
            guard case .failure(let problems) = result else { Issue.record("a course ending after today must be refused"); return }
            #expect(problems.problems.first?.reason == "дата окончания позже сегодняшней (01.10.2022).")
        }
    }
}
