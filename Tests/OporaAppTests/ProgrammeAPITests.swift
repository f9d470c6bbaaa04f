import Fluent
import Foundation
import NIOCore
@testable import OporaApp
import OporaDomain
import Testing
import Vapor
import VaporTesting

/// Writing programmes through the API: a programme written from nothing, activated once the old one
/// closes; bad input answered with RFC 9457 problems; whoever must not write is refused.
@Suite struct ProgrammeAPITests {
    /// The operations this suite walks with valid bodies (APITests walks every other one).
    static let operations: Set<String> = [
        "POST /api/v1/programmes", "POST /api/v1/programmes/{programmeID}/activate", "POST /api/v1/programmes/{programmeID}/close",
        "PATCH /api/v1/programmes/{programmeID}/passport", "POST /api/v1/programmes/{programmeID}/sections", "PATCH /api/v1/sections/{sectionID}",
        "DELETE /api/v1/sections/{sectionID}", "POST /api/v1/programmes/{programmeID}/directions", "PATCH /api/v1/directions/{directionID}",
        "DELETE /api/v1/directions/{directionID}", "POST /api/v1/programmes/{programmeID}/tasks", "PATCH /api/v1/tasks/{taskID}",
        "DELETE /api/v1/tasks/{taskID}", "POST /api/v1/programmes/{programmeID}/indicators", "PATCH /api/v1/indicators/{indicatorID}",
        "DELETE /api/v1/indicators/{indicatorID}", "POST /api/v1/programmes/{programmeID}/measures", "PUT /api/v1/measures/{measureID}/description",
        "DELETE /api/v1/measures/{measureID}", "DELETE /api/v1/programmes/{programmeID}", "POST /api/v1/programmes/import",
    ]

    struct Client {
        var app: Application
        var token: String
        var called: Set<String> = []

        mutating func send(_ method: HTTPMethod, _ template: String, _ ids: [String: UUID] = [:], _ json: String? = nil) async throws -> TestingHTTPResponse {
            called.insert("\(method.rawValue) \(template.split(separator: "?")[0])")
            var path = template
            for (name, id) in ids { path = path.replacingOccurrences(of: "{\(name)}", with: id.uuidString) }
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: token)
            if json != nil { headers.contentType = .json }
            return try await app.testing().sendRequest(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) })
        }
    }

    func id(_ r: TestingHTTPResponse, _ key: String = "id") throws -> UUID {
        let object = try JSONSerialization.jsonObject(with: Data(r.body.readableBytesView)) as? [String: Any]
        let text: String? = object?[key] as? String
        return try #require(text.flatMap { UUID(uuidString: $0) }, "no \(key) in \(r.body.string)")
    }

    @Test func aProgrammeIsWrittenFromNothingThroughTheAPI() async throws {
        try await withDemoApp { app in
            var c = Client(app: app, token: try await Fixtures.apiToken(for: "admin", app))
            let seed = try #require(try await Programme.query(on: app.db).first())
            let overlap = try await c.send(.POST, "/api/v1/programmes", [:], #"{"start":"template","firstYear":2022,"lastYear":2024}"#)
            #expect(overlap.status == .unprocessableEntity && overlap.headers.contentType?.subType == "problem+json")
            #expect(overlap.body.string.contains("first_year") && overlap.body.string.contains("пересекается"))
            let created = try await c.send(.POST, "/api/v1/programmes", [:], #"{"start":"empty","firstYear":2023,"lastYear":2025,"name":"Программа через API"}"#)
            #expect(created.status == .created && created.body.string.contains(#""status":"draft""#))
            let p = ["programmeID": try id(created)]
            let passport = try await c.send(.PATCH, "/api/v1/programmes/{programmeID}/passport", p, #"{"goal":"Цель через API","tasks":["Одна","Две"]}"#)
            #expect(passport.status == .ok && passport.body.string.contains("Цель через API") && passport.body.string.contains("Программа через API"))

            let section = try await c.send(.POST, "/api/v1/programmes/{programmeID}/sections", p, #"{"title":"Кадры"}"#)
            #expect(section.status == .created)
            let s = ["sectionID": try id(section)]
            #expect(try await c.send(.PATCH, "/api/v1/sections/{sectionID}", s, #"{"title":"Кадры и наставники"}"#).body.string.contains("Кадры и наставники"))
            let direction = try await c.send(.POST, "/api/v1/programmes/{programmeID}/directions", p, #"{"sectionID":"\#(s["sectionID"]!)","title":"Наставники"}"#)
            #expect(direction.status == .created && direction.body.string.contains(#""code":"1.1""#))
            let d = ["directionID": try id(direction)]
            #expect(try await c.send(.PATCH, "/api/v1/directions/{directionID}", d, #"{"sectionID":"\#(s["sectionID"]!)","title":"Наставничество"}"#).status == .ok)
            let badTask = try await c.send(.POST, "/api/v1/programmes/{programmeID}/tasks", p, #"{"directionID":"\#(d["directionID"]!)","text":"Пары","firstYear":2020,"lastYear":2023}"#)
            #expect(badTask.status == .unprocessableEntity && badTask.body.string.contains("внутри периода программы 2023–2025"))
            let task = try await c.send(.POST, "/api/v1/programmes/{programmeID}/tasks", p, #"{"directionID":"\#(d["directionID"]!)","text":"Пары","firstYear":2023,"lastYear":2024}"#)
            #expect(task.status == .created && task.body.string.contains("[2023,2024]"))
            let t = ["taskID": try id(task)]
            #expect(try await c.send(.PATCH, "/api/v1/tasks/{taskID}", t, #"{"text":"Пары наставников","firstYear":2023,"lastYear":2025}"#).status == .ok)

            let outside = try await c.send(.POST, "/api/v1/programmes/{programmeID}/indicators", p,
                                           #"{"title":"Доля","unit":"%","baselineYear":2022,"targets":{"2030":50},"formula":"equalAccess"}"#)
            #expect(outside.status == .unprocessableEntity && outside.body.string.contains("2030"))
            let indicator = try await c.send(.POST, "/api/v1/programmes/{programmeID}/indicators", p,
                                             #"{"title":"Доля","unit":"%","baselineYear":2022,"baseline":10,"targets":{"2023":50,"2025":80.5},"formula":"manual","source":"ЦНППМ"}"#)
            #expect(indicator.status == .created && indicator.body.string.contains(#""formula":"manual""#) && indicator.body.string.contains("80.5"))
            let i = ["indicatorID": try id(indicator)]
            #expect(try await c.send(.PATCH, "/api/v1/indicators/{indicatorID}", i, #"{"title":"Доля школ","unit":"%","baselineYear":2022,"formula":"training"}"#).status == .ok)

            let measure = try await c.send(.POST, "/api/v1/programmes/{programmeID}/measures", p,
                                           #"{"taskID":"\#(t["taskID"]!)","name":"Семинар","deadline":"01.02.2027","level":"municipal"}"#)
            #expect(measure.status == .created && measure.body.string.contains("вне периода программы"))
            let object = try JSONSerialization.jsonObject(with: Data(measure.body.readableBytesView)) as? [String: Any]
            let measureID: String? = (object?["measure"] as? [String: Any])?["id"] as? String
            let m = ["measureID": try #require(measureID.flatMap { UUID(uuidString: $0) })]
            let described = try await c.send(.PUT, "/api/v1/measures/{measureID}/description", m, #"{"name":"Семинар наставников","level":"both"}"#)
            #expect(described.status == .ok && described.body.string.contains("Семинар наставников"))
            #expect(try await c.send(.DELETE, "/api/v1/directions/{directionID}", d).status == .unprocessableEntity)
            for (template, ids) in [("/api/v1/measures/{measureID}", m), ("/api/v1/tasks/{taskID}", t), ("/api/v1/indicators/{indicatorID}", i),
                                    ("/api/v1/directions/{directionID}", d), ("/api/v1/sections/{sectionID}", s)] {
                let r = try await c.send(.DELETE, template, ids)
                #expect(r.status == .noContent, "\(template): \(r.body.string)")
            }
            #expect(try await ProgrammeSection.query(on: app.db).filter(\.$programme.$id == p["programmeID"]!).count() == 0)

            // One active programme at a time; a closed one takes no change.
            #expect(try await c.send(.POST, "/api/v1/programmes/{programmeID}/activate", p).status == .unprocessableEntity)
            let closed = try await c.send(.POST, "/api/v1/programmes/{programmeID}/close", ["programmeID": seed.id!], #"{"reason":"Новая программа"}"#)
            #expect(closed.status == .ok && closed.body.string.contains(#""status":"closed""#))
            #expect(try await c.send(.POST, "/api/v1/programmes/{programmeID}/activate", p).status == .ok)
            let late = try await c.send(.POST, "/api/v1/programmes/{programmeID}/sections", ["programmeID": seed.id!], #"{"title":"Поздно"}"#)
            #expect(late.status == .forbidden && late.headers.contentType?.subType == "problem+json")
            let spare = try await c.send(.POST, "/api/v1/programmes", [:], #"{"start":"template","firstYear":2026,"lastYear":2027}"#)
            #expect(spare.status == .created)
            #expect(try await c.send(.DELETE, "/api/v1/programmes/{programmeID}", p).status == .unprocessableEntity)
            #expect(try await c.send(.DELETE, "/api/v1/programmes/{programmeID}", ["programmeID": try id(spare)]).status == .noContent)
            #expect(try await Programme.query(on: app.db).count() == 2)
            // From a file: the downloadable workbook is a whole programme; a file that is not one writes nothing.
            let bad = try await c.send(.POST, "/api/v1/programmes/import?firstYear=2026&lastYear=2027&fileName=plan.xlsx", [:], "не книга")
            #expect(bad.status == .unprocessableEntity && bad.headers.contentType?.subType == "problem+json")
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: c.token)
            let workbook = try ProgrammeImport.templateWorkbook(municipality: "Балаганский район", years: 2026...2027)
            let imported = try await app.testing().sendRequest(.POST, "/api/v1/programmes/import?firstYear=2026&lastYear=2027&fileName=plan.xlsx",
                                                               headers: headers, body: ByteBuffer(bytes: workbook))
            #expect(imported.status == .created && imported.body.string.contains(#""status":"draft""#), "\(imported.body.string)")
            #expect(try await Programme.query(on: app.db).count() == 3)
            #expect(c.called == Self.operations)
        }
    }

    @Test func onlyTheAdminStartsAndOnlyMunicipalStaffEdit() async throws {
        try await withDemoApp { app in
            let seed = try #require(try await Programme.query(on: app.db).first())
            let section = try #require(try await ProgrammeSection.query(on: app.db).filter(\.$programme.$id == seed.id!).first())
            var methodist = Client(app: app, token: try await Fixtures.apiToken(for: "metodist", app))
            #expect(try await methodist.send(.POST, "/api/v1/programmes", [:], #"{"start":"empty","firstYear":2023,"lastYear":2025,"name":"Нет"}"#).status == .forbidden)
            #expect(try await methodist.send(.POST, "/api/v1/programmes/{programmeID}/close", ["programmeID": seed.id!], "{}").status == .forbidden)
            #expect(try await methodist.send(.PATCH, "/api/v1/sections/{sectionID}", ["sectionID": section.id!], #"{"title":"Можно"}"#).status == .ok)
            for login in ["biritskaya", "observer"] {
                var client = Client(app: app, token: try await Fixtures.apiToken(for: login, app))
                #expect(try await client.send(.PATCH, "/api/v1/sections/{sectionID}", ["sectionID": section.id!], #"{"title":"Взлом"}"#).status == .forbidden)
                #expect(try await client.send(.DELETE, "/api/v1/sections/{sectionID}", ["sectionID": section.id!]).status == .forbidden)
            }
            #expect(try await ProgrammeSection.find(section.id, on: app.db)?.title == "Можно")
            #expect(try await Programme.query(on: app.db).count() == 1)
        }
    }
}
