import Fluent
@testable import OporaApp
import OporaDomain
import Testing
import Vapor
import VaporTesting

@Suite struct SchoolRegistryTests {
    @Test func adminAddsASchoolAndMarkingItParticipatingGivesItAPlan() async throws {
        try await withDemoApp { app in
            // setup
            var admin = WebClient(app)
            try await admin.login("admin")
            _ = try await admin.get("/schools/new")
            // act: a bad distance keeps what was typed
            let refused = try await admin.post("/schools/new", form: [("code", "bal-09"), ("name", "МБОУ Новая СОШ"), ("distanceKm", "далеко")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("value=\"МБОУ Новая СОШ\""))
            let created = try await admin.post("/schools/new", form: [("code", "bal-09"), ("name", "МБОУ Новая СОШ"), ("type", "СОШ"),
                                                                      ("distanceKm", "12,5"), ("participating", "1")])
            // check
            #expect(created.status == .seeOther)
            let school = try #require(try await School.query(on: app.db).filter(\.$code == "bal-09").first())
            #expect(school.distanceKm == 12.5)
            #expect(school.participating)
            #expect(try await Measure.query(on: app.db).filter(\.$school.$id == school.id!).count() == 46)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "school.create").count() == 1)
            let duplicate = try await admin.post("/schools/new", form: [("code", "bal-09"), ("name", "Ещё одна")])
            #expect(duplicate.body.contains("Школа с кодом bal-09 уже есть."))
        }
    }

    @Test func onlyAdminEditsTheRegistry() async throws {
        try await withDemoApp { app in
            let school = try await Fixtures.school("bal-01", app)
            for login in ["metodist", "biritskaya", "observer"] {
                var c = WebClient(app)
                try await c.login(login)
                #expect(try await c.get("/schools/\(school.id!.uuidString)/edit").status == .forbidden)
                #expect(try await c.post("/schools/\(school.id!.uuidString)/edit", form: [("name", "Взлом")]).status == .forbidden)
            }
            #expect(try await School.find(school.id, on: app.db)!.name == "МБОУ Балаганская СОШ № 1")
        }
    }
}
