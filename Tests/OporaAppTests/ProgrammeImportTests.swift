import Fluent
import Foundation
@testable import OporaApp
import OporaDomain
import Testing
import Vapor
import VaporTesting

/// A programme started from files through the programmes page: the demo's 2020–2022 programme is
/// active, so files are read for 2023–2025.
@Suite struct ProgrammeImportTests {
    static let form = [("first_year", "2023"), ("last_year", "2025"), ("name", "Программа из файла")]

    /// The seed adapted to the new period: what a municipality's document for 2023–2025 holds.
    static func seed() throws -> ProgrammeTemplate { try ProgrammeTemplate.balagansky().adapted(to: "Балаганский район", years: 2023...2025) }

    /// Tables as a web page (a run of equal cells is one spanning cell, as Word merges them), made
    /// a DOCX by LibreOffice.
    static func docx(_ tables: [ProgrammeFile.Table]) throws -> [UInt8] {
        func escaped(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        var html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
        for table in tables {
            for p in table.before { html += "<p>\(escaped(p))</p>" }
            html += "<table border=\"1\">"
            for row in table.rows {
                html += "<tr>"
                var i = 0
                while i < row.count {
                    var span = 1
                    while !row[i].isEmpty && i + span < row.count && row[i + span] == row[i] { span += 1 }
                    html += "<td\(span > 1 ? " colspan=\"\(span)\"" : "")>\(escaped(row[i]))</td>"
                    i += span
                }
                html += "</tr>"
            }
            html += "</table><p>Подпись</p>"
        }
        html += "</body></html>"
        return try convert(Data(html.utf8), from: "programme.html", to: "docx:MS Word 2007 XML", filter: "HTML (StarWriter)")
    }

    /// A file converted by LibreOffice, as a user's office program saves it.
    static func convert(_ data: Data, from name: String, to format: String, filter: String? = nil) throws -> [UInt8] {
        let soffice = try #require(ReportTests.soffice, "LibreOffice is not installed")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("opora-programme-\(UUID().uuidString)")
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(name)
        try data.write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = ["-env:UserInstallation=file://\(dir.path)/profile", "--headless"] + (filter.map { ["--infilter=\($0)"] } ?? [])
            + ["--convert-to", format, "--outdir", out.path, file.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let converted = try #require(try FileManager.default.contentsOfDirectory(atPath: out.path).first)
        return Array(try Data(contentsOf: out.appendingPathComponent(converted)))
    }

    /// A workbook of the given sheets, written by Opora's own writer.
    static func workbook(_ sheets: [(sheet: ProgrammeFile.Sheet, rows: [[String]])]) throws -> [UInt8] {
        try XLSXWriter.workbook(sheets.map { sheet, rows in
            XLSXSheet(name: sheet.rawValue, columns: rows[0].map { XLSXColumn(title: $0, width: 20) }, rows: rows.dropFirst().map { $0.map { .text($0) } })
        })
    }

    /// Whether LibreOffice can write documents (Writer is a package of its own). CI sets
    /// OPORA_REQUIRE_LIBREOFFICE and installs Writer, so a missing one fails there instead of skipping.
    static var canWriteDocuments: Bool {
        ReportTests.soffice != nil && ["/usr/lib/libreoffice/program/libswlo.so", "/usr/lib64/libreoffice/program/libswlo.so"]
            .contains { FileManager.default.fileExists(atPath: $0) }
            || ProcessInfo.processInfo.environment["OPORA_REQUIRE_LIBREOFFICE"] == "1"
    }

    /// Tables as Word writes them: a run of equal cells is one cell spanning the grid (`w:gridSpan`),
    /// and the first two columns' cells left empty under a direction or task continue its vertical
    /// merge (`w:vMerge`), as in the seed's document.
    static func wordDocx(_ tables: [ProgrammeFile.Table]) throws -> [UInt8] {
        func escaped(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        func paragraph(_ s: String) -> String { "<w:p><w:r><w:t xml:space=\"preserve\">\(escaped(s))</w:t></w:r></w:p>" }
        var body = ""
        for table in tables {
            body += table.before.map(paragraph).joined()
            let isHeading = table.rows.map { row in row.allSatisfy { $0 == row[0] } && !row[0].isEmpty }
            var continues = table.rows.map { _ in [false, false] }
            for (r, row) in table.rows.enumerated() where r > 0 && !isHeading[r] && !isHeading[r - 1] {
                for c in 0..<2 where row[c].isEmpty && (!table.rows[r - 1][c].isEmpty || continues[r - 1][c]) { continues[r][c] = true }
            }
            body += "<w:tbl>"
            for (r, row) in table.rows.enumerated() {
                body += "<w:tr>"
                var i = 0
                while i < row.count {
                    var span = 1
                    while !row[i].isEmpty && i + span < row.count && row[i + span] == row[i] { span += 1 }
                    var properties = span > 1 ? "<w:gridSpan w:val=\"\(span)\"/>" : ""
                    if i < 2 && span == 1 {
                        if continues[r][i] { properties += "<w:vMerge/>" }
                        else if r + 1 < table.rows.count && continues[r + 1][i] { properties += "<w:vMerge w:val=\"restart\"/>" }
                    }
                    body += "<w:tc><w:tcPr>\(properties)</w:tcPr>\(paragraph(row[i]))</w:tc>"
                    i += span
                }
                body += "</w:tr>"
            }
            body += "</w:tbl>" + paragraph("Подпись")
        }
        return try minimalDocx(body)
    }

    /// A DOCX of nothing but `body` (WordprocessingML paragraphs and tables).
    static func minimalDocx(_ body: String) throws -> [UInt8] {
        try XLSXWriter.zipped([("word/document.xml", #"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"# + body + "</w:body></w:document>")])
    }

    static func cells(_ texts: [String]) -> String {
        "<w:tr>" + texts.map { "<w:tc><w:p><w:r><w:t>\($0)</w:t></w:r></w:p></w:tc>" }.joined() + "</w:tr>"
    }

    func count(_ app: Application) async throws -> Int { try await Programme.query(on: app.db).count() }

    /// Uploads, checks the preview, confirms; answers the draft made.
    func importAndConfirm(_ bytes: [UInt8], name: String, _ app: Application, expecting words: [String]) async throws -> Programme {
        var admin = WebClient(app)
        try await admin.login("admin")
        _ = try await admin.get("/programmes")
        let preview = try await admin.postMultipart("/programmes/import", form: Self.form, file: ("file", name, bytes))
        #expect(preview.status == .ok)
        for word in words { #expect(preview.body.contains(word), "\(word)") }
        #expect(try await count(app) == 1)
        let action = try #require(WebClient.firstMatch(in: preview.body, #"action="(/programmes/import/[^"]+/confirm)""#))
        let created = try await admin.post(action, form: Self.form)
        #expect(created.status == .seeOther)
        #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "programme.create").count() == 1)
        // The file was taken: confirming it again finds nothing.
        #expect(try await admin.post(action, form: Self.form).status == .notFound)
        return try #require(try await Programme.query(on: app.db).filter(\.$status == .draft).first())
    }

    /// The draft's municipal measures, direction by direction, against the template's.
    func expectSameMeasures(_ draft: Programme, as template: ProgrammeTemplate, _ app: Application) async throws {
        #expect(draft.startYear == 2023 && draft.endYear == 2025 && draft.name == "Программа из файла")
        let directions = try await Direction.query(on: app.db).filter(\.$programme.$id == draft.id!).all()
        #expect(directions.map(\.code).sorted() == template.directions.map(\.code).sorted())
        let measures = try await Measure.query(on: app.db).filter(\.$programme.$id == draft.id!).filter(\.$school.$id == nil).all()
        #expect(measures.count == 46)
        for d in template.directions {
            let id = try #require(directions.first { $0.code == d.code }?.id)
            let stored = measures.filter { $0.$direction.id == id }.sorted { $0.ordinal < $1.ordinal }
            #expect(stored.map(\.name) == d.measures.map(\.name), "\(d.code)")
            #expect(stored.map(\.deadline) == d.measures.map { $0.deadline?.iso }, "\(d.code)")
            #expect(stored.map(\.deadlineText) == d.measures.map(\.deadlineText), "\(d.code)")
            #expect(stored.map(\.responsible) == d.measures.map(\.responsible), "\(d.code)")
            #expect(stored.map(\.product) == d.measures.map(\.product), "\(d.code)")
            #expect(stored.map(\.year) == d.measures.map(\.year), "\(d.code)")
        }
    }

    @Test func theSeedsDocumentAsWordWritesItImportsAllFortySixMeasures() async throws {
        let seed = try Self.seed()
        let docx = try Self.wordDocx(ProgrammeFile.appendixTables(of: seed))
        try await withDemoApp { app in
            let draft = try await importAndConfirm(docx, name: "programma.docx", app,
                                                   expecting: ["46 мероприятий", "4 раздела", "17 направлений", "«Отметка о выполнении»", "До 15.08.2023"])
            try await expectSameMeasures(draft, as: seed, app)
        }
    }

    @Test(.enabled(if: canWriteDocuments)) func theSeedsDocumentSavedByLibreOfficeImportsAllFortySixMeasures() async throws {
        let seed = try Self.seed()
        let docx = try Self.docx(ProgrammeFile.appendixTables(of: seed))
        try await withDemoApp { app in
            let draft = try await importAndConfirm(docx, name: "programma.docx", app,
                                                   expecting: ["46 мероприятий", "4 раздела", "17 направлений", "«Отметка о выполнении»", "До 15.08.2023"])
            try await expectSameMeasures(draft, as: seed, app)
        }
    }

    @Test(.enabled(if: ReportTests.canOpenWorkbooks)) func aWorkbookSavedByLibreOfficeImportsTheWholeSeed() async throws {
        let seed = try Self.seed()
        let saved = try Self.convert(Data(try Self.workbook(ProgrammeFile.workbookSheets(of: seed))), from: "programme.xlsx", to: "xlsx:Calc MS Excel 2007 XML")
        try await withDemoApp { app in
            let draft = try await importAndConfirm(saved, name: "programma.xlsx", app, expecting: ["46 мероприятий", "\(seed.indicators.count) индикатор"])
            try await expectSameMeasures(draft, as: seed, app)
            #expect(try await OporaApp.Indicator.query(on: app.db).filter(\.$programme.$id == draft.id!).count() == seed.indicators.count)
        }
    }

    @Test func theDownloadableTemplateReadsBackAsItsExample() async throws {
        try await withDemoApp { app in
            var admin = WebClient(app)
            try await admin.login("admin")
            let page = try await admin.get("/programmes")
            #expect(page.body.contains("Начать из файла (XLSX или DOCX)") && page.body.contains("/programmes/import-template.xlsx?first_year=2023&amp;last_year=2025"))
            let r = try await app.testing().sendRequest(.GET, "/programmes/import-template.xlsx?first_year=2023&last_year=2025", headers: ["Cookie": admin.cookie ?? ""])
            #expect(r.status == .ok)
            let bytes = Array(r.body.readableBytesView)
            let sheets = try #require(try? TableReader.readSheets(bytes).get())
            #expect(Set(sheets.keys) == ["Паспорт", "План", "Мероприятия", "Индикаторы"])
            #expect(sheets["Мероприятия"]?.first == ["Целевые направления", "Задачи", "Наименование мероприятия", "Сроки", "Ответственные", "Продукт/результат", "Уровень", "Год"])
            _ = try await importAndConfirm(bytes, name: "obrazec.xlsx", app, expecting: ["1 раздел", "1 направление", "4 мероприятия", "1 индикатор"])
        }
    }

    @Test func filesWithProblemsAreRefusedWithTheirPlaceAndChangeNothing() async throws {
        let seed = try Self.seed()
        var noIndicators = ProgrammeFile.workbookSheets(of: seed)
        noIndicators.removeLast()
        var noDeadline = ProgrammeFile.workbookSheets(of: seed)
        noDeadline[2].rows = noDeadline[2].rows.map { row in row.enumerated().filter { $0.offset != 3 }.map(\.element) }
        let badDate = try Self.minimalDocx("<w:p><w:r><w:t>2023 год</w:t></w:r></w:p><w:tbl>"
            + Self.cells(["Целевые направления", "Наименование мероприятия", "Сроки"])
            + Self.cells(["1.1 Обучение", "Курсы", "до 31.02.2024"]) + "</w:tbl>")
        let cases: [(String, [UInt8], String)] = [
            ("no-tables.docx", try Self.minimalDocx("<w:p><w:r><w:t>Программа без приложений</w:t></w:r></w:p>"), "В документе не найдено таблиц программы"),
            ("no-sheet.xlsx", try Self.workbook(noIndicators), "В книге нет листа «Индикаторы»"),
            ("no-column.xlsx", try Self.workbook(noDeadline), "нет столбца «Сроки»"),
            ("bad-date.docx", badDate, "даты «31.02.2024» нет в календаре"),
            ("notes.txt", Array("просто текст".utf8), "Это не книга Excel (.xlsx) и не документ Word (.docx)."),
        ]
        try await withDemoApp { app in
            var admin = WebClient(app)
            try await admin.login("admin")
            _ = try await admin.get("/programmes")
            let audit = try await AuditEntry.query(on: app.db).count()
            for (name, bytes, words) in cases {
                let r = try await admin.postMultipart("/programmes/import", form: Self.form, file: ("file", name, bytes))
                #expect(r.status == .unprocessableEntity && r.body.contains(words), "\(name)")
            }
            let badDateAgain = try await admin.postMultipart("/programmes/import", form: Self.form, file: ("file", "bad-date.docx", badDate))
            #expect(badDateAgain.body.contains("Таблица 1, строка 2, столбец «Сроки»") && badDateAgain.body.contains("Ничего не изменено"))
            // A sound file for a period that overlaps the active programme is refused by the period rules.
            let overlap = try await admin.postMultipart("/programmes/import", form: [("first_year", "2022"), ("last_year", "2024"), ("name", "")],
                                                        file: ("file", "obrazec.xlsx", try Self.workbook(ProgrammeFile.workbookSheets(of: seed))))
            #expect(overlap.status == .unprocessableEntity && overlap.body.contains("пересекается"))
            #expect(try await count(app) == 1)
            #expect(try await PendingImport.query(on: app.db).count() == 0)
            #expect(try await AuditEntry.query(on: app.db).count() == audit)
        }
    }

    @Test func aDocumentIsReadWithinTheImportLimits() throws {
        func problem(_ r: Result<[ProgrammeFile.Table], ImportProblems>) -> String? {
            if case .failure(let p) = r { return p.problems.first?.reason } else { return nil }
        }
        // A document of a few kilobytes that unpacks to megabytes is refused by the bytes unpacked.
        let row = Self.cells(["1.1 Обучение", "Курсы", "до 01.03.2024"])
        let big = try Self.minimalDocx("<w:tbl>" + String(repeating: row, count: 20_000) + "</w:tbl>")
        #expect(big.count < 200_000)
        #expect(problem(DocxReader.tables(big, maxUnpackedBytes: 1_000_000))?.hasPrefix("Документ Word распаковывается больше чем в") == true)
        if case .success(let tables) = DocxReader.tables(big) { #expect(tables.first?.rows.count == 20_000) } else { Issue.record("read under the limit") }
        // A table wider than any file of Opora is refused.
        let wide = try Self.minimalDocx("<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"5000\"/></w:tcPr><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>")
        #expect(problem(DocxReader.tables(wide))?.hasPrefix("В таблицах документа больше 300 столбцов") == true)
        #expect(problem(DocxReader.tables(Array("PK\u{3}\u{4}не архив".utf8)))?.hasPrefix("Документ Word повреждён") == true)
    }

    @Test func onlyTheAdminStartsAProgrammeFromAFile() async throws {
        let bytes = try Self.workbook(ProgrammeFile.workbookSheets(of: try Self.seed()))
        try await withDemoApp { app in
            for login in ["metodist", "biritskaya"] {
                var client = WebClient(app)
                try await client.login(login)
                _ = try await client.get("/programmes")
                #expect(try await client.postMultipart("/programmes/import", form: Self.form, file: ("file", "p.xlsx", bytes)).status == .forbidden, "\(login)")
                #expect(try await client.post("/programmes/import/\(UUID().uuidString)/confirm", form: Self.form).status == .forbidden, "\(login)")
                #expect(try await client.get("/programmes/import-template.xlsx").status == .forbidden, "\(login)")
            }
            #expect(try await count(app) == 1)
            #expect(try await PendingImport.query(on: app.db).count() == 0)
        }
    }
}
