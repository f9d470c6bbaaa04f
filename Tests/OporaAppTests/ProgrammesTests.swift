import Fluent
@testable import OporaApp
import OporaDomain
import Testing
import Vapor
import VaporTesting

/// A municipality's programmes over time, through the programmes page: the demo's 2020–2022
/// programme is active on 01.03.2021.
@Suite struct ProgrammesTests {
    func count(_ app: Application) async throws -> Int { try await Programme.query(on: app.db).count() }

    @Test func aDraftFromTheTemplateIsStartedActivatedAfterTheOldOneClosesAndTheClosedOneIsReadOnly() async throws {
        try await withDemoApp { app in
            var admin = WebClient(app)
            try await admin.login("admin")
            let seed = try #require(try await Programme.query(on: app.db).first())
            #expect(seed.status == .active)
            let list = try await admin.get("/programmes")
            #expect(list.status == .ok && list.body.contains("Действует") && list.body.contains("2020–2022"))

            // A draft for 2023–2025 from the template: the template's 46 measures, moved to its years.
            let created = try await admin.post("/programmes/new", form: [("start", "template"), ("first_year", "2023"), ("last_year", "2025"), ("name", "")])
            #expect(created.status == .seeOther)
            #expect(try await count(app) == 2)
            let draft = try #require(try await Programme.query(on: app.db).filter(\.$status == .draft).first())
            #expect(draft.startYear == 2023 && draft.endYear == 2025 && draft.name.contains("на 2023-2025 годы"))
            let measures = try await Measure.query(on: app.db).filter(\.$programme.$id == draft.id!).all()
            #expect(measures.count == 46 && measures.allSatisfy { (2023...2025).contains($0.year) })
            // The pages now show the draft (it was just made): the plan names its years.
            let plan = try await admin.get("/plan")
            #expect(plan.body.contains("2023") && !plan.body.contains("2020 год"))
            #expect(plan.body.contains("2023–2025 · Черновик"))

            // Periods that overlap, are too long or run backwards are refused and change nothing.
            for (first, last, words) in [("2022", "2024", "пересекается"), ("2026", "2036", "не больше 10 лет"), ("2030", "2029", "не может быть раньше")] {
                let refused = try await admin.post("/programmes/new", form: [("start", "template"), ("first_year", first), ("last_year", last), ("name", "")])
                #expect(refused.status == .unprocessableEntity && refused.body.contains(words))
                #expect(refused.body.contains("value=\"\(first)\""))
            }
            let unnamed = try await admin.post("/programmes/new", form: [("start", "empty"), ("first_year", "2026"), ("last_year", "2026"), ("name", " ")])
            #expect(unnamed.status == .unprocessableEntity && unnamed.body.contains("Назовите программу"))
            #expect(try await count(app) == 2)

            // A second active programme is refused while the first runs.
            let second = try await admin.post("/programmes/\(draft.id!.uuidString)/activate", form: [])
            #expect(second.status == .unprocessableEntity && second.body.contains("Уже действует программа"))

            // Closing before the period's end needs a reason.
            let early = try await admin.post("/programmes/\(seed.id!.uuidString)/close", form: [("reason", "")])
            #expect(early.status == .unprocessableEntity && early.body.contains("укажите, почему"))
            let closed = try await admin.post("/programmes/\(seed.id!.uuidString)/close", form: [("reason", "Принята новая программа")])
            #expect(closed.status == .seeOther)
            let reloaded = try #require(try await Programme.find(seed.id, on: app.db))
            #expect(reloaded.status == .closed && reloaded.closedOn == "2021-03-01" && reloaded.closeReason == "Принята новая программа")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "programme.close").count() == 1)
            #expect(try await admin.post("/programmes/\(draft.id!.uuidString)/activate", form: []).status == .seeOther)
            #expect(try await Programme.find(draft.id, on: app.db)?.status == .active)

            // Nothing of the closed programme changes any more, but it stays readable.
            var methodist = WebClient(app)
            try await methodist.login("metodist")
            let old = try #require(try await Measure.query(on: app.db).filter(\.$programme.$id == seed.id!).filter(\.$school.$id == nil).first())
            _ = try await methodist.get("/measures/\(old.id!.uuidString)")
            let change = try await methodist.postMultipart("/measures/\(old.id!.uuidString)", form: [("status", "inProgress")], file: nil)
            #expect(change.status == .forbidden)
            #expect(try await Measure.find(old.id, on: app.db)?.status == old.status)
            #expect(try await methodist.get("/measures/\(old.id!.uuidString)").status == .ok)
        }
    }

    @Test func onlyTheAdminStartsActivatesOrClosesAProgramme() async throws {
        try await withDemoApp { app in
            let seed = try #require(try await Programme.query(on: app.db).first())
            for login in ["metodist", "biritskaya", "observer"] {
                var client = WebClient(app)
                try await client.login(login)
                #expect(try await client.get("/programmes").status == .ok)
                let create = try await client.post("/programmes/new", form: [("start", "template"), ("first_year", "2023"), ("last_year", "2025")])
                #expect(create.status == .forbidden)
                let close = try await client.post("/programmes/\(seed.id!.uuidString)/close", form: [("reason", "—")])
                #expect(close.status == .forbidden)
            }
            #expect(try await count(app) == 1)
            #expect(try await Programme.find(seed.id, on: app.db)?.status == .active)
        }
    }

    @Test func aSuccessorTakesThePlanTheLastTargetsAsBaselinesAndOnlyTheMeasuresCarriedOver() async throws {
        try await withDemoApp { app in
            var admin = WebClient(app)
            try await admin.login("admin")
            let seed = try #require(try await Programme.query(on: app.db).first())
            let unfinished = try await Programmes.unfinished(seed, on: app.db)
            #expect(unfinished.count >= 2)
            let page = try await admin.get("/programmes")
            #expect(page.body.contains("carry_\(unfinished[0].id!.uuidString)"))
            let carried = Array(unfinished.prefix(2))
            let created = try await admin.post("/programmes/new", form: [("start", "previous"), ("first_year", "2023"), ("last_year", "2025"), ("name", "")]
                                               + carried.map { ("carry_\($0.id!.uuidString)", "1") })
            #expect(created.status == .seeOther)
            let next = try #require(try await Programme.query(on: app.db).filter(\.$status == .draft).first())
            #expect(next.name.contains("на 2023-2025 годы"))
            let measures = try await Measure.query(on: app.db).filter(\.$programme.$id == next.id!).all()
            // Only the two carried over, moved three years on: 2020 → 2023.
            #expect(Set(measures.map(\.name)) == Set(carried.map(\.name)))
            #expect(measures.allSatisfy { $0.year == 2023 && $0.status == .planned })
            // The plan's structure comes whole.
            let oldPlan = try await ProgrammePlan.fetch(seed, on: app.db), newPlan = try await ProgrammePlan.fetch(next, on: app.db)
            #expect(newPlan.sections.count == oldPlan.sections.count)
            #expect(newPlan.sections.flatMap(\.directions).map(\.code) == oldPlan.sections.flatMap(\.directions).map(\.code))
            // Indicator 1 aimed at 100 % in 2022: that is its baseline now, held in every new year.
            let i1 = try #require(newPlan.indicators.first { $0.number == 1 })
            #expect(oldPlan.indicators.first { $0.number == 1 }?.targets[2022] == 100)
            #expect(i1.baselineYear == 2022 && i1.baseline == 100 && i1.targets == [2023: 100, 2024: 100, 2025: 100])
        }
    }
}
