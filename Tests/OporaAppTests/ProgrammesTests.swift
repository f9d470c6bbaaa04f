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

    @Test func theDemoShowsItsProgrammeAndADraftSuccessorMadeFromIt() async throws {
        try await withDemoApp(seed: false) { app in
            try await DemoData.seed(app, successor: true)
            let programmes = try await Programme.query(on: app.db).sort(\.$startYear).all()
            #expect(programmes.map(\.status) == [.active, .draft])
            #expect(programmes.map(\.startYear) == [2020, 2023] && programmes[1].endYear == 2025)
            #expect(programmes[1].name.contains("на 2023-2025 годы") && programmes[1].name.contains("Балаганский район"))
            let carried = try await Measure.query(on: app.db).filter(\.$programme.$id == programmes[1].id!).all()
            #expect(carried.count == 2 && carried.allSatisfy { $0.year == 2023 && $0.$school.id == nil })
            let formulas = try await Indicator.query(on: app.db).filter(\.$programme.$id == programmes[1].id!).sort(\.$number).all().map(\.formula)
            #expect(formulas == IndicatorFormula.allCases.map { Optional($0) })
            // The pages show the active programme until the draft is chosen.
            var methodist = WebClient(app)
            try await methodist.login("metodist")
            let home = try await methodist.get("/")
            #expect(home.body.contains("2020–2022 · Действует"))
            let list = try await methodist.get("/programmes")
            #expect(list.body.contains("2023–2025") && list.body.contains("Черновик"))
        }
    }

    @Test func theOpenPageShowsOnlyMunicipalitiesThatSwitchedItOnAndOnlyTheirActiveProgramme() async throws {
        try await withDemoApp { app in
            var visitor = WebClient(app)
            #expect(try await visitor.get("/public").status == .ok)
            // A second municipality with an active programme: its page is off until its admin switches it on.
            let demo = try #require(try await Municipality.query(on: app.db).first())
            let other = Municipality(regionID: demo.$region.id, name: "Усть-Удинский район", isDemo: false)
            try await other.create(on: app.db)
            let template = try ProgrammeTemplate.balagansky().adapted(to: other.name, years: 2021...2023)
            try await ProgrammeInstaller.install(template, municipalityID: other.id!, status: .active, on: app.db)
            #expect(other.publicPage == false)
            let hidden = try await visitor.get("/public?municipality=\(other.id!.uuidString)")
            #expect(hidden.status == .notFound && hidden.body.contains("её не включили"))
            let only = try await visitor.get("/public")
            #expect(only.status == .ok && only.body.contains("Балаганский район") && !only.body.contains("Усть-Удинск"))

            // The methodist may not switch it; the admin switches the demo's page off, and nothing of it stays open.
            var methodist = WebClient(app)
            try await methodist.login("metodist")
            #expect(try await methodist.post("/programmes/public-page", form: [("on", "0")]).status == .forbidden)
            var admin = WebClient(app)
            try await admin.login("admin")
            #expect(try await admin.get("/programmes").body.contains("Выключить открытую страницу"))
            #expect(try await admin.post("/programmes/public-page", form: [("on", "0")]).status == .seeOther)
            #expect(try await Municipality.find(demo.id, on: app.db)?.publicPage == false)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "municipality.publicPage").count() == 1)
            let off = try await visitor.get("/public")
            #expect(off.status == .notFound && off.body.contains("Открытых страниц программ пока нет"))
            let practice = try #require(try await Practice.query(on: app.db).filter(\.$isPublic == true).first())
            #expect(try await visitor.get("/public/practices/\(practice.id!.uuidString)").status == .notFound)

            // Both open: the visitor chooses; each page shows its own municipality only.
            other.publicPage = true
            try await other.save(on: app.db)
            #expect(try await admin.post("/programmes/public-page", form: [("on", "1")]).status == .seeOther)
            let list = try await visitor.get("/public")
            #expect(list.status == .ok && list.body.contains("Выберите муниципалитет") && list.body.contains("Усть-Удинский район"))
            let theirs = try await visitor.get("/public?municipality=\(other.id!.uuidString)")
            #expect(theirs.status == .ok && theirs.body.contains("Усть-Удинский район") && !theirs.body.contains("Балаганск"))
        }
    }
}
