import Fluent
import Foundation
@testable import OporaApp
import OporaDomain
import Testing
import Vapor
import VaporTesting

@Suite struct IndicatorsTests {
    func load(_ app: Application) async throws -> IndicatorData {
        try await IndicatorData.load(try await Programme.query(on: app.db).first()!, cache: app.monitoringCache, on: app.db)
    }

    @Test func everyIndicatorHasADemoValueEachYearAndSomeTargetsAreMissed() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            let d = try await load(app)
            var achieved: [Bool] = []
            for n in 1...5 {
                for y in 2020...2022 {
                    let v = d.value(n, y)
                    #expect(v.value != nil, "indicator \(n), \(y)")
                    if let a = IndicatorAssessment.achieved(value: v.value, target: d.targets[n]?[y]) { achieved.append(a) }
                }
            }
            #expect(achieved.contains(true))
            #expect(achieved.contains(false))
        }
    }

    @Test func valuesEqualWhatTheStoredRowsGiveByHand() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            // setup: the participating schools and their rows, read straight from the tables
            let d = try await load(app)
            let participating = try await Fixtures.participants(app)
            let ids = participating.compactMap(\.id)
            #expect(ids.count == 4)
            for year in 2020...2022 {
                // 3: Σ passed / Σ participants of ГИА
                let gia = try await GIAOutcomeRecord.query(on: app.db).filter(\.$school.$id ~~ ids).filter(\.$year == year).all()
                let giaShare = 100 * Double(gia.map(\.passed).reduce(0, +)) / Double(gia.map(\.participants).reduce(0, +))
                #expect(abs(d.value(3, year).value! - giaShare) < 1e-9)
                // 5: Σ filled / Σ positions of pedagogical positions
                let positions = try await StaffPositionRecord.query(on: app.db).filter(\.$school.$id ~~ ids).filter(\.$year == year)
                    .filter(\.$pedagogical == true).all()
                let staffing = 100 * positions.map { min($0.filled, $0.positions) }.reduce(0, +) / positions.map(\.positions).reduce(0, +)
                #expect(abs(d.value(5, year).value! - staffing) < 1e-9)
                // 1: schools with every checklist item available
                let entries = try await ChecklistEntryRecord.query(on: app.db).filter(\.$school.$id ~~ ids).filter(\.$year == year).all()
                let items = d.inputs.checklistItems
                let complete = ids.filter { id in items.allSatisfy { item in entries.contains { $0.$school.id == id && $0.item == item && $0.available } } }
                #expect(abs(d.value(1, year).value! - 100 * Double(complete.count) / 4) < 1e-9)
                // every value: the numerator is what its counted rows add up to
                for n in [1, 2, 4] {
                    let v = d.value(n, year)
                    #expect(v.breakdown.map(\.numerator).reduce(0, +) == v.numerator)
                    #expect(v.breakdown.map(\.denominator).reduce(0, +) == v.denominator)
                }
                let v2 = d.value(2, year)
                #expect(Double(Set(v2.sources.filter { $0.counted && $0.kind == .teacher }.map(\.id)).count) == v2.numerator)
            }
        }
    }

    @Test func pagesShowValuesAndTheRowsBehindThem() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            var client = WebClient(app)
            try await client.login("metodist")
            let list = try await client.get("/indicators")
            #expect(list.status == .ok)
            #expect(list.body.contains("Результативность муниципальной программы"))
            #expect(list.body.contains("<svg"))
            let detail = try await client.get("/indicators/3/2021")
            #expect(detail.status == .ok)
            #expect(detail.body.contains("Строки, из которых посчитано"))
            #expect(detail.body.contains("Биритская СОШ"))
            let home = try await client.get("/")
            #expect(home.body.contains("Целевые индикаторы, 2022 год"))
            #expect(try await client.get("/indicators/9/2021").status == .notFound)
        }
    }

    @Test func aSchoolUserSeesOnlyTheOwnBreakdown() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            var school = WebClient(app)
            try await school.login("biritskaya")
            let list = try await school.get("/indicators")
            #expect(list.status == .ok)
            #expect(list.body.contains("Вклад вашей школы"))
            let detail = try await school.get("/indicators/5/2021")
            #expect(detail.body.contains("Биритская СОШ"))
            #expect(!detail.body.contains("Кумарейская СОШ"))
            #expect(!detail.body.contains("Значение: "))
            #expect(try await school.get("/report").status == .forbidden)
            #expect(try await school.get("/report.xlsx?year=2021").status == .forbidden)
            #expect(try await school.post("/indicators/3/2021/manual", form: [("value", "99"), ("source", "x"), ("reason", "y")]).status == .forbidden)
        }
    }

    @Test func aValueEnteredByHandIsShownAsSuchWithItsSource() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            var client = WebClient(app)
            try await client.login("metodist")
            _ = try await client.get("/indicators/3/2020")
            let refused = try await client.post("/indicators/3/2020/manual", form: [("value", "120"), ("source", ""), ("reason", "нет данных")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("value=\"нет данных\""))
            let saved = try await client.post("/indicators/3/2020/manual", form: [("value", "81,5"), ("source", "Отчёт РЦОКО"), ("reason", "Данные ГИА не загружены")])
            #expect(saved.status == .seeOther)
            let page = try await client.get("/indicators/3/2020")
            #expect(page.body.contains("Введено вручную: 81,5 %. Источник: Отчёт РЦОКО."))
            let computed = try await load(app).value(3, 2020).value!
            #expect(computed != 81.5)
        }
    }

    @Test func aTeacherFormRowIsCheckedLikeAnImportedOne() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            let own = try await Fixtures.school("bal-03", app)
            var client = WebClient(app)
            try await client.login("biritskaya")
            _ = try await client.get("/schools/\(own.id!.uuidString)/data")
            let path = "/schools/\(own.id!.uuidString)/data/teachers"
            let bad = try await client.post(path, form: [("teacher_code", "N-1"), ("name", "Новикова Н. Н."), ("position", "учитель"), ("employed_from", "32.13.2020")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("value=\"Новикова Н. Н.\""))
            let good = try await client.post(path, form: [("teacher_code", "N-1"), ("name", "Новикова Н. Н."), ("position", "учитель"), ("employed_from", "01.09.2020")])
            #expect(good.status == .seeOther)
            #expect(try await TeacherRecord.query(on: app.db).filter(\.$teacherCode == "N-1").count() == 1)
            let other = try await Fixtures.school("bal-04", app)
            #expect(try await client.post("/schools/\(other.id!.uuidString)/data/teachers", form: [("teacher_code", "X"), ("name", "X"), ("position", "X")]).status == .forbidden)
        }
    }
}

@Suite struct ReportTests {
    static var soffice: String? {
        ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// CI sets OPORA_REQUIRE_LIBREOFFICE, so a missing LibreOffice fails there instead of skipping.
    static var canOpenWorkbooks: Bool { soffice != nil || ProcessInfo.processInfo.environment["OPORA_REQUIRE_LIBREOFFICE"] == "1" }

    /// One sheet (counted from 1) of a workbook as LibreOffice reads it: CSV lines of raw values.
    static func csvLines(of workbook: [UInt8], sheet: Int) throws -> [String] {
        let soffice = try #require(ReportTests.soffice, "LibreOffice is not installed")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("opora-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("report.xlsx")
        try Data(workbook).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = ["-env:UserInstallation=file://\(dir.path)/profile", "--headless", "--convert-to",
                             "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,\(sheet)", "--outdir", dir.path, file.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let csvFile = try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasSuffix(".csv") }
        let csv = try String(contentsOf: dir.appendingPathComponent(try #require(csvFile)), encoding: .utf8)
        return csv.split(separator: "\n").map(String.init)
    }

    @Test(.enabled(if: ReportTests.canOpenWorkbooks)) func theWorkbookOpensInLibreOfficeWithNumbersAsNumbers() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            // setup
            var client = WebClient(app)
            try await client.login("observer")
            // act
            let r = try await app.testing().sendRequest(.GET, "/report.xlsx?year=2021", headers: ["Cookie": client.cookie ?? ""])
            #expect(r.status == .ok)
            // check: the indicators sheet, raw values: percents as fractions, counts as numbers
            let lines = try ReportTests.csvLines(of: Array(r.body.readableBytesView), sheet: 2)
            #expect(lines.count == 6)
            #expect(lines[0].hasPrefix("№,Целевой индикатор"))
            let d = try await IndicatorData.load(try await Programme.query(on: app.db).first()!, cache: app.monitoringCache, on: app.db)
            let row3 = lines[3].components(separatedBy: ",")
            #expect(row3[0] == "3")
            // LibreOffice writes a percent-formatted number as «85%» or «84.6%»: a number, not text
            let cell = row3[row3.count - 5]
            #expect(cell.hasSuffix("%"))
            let percent = try #require(Double(cell.dropLast()))
            #expect(abs(percent - d.value(3, 2021).value!) < 0.05 + 1e-9)
            #expect(Double(row3[row3.count - 4]) == d.value(3, 2021).numerator)
        }
    }

    @Test func theCommandWritesTheSameWorkbookAndThePrintPageHasEveryPart() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            let bytes = try await Launcher.report(app, year: 2021, municipalityName: nil)
            #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
            var client = WebClient(app)
            try await client.login("admin")
            let page = try await client.get("/report?year=2021")
            for part in ["1. Паспорт программы", "2. Целевые индикаторы", "3. Выполнение мероприятий по разделам",
                         "4. Выполнение мероприятий по планам школ", "5. Просроченные мероприятия", "6. Категории школ"] {
                #expect(page.body.contains(part), "\(part)")
            }
        }
    }
}
