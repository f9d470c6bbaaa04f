import Fluent
@testable import OporaApp
import OporaDomain
import SQLKit
import Testing
import Vapor
import VaporTesting

/// A school takes part in a programme, not for ever: in the demo's programme and not in its
/// successor until someone says so.
@Suite struct ParticipationTests {
    /// The row of the schools table that names `code`.
    func row(of code: String, in html: String) -> String {
        html.components(separatedBy: "<tr").first { $0.contains(">\(code)</td>") } ?? ""
    }

    @Test func aSchoolTakesPartInOneProgrammeAndNotTheNext() async throws {
        try await withDemoApp(seed: false) { app in
            try await DemoData.seed(app, successor: true)
            let programmes = try await Programme.query(on: app.db).sort(\.$startYear).all()
            let (current, next) = (programmes[0], programmes[1])
            #expect(try await Participation.schoolIDs(of: current.id!, on: app.db).count == 4)
            #expect(try await Participation.schoolIDs(of: next.id!, on: app.db).isEmpty)

            // The admin shows the draft and marks bal-07 as taking part: in the draft only, with its plan there.
            var admin = WebClient(app)
            try await admin.login("admin")
            #expect(try await admin.post("/programmes/\(next.id!.uuidString)/choose", form: []).status == .seeOther)
            let school = try await Fixtures.school("bal-07", app)
            let edit = try await admin.get("/schools/\(school.id!.uuidString)/edit")
            #expect(edit.body.contains("Участвует в программе «\(HTMLEscape.text(next.name))»"))
            let saved = try await admin.post("/schools/\(school.id!.uuidString)/edit",
                                             form: [("name", school.name), ("shortName", school.shortName), ("type", school.type ?? ""), ("participating", "1")])
            #expect(saved.status == .seeOther)
            #expect(try await Participation.schoolIDs(of: next.id!, on: app.db) == [school.id!])
            #expect(!(try await Participation.schoolIDs(of: current.id!, on: app.db).contains(school.id!)))
            let plan = try await Measure.query(on: app.db).filter(\.$programme.$id == next.id!).filter(\.$school.$id == school.id!).count()
            #expect(plan == 2)
            #expect(try await Measure.query(on: app.db).filter(\.$programme.$id == current.id!).filter(\.$school.$id == school.id!).count() == 0)
            #expect(try await row(of: "bal-07", in: admin.get("/schools").body).contains("\">да</td>"))

            // Back on the running programme the list does not name it; the closed programme's list cannot change.
            #expect(try await admin.post("/programmes/\(current.id!.uuidString)/choose", form: []).status == .seeOther)
            #expect(try await row(of: "bal-07", in: admin.get("/schools").body).contains("\">нет</td>"))
            #expect(try await admin.post("/programmes/\(current.id!.uuidString)/close", form: [("reason", "Проверка")]).status == .seeOther)
            let birit = try await Fixtures.school("bal-03", app)
            let closedEdit = try await admin.get("/schools/\(birit.id!.uuidString)/edit")
            #expect(closedEdit.body.contains("список её участников не меняется") && !closedEdit.body.contains("f-participating"))
            _ = try await admin.post("/schools/\(birit.id!.uuidString)/edit", form: [("name", birit.name), ("shortName", birit.shortName)])
            #expect(try await Participation.schoolIDs(of: current.id!, on: app.db).contains(birit.id!))
        }
    }

    @Test func theMigrationCarriesTheOldMarkAndThePlansOver() async throws {
        try await withDemoApp { app in
            let programme = try #require(try await Programme.query(on: app.db).first())
            let before = try await Participation.schoolIDs(of: programme.id!, on: app.db)
            // Back to the school's own mark, as a database of the version before has it: bal-07 marked, without a plan yet.
            try await M015CreateProgrammeSchools().revert(on: app.db)
            let sql = app.db as! any SQLDatabase
            let marked = try await Fixtures.school("bal-07", app)
            try await sql.update(School.schema).set("participating", to: true).where("id", .equal, marked.id!).run()
            try await M015CreateProgrammeSchools().prepare(on: app.db)
            #expect(try await Participation.schoolIDs(of: programme.id!, on: app.db) == before.union([marked.id!]))
        }
    }
}
