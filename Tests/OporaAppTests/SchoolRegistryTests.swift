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
            #expect(try await Fixtures.participants(app).contains { $0.id == school.id })
            #expect(try await Measure.query(on: app.db).filter(\.$school.$id == school.id!).count() == 46)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "school.create").count() == 1)
            let duplicate = try await admin.post("/schools/new", form: [("code", "bal-09"), ("name", "Ещё одна")])
            #expect(duplicate.body.contains("Школа с кодом bal-09 уже есть."))
        }
    }

    @Test func aBranchWithItsLoginOKPOAndINNIsAddedByTheFormAndBadOnesAreRefusedByField() async throws {
        try await withDemoApp { app in
            var admin = WebClient(app)
            try await admin.login("admin")
            let first = try await Fixtures.school("bal-01", app)
            first.login = "sch380101"
            try await first.save(on: app.db)
            _ = try await admin.get("/schools/new")
            let refused = try await admin.post("/schools/new", form: [("code", "bal-09"), ("name", "Филиал в д. Берёзовка"), ("type", "филиал"),
                                                                      ("login", "SCH380101"), ("okpo", "123"), ("inn", "38010000011"), ("parentCode", "")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("Этот логин уже у школы bal-01"))
            #expect(refused.body.contains("ОКПО — 8 или 10 цифр."))
            #expect(refused.body.contains("ИНН организации — 10 цифр."))
            #expect(refused.body.contains("У филиала укажите код головной школы."))
            #expect(refused.body.contains("value=\"SCH380101\""))
            let created = try await admin.post("/schools/new", form: [("code", "bal-09"), ("name", "Филиал в д. Берёзовка"), ("type", "филиал"),
                                                                      ("login", "sch380109"), ("okpo", "12345678"), ("inn", "3801000009"), ("parentCode", "bal-01")])
            #expect(created.status == .seeOther)
            let branch = try #require(try await School.query(on: app.db).filter(\.$code == "bal-09").first())
            #expect([branch.type, branch.login, branch.okpo, branch.inn, branch.parentCode] == ["филиал", "sch380109", "12345678", "3801000009", "bal-01"])
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

@Suite struct ParticipatingListTests {
    @Test func theDefaultListComesFromTheMonitoringOfTheYearBeforeTheProgramme() async throws {
        try await withDemoApp { app in
            // setup: in the demo, 2019 makes bal-03…bal-06 НРО and bal-07 НСУ (резильентная or НСУ)
            let municipality = try await Municipality.query(on: app.db).first()!
            let report = try await IdentificationReport.oneShot(municipalityID: municipality.id!, year: 2019, explained: true, on: [app.db])
            let expected = Set(report.schools.filter { $0.lowResults || $0.adverseConditions }.map(\.code))
            var admin = WebClient(app)
            try await admin.login("admin")
            _ = try await admin.get("/schools")
            // act
            let r = try await admin.post("/schools/participating", form: [])
            // check
            #expect(r.status == .seeOther)
            let participating = Set(try await Fixtures.participants(app).map(\.code))
            #expect(participating == expected.union(["bal-03", "bal-04", "bal-05", "bal-06"]))
            #expect(participating.contains("bal-07"))
            let school = try await Fixtures.school("bal-07", app)
            #expect(try await Measure.query(on: app.db).filter(\.$school.$id == school.id!).count() == 46)
            var methodist = WebClient(app)
            try await methodist.login("metodist")
            #expect(try await methodist.post("/schools/participating", form: []).status == .forbidden)
        }
    }
}
