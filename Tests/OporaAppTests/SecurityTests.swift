import Fluent
import NIOCore
@testable import OporaApp
import OporaDomain
import Testing
import Vapor
import VaporTesting

/// What a reviewer tried to break, kept as tests.
@Suite struct SecurityTests {
    @Test func aFormFieldCannotNameAnotherSchool() async throws {
        try await withDemoApp { app in
            let own = try await Fixtures.school("bal-03", app)
            let other = try await Fixtures.school("bal-04", app)
            var client = WebClient(app)
            try await client.login("biritskaya")
            _ = try await client.get("/schools/\(own.id!.uuidString)/data")
            let r = try await client.post("/schools/\(own.id!.uuidString)/data/gia",
                                          form: [("School_Code", "bal-04"), (" school_code", "bal-04"), ("year", "2019"), ("participants", "9"), ("passed", "1")])
            #expect(r.status == .seeOther)
            let rows = try await GIAOutcomeRecord.query(on: app.db).filter(\.$year == 2019).filter(\.$participants == 9).all()
            #expect(rows.map(\.$school.id) == [own.id!])
            #expect(try await GIAOutcomeRecord.query(on: app.db).filter(\.$school.$id == other.id!).filter(\.$participants == 9).count() == 0)
        }
    }

    @Test func namesInTitlesAreEscaped() async throws {
        try await withDemoApp { app in
            let school = try await Fixtures.school("bal-01", app)
            school.shortName = "\"><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">"
            try await school.save(on: app.db)
            var client = WebClient(app)
            try await client.login("metodist")
            let page = try await client.get("/schools/\(school.id!.uuidString)")
            #expect(!page.body.contains("<meta http-equiv"))
            #expect(page.body.contains("<title>\"&gt;&lt;meta http-equiv"))
            #expect(page.headers.first(name: "Content-Security-Policy")?.contains("base-uri 'none'") == true)
        }
    }

    @Test func loginSendsOnlyToLocalPages() {
        #expect(AuthController.safeNext("/measures?q=1") == "/measures?q=1")
        for bad in ["//evil.example", "/\t/evil.example", "/\\evil.example", "https://evil.example", "/ /evil", "javascript:alert(1)", ""] {
            #expect(AuthController.safeNext(bad) == "/", "\(bad)")
        }
    }

    @Test func errorPagesCarryTheSecurityHeaders() async throws {
        try await withDemoApp(seed: false) { app in
            let r = try await app.testing().sendRequest(.GET, "/no-such-page")
            #expect(r.status == .notFound)
            #expect(r.headers.first(name: "X-Frame-Options") == "DENY")
            #expect(r.headers.first(name: "Content-Security-Policy") != nil)
        }
    }

    @Test func aSchoolUserDoesNotSeeOtherSchoolsPlanFigures() async throws {
        try await withDemoApp { app in
            var client = WebClient(app)
            try await client.login("biritskaya")
            let page = try await client.get("/schools")
            let other = try await Fixtures.school("bal-04", app)
            #expect(!page.body.contains("/schools/\(other.id!.uuidString)/plan"))
            #expect(!page.body.contains("/schools/\(other.id!.uuidString)\""))
        }
    }

    @Test func apiRefusalsAndBadYears() async throws {
        try await withDemoApp { app in
            let other = try await Fixtures.school("bal-04", app)
            var h = HTTPHeaders()
            h.bearerAuthorization = .init(token: try await Fixtures.apiToken(for: "biritskaya", app))
            h.contentType = .json
            let put = try await app.testing().sendRequest(.PUT, "/api/v1/schools/\(other.id!.uuidString)/context", headers: h,
                                                          body: ByteBuffer(string: #"{"year":2022,"lowIncomeShare":0.9}"#))
            #expect(put.status == .forbidden)
            #expect(put.body.string.contains("Профиль другой школы"))
            var m = HTTPHeaders()
            m.bearerAuthorization = .init(token: try await Fixtures.apiToken(for: "metodist", app))
            let overflow = try await app.testing().sendRequest(.GET, "/api/v1/identification?year=-9223372036854775808", headers: m)
            #expect(overflow.status == .unprocessableEntity)
            let schools = try await app.testing().sendRequest(.POST, "/api/v1/imports/schools?fileName=s.csv", headers: m,
                                                              body: ByteBuffer(string: "code,name\nbal-99,Чужая\n"))
            #expect(schools.status == .forbidden)
            #expect(schools.body.string.contains("Реестр школ меняет управление образования."))
            #expect(try await School.query(on: app.db).filter(\.$code == "bal-99").count() == 0)
        }
    }
}
