import Fluent
@testable import OporaApp
import OporaDomain
import Testing
import Vapor
import VaporTesting

@Suite struct MeasureUpdateTests {
    @Test func schoolMarksItsMeasureDoneWithAFileAndTheHistoryShowsIt() async throws {
        try await withDemoApp { app in
            // setup
            var client = WebClient(app)
            try await client.login("biritskaya")
            let measure = try await Fixtures.schoolMeasure("bal-03", status: .planned, app)
            let path = "/measures/\(measure.id!.uuidString)"
            _ = try await client.get(path)
            // act
            let saved = try await client.postMultipart(path, form: [
                ("status", "done"), ("completedOn", "26.02.2021"), ("completedBy", "Сидоров О. Н."), ("comment", "Проведено"),
            ], file: ("evidenceFile", "протокол.pdf", Fixtures.pdf))
            // check
            #expect(saved.status == .seeOther)
            let reloaded = try await Measure.find(measure.id, on: app.db)!
            #expect(reloaded.status == .done)
            #expect(reloaded.completedOn == "2021-02-26")
            #expect(reloaded.completedBy == "Сидоров О. Н.")
            let files = try await Evidence.query(on: app.db).filter(\.$measure.$id == measure.id!).all()
            #expect(files.map(\.fileName) == ["протокол.pdf"])
            #expect(files[0].contentType == "application/pdf")
            let page = try await client.get(path)
            #expect(page.body.contains("Изменения сохранены."))
            #expect(page.body.contains("Состояние: «Запланировано» → «Выполнено»"))
            let audit = try await AuditEntry.query(on: app.db).filter(\.$entityID == measure.id!).all()
            #expect(audit.count == 1)
            #expect(audit[0].userName.contains("biritskaya"))
            // the file comes back to a user who may read it, as a download
            let fileID = files[0].id!.uuidString
            let download = try await client.get("/evidence/\(fileID)")
            #expect(download.status == .ok)
            #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment;") == true)
        }
    }

    @Test func doneWithoutEvidenceIsRefusedAndKeepsWhatWasTyped() async throws {
        try await withDemoApp { app in
            var client = WebClient(app)
            try await client.login("biritskaya")
            let measure = try await Fixtures.schoolMeasure("bal-03", status: .planned, app)
            let path = "/measures/\(measure.id!.uuidString)"
            _ = try await client.get(path)
            // act
            let page = try await client.postMultipart(path, form: [
                ("status", "done"), ("completedOn", "26.02.2021"), ("completedBy", "Сидоров О. Н."), ("responsible", "Завуч Петрова"),
            ], file: nil)
            // check
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("Приложите подтверждение: файл или ссылку."))
            #expect(page.body.contains("value=\"Сидоров О. Н.\""))
            #expect(page.body.contains("value=\"Завуч Петрова\""))
            // Typed as 26.02.2021, given back to the browser's calendar as ISO (it shows ДД.ММ.ГГГГ).
            #expect(page.body.contains("<input type=\"date\" id=\"f-completedOn\" name=\"completedOn\" value=\"2021-02-26\""))
            let reloaded = try await Measure.find(measure.id, on: app.db)!
            #expect(reloaded.status == .planned)
            #expect(reloaded.responsible == "Координатор школы (демо)")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityID == measure.id!).count() == 0)
        }
    }

    @Test func aFakeFileIsRefusedByItsContent() async throws {
        try await withDemoApp { app in
            var client = WebClient(app)
            try await client.login("biritskaya")
            let measure = try await Fixtures.schoolMeasure("bal-03", status: .planned, app)
            let path = "/measures/\(measure.id!.uuidString)"
            _ = try await client.get(path)
            let page = try await client.postMultipart(path, form: [
                ("status", "done"), ("completedOn", "26.02.2021"), ("completedBy", "Сидоров"),
            ], file: ("evidenceFile", "отчёт.pdf", Array("#!/bin/sh\nrm -rf /\n".utf8)))
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("Содержимое файла не соответствует расширению «pdf»."))
            #expect(try await Evidence.query(on: app.db).filter(\.$measure.$id == measure.id!).count() == 0)
            #expect(try await Measure.find(measure.id, on: app.db)!.status == .planned)
        }
    }

    @Test func cancellingNeedsAReason() async throws {
        try await withDemoApp { app in
            var client = WebClient(app)
            try await client.login("metodist")
            let measure = try await Fixtures.municipalMeasure(app)
            let path = "/measures/\(measure.id!.uuidString)"
            _ = try await client.get(path)
            let refused = try await client.postMultipart(path, form: [("status", "cancelled")], file: nil)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("Укажите причину отмены."))
            let ok = try await client.postMultipart(path, form: [("status", "cancelled"), ("cancelReason", "Объединено с 1.2")], file: nil)
            #expect(ok.status == .seeOther)
            let reloaded = try await Measure.find(measure.id, on: app.db)!
            #expect(reloaded.status == .cancelled)
            #expect(reloaded.cancelReason == "Объединено с 1.2")
        }
    }

    @Test func scriptInATextFieldIsShownAsText() async throws {
        try await withDemoApp { app in
            var client = WebClient(app)
            try await client.login("metodist")
            let measure = try await Fixtures.municipalMeasure(app)
            let path = "/measures/\(measure.id!.uuidString)"
            _ = try await client.get(path)
            let evil = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>&lt;b&gt;"
            _ = try await client.postMultipart(path, form: [("status", "inProgress"), ("responsible", evil)], file: nil)
            let page = try await client.get(path)
            #expect(!page.body.contains("<script>alert(1)"))
            #expect(!page.body.contains("<img src=x"))
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(page.body.contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;&amp;lt;b&amp;gt;\""))
            let list = try await client.get("/measures?school=municipal")
            #expect(!list.body.contains("<img src=x"))
        }
    }
}

@Suite struct EvidenceDeleteTests {
    @Test func aWronglyUploadedFileIsRemovedButADoneMeasureKeepsItsLastProof() async throws {
        try await withDemoApp { app in
            // setup: a done measure of Коноваловская СОШ (bal-06) with its one demo file; a methodist adds a second
            let measure = try await Fixtures.schoolMeasure("bal-06", status: .done, app)
            let path = "/measures/\(measure.id!.uuidString)"
            var methodist = WebClient(app)
            try await methodist.login("metodist")
            _ = try await methodist.get(path)
            _ = try await methodist.postMultipart(path, form: [("status", "done"), ("completedOn", measure.completedOn.flatMap(Day.init)!.russian),
                                                               ("completedBy", measure.completedBy ?? "x")],
                                                  file: ("evidenceFile", "лишний.pdf", Fixtures.pdf))
            let files = try await Evidence.query(on: app.db).filter(\.$measure.$id == measure.id!).sort(\.$createdAt).all()
            #expect(files.count == 2)
            // act: another school's coordinator may not delete it
            var other = WebClient(app)
            try await other.login("biritskaya")
            _ = try await other.get("/")
            #expect(try await other.post("/evidence/\(files[1].id!.uuidString)/delete", form: []).status == .forbidden)
            // the methodist deletes the extra file
            let deleted = try await methodist.post("/evidence/\(files[1].id!.uuidString)/delete", form: [])
            // check
            #expect(deleted.status == .seeOther)
            #expect(try await Evidence.query(on: app.db).filter(\.$measure.$id == measure.id!).count() == 1)
            #expect(try await EvidenceBlob.find(files[1].id, on: app.db) == nil)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "evidence.delete").count() == 1)
            let last = try await methodist.post("/evidence/\(files[0].id!.uuidString)/delete", form: [])
            #expect(last.status == .unprocessableEntity)
            #expect(last.body.contains("единственное подтверждение"))
            #expect(try await Evidence.query(on: app.db).filter(\.$measure.$id == measure.id!).count() == 1)
        }
    }
}
