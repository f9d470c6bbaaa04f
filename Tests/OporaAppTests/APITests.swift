import Fluent
import Foundation
import NIOCore
@testable import OporaApp
import OporaDomain
import Testing
import Vapor
import VaporTesting

@Suite struct APITests {
    func headers(_ token: String) -> HTTPHeaders {
        var h = HTTPHeaders()
        h.bearerAuthorization = .init(token: token)
        return h
    }

    @Test func everyPathOfTheOpenAPIDocumentAnswers() async throws {
        try await withDemoApp { app in
            // setup
            let token = try await Fixtures.apiToken(for: "admin", app)
            let programme = try await Programme.query(on: app.db).first()!
            let measure = try await Fixtures.schoolMeasure("bal-06", status: .done, app)
            let school = try await Fixtures.school("bal-03", app)
            let doc = try JSONSerialization.jsonObject(with: try OpenAPIDocument.load()) as! [String: Any]
            let paths = doc["paths"] as! [String: [String: Any]]
            #expect(paths.count == 41)
            let regionToken = try await Fixtures.apiToken(for: "region", app)
            let teacher = try await TeacherRecord.query(on: app.db).filter(\.$school.$id == school.id!).filter(\.$pedagogical == true).first()!
            let step = try await DevelopmentStep.query(on: app.db).join(DevelopmentPlan.self, on: \DevelopmentStep.$plan.$id == \DevelopmentPlan.$id)
                .filter(DevelopmentPlan.self, \.$school.$id == school.id!).filter(\.$completedOn == nil).first()!
            let pair = try await Mentorship.query(on: app.db).filter(\.$school.$id == school.id!).first()!
            let teachers = try await TeacherRecord.query(on: app.db).filter(\.$school.$id == school.id!).filter(\.$pedagogical == true).sort(\.$teacherCode).all()
            var walked = 0
            for (template, operations) in paths {
                var path = template.replacingOccurrences(of: "{programmeID}", with: programme.id!.uuidString)
                    .replacingOccurrences(of: "{measureID}", with: measure.id!.uuidString)
                    .replacingOccurrences(of: "{schoolID}", with: school.id!.uuidString)
                    .replacingOccurrences(of: "{kind}", with: "results")
                    .replacingOccurrences(of: "{teacherID}", with: teacher.id!.uuidString)
                    .replacingOccurrences(of: "{stepID}", with: step.id!.uuidString)
                    .replacingOccurrences(of: "{mentorshipID}", with: pair.id!.uuidString)
                if template.hasSuffix("/identification") { path += "?year=2020" }
                for method in operations.keys where ["get", "patch", "post", "put"].contains(method)
                    && !ProgrammeAPITests.operations.contains("\(method.uppercased()) \(template)") {
                    // act
                    let r: TestingHTTPResponse
                    switch method {
                    case "get":
                        r = try await app.testing().sendRequest(.GET, path, headers: headers(template.hasPrefix("/api/v1/region/") ? regionToken : token))
                    case "patch":
                        var h = headers(token)
                        h.contentType = .json
                        r = try await app.testing().sendRequest(.PATCH, path, headers: h, body: ByteBuffer(string: #"{"comment":"Проверено через API"}"#))
                    case "put" where template.hasSuffix("/at-risk-families"):
                        var h = headers(token)
                        h.contentType = .json
                        r = try await app.testing().sendRequest(.PUT, path, headers: h, body: ByteBuffer(string: #"{"year":2021,"families":6}"#))
                    case "put":
                        var h = headers(token)
                        h.contentType = .json
                        r = try await app.testing().sendRequest(.PUT, path, headers: h, body: ByteBuffer(string: #"{"year":2022,"lowIncomeShare":0.25}"#))
                    case "post" where template.hasSuffix("/mentorships"):
                        var h = headers(token)
                        h.contentType = .json
                        r = try await app.testing().sendRequest(.POST, path, headers: h, body: ByteBuffer(string:
                            #"{"mentorID":"\#(teachers[0].id!.uuidString)","menteeID":"\#(teachers[1].id!.uuidString)","youngSpecialist":true,"startsOn":"2021-02-01","plan":"Посещение уроков"}"#))
                    case "post" where template.hasSuffix("/meetings"):
                        var h = headers(token)
                        h.contentType = .json
                        r = try await app.testing().sendRequest(.POST, path, headers: h, body: ByteBuffer(string: #"{"date":"2021-02-15","topic":"Разбор урока"}"#))
                    case "post" where template == "/api/v1/consultations":
                        var h = headers(token)
                        h.contentType = .json
                        let point = try await ConsultationPoint.query(on: app.db).first()!
                        r = try await app.testing().sendRequest(.POST, path, headers: h, body: ByteBuffer(string:
                            #"{"pointName":"\#(point.name.replacingOccurrences(of: "\"", with: "\\\""))","schoolID":"\#(school.id!.uuidString)","date":"2021-02-16","topic":"ВПР"}"#))
                    case "post" where template.hasPrefix("/api/v1/imports"):
                        r = try await app.testing().sendRequest(.POST, path + "?fileName=r.csv&dryRun=1", headers: headers(token),
                                                                body: ByteBuffer(string: "year,kind,grade,subject,school_code,participants,fails\n2016,vpr,4,математика,bal-01,20,2\n"))
                    case "post" where template.hasSuffix("/draft"):
                        r = try await app.testing().sendRequest(.POST, path, headers: headers(token))
                    case "post" where template.hasSuffix("/complete"):
                        var h = headers(token)
                        h.contentType = .json
                        r = try await app.testing().sendRequest(.POST, path, headers: h, body: ByteBuffer(string: #"{"completedOn":"2021-02-20","evidence":"Справка"}"#))
                    case "post" where template.hasSuffix("/support-plans"):
                        var h = headers(token)
                        h.contentType = .json
                        r = try await app.testing().sendRequest(.POST, path, headers: h, body: ByteBuffer(string:
                            #"{"participantCode":"8В-120","goal":"Освоение программы","measures":"Консультации","specialistRole":"тьютор","reviewDates":["2021-05-20"]}"#))
                    default:
                        r = try await app.testing().sendRequest(.POST, path + "?fileName=scan.png", headers: headers(token),
                                                                body: ByteBuffer(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]))
                    }
                    // check
                    #expect((200..<300).contains(r.status.code), "\(method.uppercased()) \(template) → \(r.status.code): \(r.body.string)")
                    #expect(r.headers.contentType?.subType == "json", "\(template)")
                    walked += 1
                }
            }
            #expect(walked == 37)
            // the routes under /api/v1 are exactly the documented ones
            let documented = Set(paths.flatMap { p, ops in ops.keys.filter { $0 != "parameters" }.map { "\($0.uppercased()) \(p)" } })
            let registered = Set(app.routes.all.filter { $0.path.first?.description == "api" }.map { route in
                "\(route.method.rawValue) /" + route.path.map { c -> String in
                    if case .parameter(let name) = c { return "{\(name)}" }
                    return c.description
                }.joined(separator: "/")
            })
            #expect(documented == registered)
        }
    }

    @Test func measuresListFiltersAndPatchMarksDone() async throws {
        try await withDemoApp { app in
            let token = try await Fixtures.apiToken(for: "metodist", app)
            let programme = try await Programme.query(on: app.db).first()!
            let list = try await app.testing().sendRequest(.GET, "/api/v1/programmes/\(programme.id!.uuidString)/measures?school=municipal&section=1",
                                                           headers: headers(token))
            #expect(list.status == .ok)
            struct ListBody: Decodable { var total: Int; var items: [MeasureRow] }
            let body = try JSONDecoder().decode(ListBody.self, from: Data(list.body.readableBytesView))
            #expect(body.total == 13)
            #expect(body.items.allSatisfy { $0.sectionNumber == 1 && $0.schoolID == nil })
            let id = body.items[0].id
            var h = headers(token)
            h.contentType = .json
            // not enough for «done»: 422 with every field named
            let refused = try await app.testing().sendRequest(.PATCH, "/api/v1/measures/\(id.uuidString)", headers: h,
                                                              body: ByteBuffer(string: #"{"status":"done"}"#))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.headers.contentType?.subType == "problem+json")
            #expect(refused.body.string.contains("completedOn"))
            #expect(refused.body.string.contains("evidence"))
            let done = try await app.testing().sendRequest(.PATCH, "/api/v1/measures/\(id.uuidString)", headers: h,
                body: ByteBuffer(string: #"{"status":"done","completedOn":"2021-02-20","completedBy":"Методист","evidenceLink":"https://balagansk.example/rec"}"#))
            #expect(done.status == .ok)
            #expect(done.body.string.contains("\"status\":\"done\""))
            #expect(try await Measure.find(id, on: app.db)!.completedOn == "2021-02-20")
        }
    }

    @Test func theDocumentIsTheResourceFileServedAsItIsAndEachSchemaIsUsed() async throws {
        let file = try OpenAPIDocument.load()
        try await withDemoApp(seed: false) { app in
            let r = try await app.testing().sendRequest(.GET, "/api/v1/openapi.json")
            #expect(r.status == .ok)
            #expect(r.headers.contentType?.subType == "json")
            #expect(Data(r.body.readableBytesView) == file)
        }
        // A schema nothing refers to would be a generated type that no answer uses.
        let doc = try JSONSerialization.jsonObject(with: file) as! [String: Any]
        let schemas = ((doc["components"] as! [String: Any])["schemas"] as! [String: Any]).keys
        let text = String(decoding: file, as: UTF8.self)
        for name in schemas {
            #expect(text.contains("\"#/components/schemas/\(name)\""), "\(name) is not referred to")
        }
    }

    @Test func problemsForMissingAndBadTokensAndUnknownIDs() async throws {
        try await withDemoApp { app in
            let none = try await app.testing().sendRequest(.GET, "/api/v1/programmes")
            #expect(none.status == .unauthorized)
            #expect(none.headers.contentType?.subType == "problem+json")
            #expect(none.body.string.contains("Войдите в систему."))
            let bad = try await app.testing().sendRequest(.GET, "/api/v1/programmes", headers: headers("opora_fake"))
            #expect(bad.status == .unauthorized)
            let token = try await Fixtures.apiToken(for: "observer", app)
            let missing = try await app.testing().sendRequest(.GET, "/api/v1/measures/\(UUID().uuidString)", headers: headers(token))
            #expect(missing.status == .notFound)
            #expect(missing.body.string.contains("\"status\":404"))
            // a revoked token stops working
            let record = try await APIToken.query(on: app.db).filter(\.$tokenHash == APITokenHash.of(token)).first()!
            record.revokedAt = Date()
            try await record.save(on: app.db)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/programmes", headers: headers(token)).status == .unauthorized)
        }
    }

    @Test func adminIssuesATokenThatIsStoredHashed() async throws {
        try await withDemoApp { app in
            var client = WebClient(app)
            try await client.login("admin")
            let observer = try await Fixtures.user("observer", app)
            let page = try await client.post("/admin/tokens", form: [("name", "Выгрузка"), ("userID", observer.id!.uuidString)])
            #expect(page.status == .ok)
            let token = try #require(WebClient.firstMatch(in: page.body, #"<code class="token">([^<]+)</code>"#))
            let stored = try await APIToken.query(on: app.db).filter(\.$name == "Выгрузка").first()!
            #expect(stored.tokenHash == APITokenHash.of(token))
            #expect(stored.tokenHash != token)
            let r = try await app.testing().sendRequest(.GET, "/api/v1/programmes", headers: headers(token))
            #expect(r.status == .ok)
        }
    }
}
