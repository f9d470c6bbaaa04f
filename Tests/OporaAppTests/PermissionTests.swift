import Fluent
import NIOCore
@testable import OporaApp
import OporaDomain
import Testing
import Vapor
import VaporTesting

@Suite struct PermissionTests {
    @Test func aSchoolUserCannotChangeAnotherSchoolsMeasureByForm() async throws {
        try await withDemoApp { app in
            // setup: Кумарейская СОШ's measure; Биритская's coordinator signed in
            var client = WebClient(app)
            try await client.login("biritskaya")
            let other = try await Fixtures.schoolMeasure("bal-04", status: .planned, app)
            let before = try await Measure.find(other.id, on: app.db)!
            // act
            let page = try await client.postMultipart("/measures/\(other.id!.uuidString)", form: [
                ("status", "cancelled"), ("cancelReason", "чужая школа"), ("responsible", "взлом"),
            ], file: nil)
            // check: refused, nothing changed, nothing logged
            #expect(page.status == .forbidden)
            #expect(page.body.contains("другой школы"))
            let after = try await Measure.find(other.id, on: app.db)!
            #expect(after.status == before.status)
            #expect(after.responsible == before.responsible)
            #expect(after.cancelReason == nil)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityID == other.id!).count() == 0)
            // and it cannot even be read
            let read = try await client.get("/measures/\(other.id!.uuidString)")
            #expect(read.status == .forbidden)
            let plan = try await client.get("/schools/\(try await Fixtures.school("bal-04", app).id!.uuidString)/plan")
            #expect(plan.status == .forbidden)
        }
    }

    @Test func aSchoolUserCannotChangeAnotherSchoolsMeasureByAPI() async throws {
        try await withDemoApp { app in
            let token = try await Fixtures.apiToken(for: "biritskaya", app)
            let other = try await Fixtures.schoolMeasure("bal-04", status: .planned, app)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: token)
            headers.contentType = .json
            // act
            let r = try await app.testing().sendRequest(.PATCH, "/api/v1/measures/\(other.id!.uuidString)", headers: headers,
                                                        body: ByteBuffer(string: #"{"status":"cancelled","cancelReason":"x"}"#))
            // check
            #expect(r.status == .forbidden)
            #expect(r.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            #expect(r.body.string.contains("\"status\":403"))
            #expect(try await Measure.find(other.id, on: app.db)!.status == .planned)
            let upload = try await app.testing().sendRequest(.POST, "/api/v1/measures/\(other.id!.uuidString)/evidence?fileName=a.pdf",
                                                             headers: headers, body: ByteBuffer(bytes: Fixtures.pdf))
            #expect(upload.status == .forbidden)
            #expect(try await Evidence.query(on: app.db).filter(\.$measure.$id == other.id!).count() == 0)
        }
    }

    @Test func aSchoolUserCannotDownloadAnotherSchoolsEvidence() async throws {
        try await withDemoApp { app in
            // Коноваловская СОШ (bal-06) has demo evidence files.
            let school = try await Fixtures.school("bal-06", app)
            let evidence = try await Evidence.query(on: app.db).join(Measure.self, on: \Evidence.$measure.$id == \Measure.$id)
                .filter(Measure.self, \.$school.$id == school.id!).first()!
            var client = WebClient(app)
            try await client.login("biritskaya")
            let r = try await client.get("/evidence/\(evidence.id!.uuidString)")
            #expect(r.status == .forbidden)
            var methodist = WebClient(app)
            try await methodist.login("metodist")
            #expect(try await methodist.get("/evidence/\(evidence.id!.uuidString)").status == .ok)
        }
    }

    @Test func schoolUsersCannotChangeTheMunicipalPlanAndObserversNothing() async throws {
        try await withDemoApp { app in
            let municipal = try await Fixtures.municipalMeasure(app)
            for login in ["biritskaya", "observer"] {
                var client = WebClient(app)
                try await client.login(login)
                let page = try await client.get("/measures/\(municipal.id!.uuidString)")
                #expect(page.status == .ok)
                #expect(page.body.contains("только просматривать"))
                let post = try await client.postMultipart("/measures/\(municipal.id!.uuidString)", form: [("status", "inProgress")], file: nil)
                #expect(post.status == .forbidden, "\(login) changed the municipal plan")
            }
            let own = try await Fixtures.schoolMeasure("bal-03", status: .planned, app)
            var observer = WebClient(app)
            try await observer.login("observer")
            #expect(try await observer.postMultipart("/measures/\(own.id!.uuidString)", form: [("status", "inProgress")], file: nil).status == .forbidden)
            #expect(try await Measure.find(municipal.id, on: app.db)!.status == .planned)
            #expect(try await Measure.find(own.id, on: app.db)!.status == .planned)
        }
    }

    @Test func theSchoolListShowsOnlyTheOwnPlanToASchoolUser() async throws {
        try await withDemoApp { app in
            var client = WebClient(app)
            try await client.login("biritskaya")
            let list = try await client.get("/measures")
            #expect(list.body.contains("План школы: Биритская СОШ"))
            #expect(!list.body.contains("План школы: Кумарейская СОШ"))
            let search = try await client.get("/measures?school=\(try await Fixtures.school("bal-04", app).id!.uuidString)")
            #expect(search.body.contains("Ничего не найдено"))
        }
    }

    @Test func aFormWithoutItsCSRFTokenIsRefused() async throws {
        try await withDemoApp { app in
            var client = WebClient(app)
            try await client.login("metodist")
            let measure = try await Fixtures.municipalMeasure(app)
            let page = try await client.postMultipart("/measures/\(measure.id!.uuidString)", form: [("status", "inProgress")],
                                                      file: nil, withCSRF: false)
            #expect(page.status == .forbidden)
            #expect(page.body.contains("Форма устарела"))
            client.csrf = "подделка"
            #expect(try await client.postMultipart("/measures/\(measure.id!.uuidString)", form: [("status", "inProgress")], file: nil).status == .forbidden)
            #expect(try await Measure.find(measure.id, on: app.db)!.status == .planned)
        }
    }

    @Test func adminPagesAreForAdminsOnly() async throws {
        try await withDemoApp { app in
            for login in ["metodist", "biritskaya", "observer"] {
                var client = WebClient(app)
                try await client.login(login)
                #expect(try await client.get("/audit").status == .forbidden)
                #expect(try await client.get("/admin/tokens").status == .forbidden)
                #expect(try await client.post("/admin/tokens", form: [("name", "x"), ("userID", UUID().uuidString)]).status == .forbidden)
            }
            var admin = WebClient(app)
            try await admin.login("admin")
            #expect(try await admin.get("/audit").status == .ok)
        }
    }

    @Test func passwordsAreStoredHashed() async throws {
        try await withDemoApp { app in
            let user = try await Fixtures.user("admin", app)
            #expect(user.passwordHash != DemoData.password)
            #expect(user.passwordHash.hasPrefix("$2"))
            #expect(try app.password.verify(DemoData.password, created: user.passwordHash))
        }
    }
}
