import Fluent
import Foundation
@testable import OporaApp
import OporaDomain
import Testing
import Vapor
import VaporTesting

/// Issue 14's story, on a fresh `opora setup` database with today's real clock: a new district writes
/// its own 2025–2027 programme, runs it, reports on 2026, closes it and starts the next from it.
@Suite struct ProgrammeStoryTests {
    static let district = "Усть-Удинский район"

    static let schools = """
        code,name,short_name,settlement,type,distance_km
        ud-01,МБОУ Аносовская СОШ,Аносовская СОШ,с. Аносово,СОШ,40
        ud-02,МБОУ Усть-Удинская СОШ № 1,Усть-Удинская СОШ № 1,п. Усть-Уда,СОШ,0
        ud-03,МБОУ Молькинская СОШ,Молькинская СОШ,с. Молька,СОШ,55
        ud-04,МБОУ Усть-Удинская СОШ № 2,Усть-Удинская СОШ № 2,п. Усть-Уда,СОШ,0

        """

    /// ВПР of 2023 and 2024: ud-01 and ud-03 fail half of their pupils both years (НРО in 2024), the others a few.
    static var results: String {
        var lines = ["year,kind,grade,subject,school_code,participants,fails"]
        for year in [2023, 2024] {
            for grade in 4...8 {
                for subject in ["математика", "русский язык"] {
                    for (code, fails) in [("ud-01", 10), ("ud-02", 1), ("ud-03", 9), ("ud-04", 2)] {
                        lines.append("\(year),vpr,\(grade),\(subject),\(code),20,\(fails)")
                    }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func load(_ client: inout WebClient, _ kind: String, _ name: String, _ csv: String) async throws {
        let preview = try await client.postMultipart("/imports", form: [("kind", kind)], file: ("file", name, Array(csv.utf8)))
        let confirm = try #require(WebClient.firstMatch(in: preview.body, #"action="(/imports/[0-9A-F-]+/confirm)""#), "\(preview.body.prefix(400))")
        #expect(try await client.post(confirm, form: []).status == .seeOther)
    }

    @Test func aNewDistrictWritesRunsClosesAndSucceedsItsOwnProgramme() async throws {
        let today = Day(Date(), timeZone: AppConfig.municipalTimeZone)
        try await withDemoApp(today: today, seed: false) { app in
            _ = try await Launcher.setup(app, region: "Иркутская область", municipality: Self.district)
            _ = try await Launcher.addUser(app, login: "ud-admin", fullName: "Администратор района", role: .admin, schoolCode: nil,
                                           municipalityName: Self.district, password: "пароль-для-теста-1")
            var admin = WebClient(app)
            try await admin.login("ud-admin", password: "пароль-для-теста-1")

            // The draft `setup` made is for other years: it goes, and 2025–2027 starts from the template.
            let setupDraft = try #require(try await Programme.query(on: app.db).first())
            #expect(try await admin.post("/programmes/\(setupDraft.id!.uuidString)/delete", form: []).status == .seeOther)
            #expect(try await admin.post("/programmes/new", form: [("start", "template"), ("first_year", "2025"), ("last_year", "2027"), ("name", "")]).status == .seeOther)
            let programme = try #require(try await Programme.query(on: app.db).first())
            #expect(programme.years == 2025...2027 && programme.name.contains(Self.district))

            // Renamed, a measure edited, one added, an unused one deleted, indicator targets set.
            var passport = ProgrammeEditing.passportValues(try await ProgrammePlan.fetch(programme, on: app.db))
            passport["name"] = "Программа поддержки школ Усть-Удинского района на 2025–2027 годы"
            #expect(try await admin.post("/programme/edit/passport", form: passport.map { ($0.key, $0.value) }).status == .seeOther)
            let measures = try await Measure.query(on: app.db).filter(\.$programme.$id == programme.id!).sort(\.$sectionNumber).sort(\.$ordinal).all()
            #expect(try await admin.post("/measures/\(measures[0].id!.uuidString)/describe",
                                         form: [("name", "Анализ результатов ВПР 2024 года"), ("product", "Аналитическая справка"), ("level", "municipal")]).status == .seeOther)
            #expect(try await admin.post("/measures/\(measures[1].id!.uuidString)/delete", form: []).status == .seeOther)
            let task = try #require(try await YearTask.find(measures[2].$task.id, on: app.db))
            #expect(try await admin.post("/programme/edit/measure", form: [("task_id", task.id!.uuidString), ("name", "Выездной семинар в Аносово"),
                                                                          ("deadline", "15.10.2026"), ("level", "both")]).status == .seeOther)
            let indicator = try #require(try await Indicator.query(on: app.db).filter(\.$programme.$id == programme.id!).filter(\.$number == 1).first())
            var values = ProgrammeEditing.indicatorValues(try #require(try await ProgrammePlan.fetch(programme, on: app.db).indicators.first), years: [2025, 2026, 2027])
            values["id"] = indicator.id!.uuidString
            (values["target_2025"], values["target_2026"], values["target_2027"]) = ("60", "75", "90")
            #expect(try await admin.post("/programme/edit/indicator", form: values.map { ($0.key, $0.value) }).status == .seeOther)
            let targets = try await IndicatorTarget.query(on: app.db).filter(\.$indicator.$id == indicator.id!).sort(\.$year).all().map(\.value)
            #expect(targets == [60, 75, 90])
            #expect(try await admin.post("/programmes/\(programme.id!.uuidString)/activate", form: []).status == .seeOther)

            // Schools and two years of results; the schools НРО/НСУ in the year before the start take part.
            try await load(&admin, "schools", "schools.csv", Self.schools)
            try await load(&admin, "results", "vpr.csv", Self.results)
            #expect(try await admin.post("/schools/participating", form: []).status == .seeOther)
            let taking = try await Participation.schoolIDs(of: programme.id!, on: app.db)
            let codes = Set(try await School.query(on: app.db).filter(\.$id ~~ Array(taking)).all().map(\.code))
            #expect(codes == ["ud-01", "ud-03"])

            // A measure done with evidence; the 2026 report on the page and in a workbook LibreOffice reads.
            let open = try #require(try await Measure.query(on: app.db).filter(\.$programme.$id == programme.id!).filter(\.$school.$id == nil)
                .filter(\.$name == "Выездной семинар в Аносово").first())
            let done = try await admin.postMultipart("/measures/\(open.id!.uuidString)", form: [
                ("status", "done"), ("completedOn", today.russian), ("completedBy", "Методист района"), ("evidenceLink", "https://ud-obr.ru/seminar"),
            ], file: nil)
            #expect(done.status == .seeOther)
            let report = try await admin.get("/report?year=2026")
            #expect(report.status == .ok && report.body.contains("за 2026 год"))
            if ReportTests.canOpenWorkbooks {
                let xlsx = try await app.testing().sendRequest(.GET, "/report.xlsx?year=2026", headers: ["Cookie": admin.cookie ?? ""])
                let indicators = try ReportTests.csvLines(of: Array(xlsx.body.readableBytesView), sheet: 2)
                #expect(indicators.count == 6 && indicators[0].contains("Цель 2026"))
            }

            // Closed before its end with a reason; the successor from it carries two unfinished measures.
            #expect(try await admin.post("/programmes/\(programme.id!.uuidString)/close", form: [("reason", "Переход на новую программу")]).status == .seeOther)
            let unfinished = try await Programmes.unfinished(try #require(try await Programme.find(programme.id, on: app.db)), on: app.db)
            let next = try await admin.post("/programmes/new", form: [("start", "previous"), ("first_year", "2028"), ("last_year", "2030"), ("name", "")]
                                            + unfinished.prefix(2).map { ("carry_\($0.id!.uuidString)", "1") })
            #expect(next.status == .seeOther)
            let successor = try #require(try await Programme.query(on: app.db).filter(\.$status == .draft).first())
            #expect(try await Measure.query(on: app.db).filter(\.$programme.$id == successor.id!).count() == 2)

            // No page of the district names the seed's district.
            let stem = String(try #require(try ProgrammeTemplate.balagansky().ownName).nominative.prefix(9))
            for path in ["/", "/programme", "/plan", "/measures", "/programmes", "/programme/edit", "/indicators", "/schools", "/monitoring",
                         "/report?year=2026", "/cycle", "/programmes/\(programme.id!.uuidString)/final-report"] {
                let page = try await admin.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(!page.body.contains(stem), "\(path) names «\(stem)…»")
            }
        }
    }
}
