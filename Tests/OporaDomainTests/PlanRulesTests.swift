@testable import OporaDomain
import Testing

@Suite struct DayTests {
    @Test func readsBothFormsAndRefusesNonsense() {
        #expect(Day("2020-08-15") == Day(year: 2020, month: 8, day: 15))
        #expect(Day("15.08.2020") == Day(year: 2020, month: 8, day: 15))
        #expect(Day("15.08.2020")?.russian == "15.08.2020")
        #expect(Day("15.08.2020")?.iso == "2020-08-15")
        #expect(Day("31.02.2021") == nil)
        #expect(Day("29.02.2020") != nil)
        #expect(Day("2020-8") == nil)
        #expect(Day("завтра") == nil)
        #expect(Day("") == nil)
    }

    @Test func addsDaysAcrossMonthsAndYears() {
        #expect(Day(year: 2020, month: 12, day: 20)!.adding(days: 30) == Day(year: 2021, month: 1, day: 19))
        #expect(Day(year: 2020, month: 3, day: 1)!.adding(days: -1) == Day(year: 2020, month: 2, day: 29))
    }
}

@Suite struct RussianPluralTests {
    @Test func formsFollowTheLastDigitsRule() {
        let n = RussianNoun.measure
        #expect(n.counted(1) == "1 мероприятие")
        #expect(n.counted(2) == "2 мероприятия")
        #expect(n.counted(4) == "4 мероприятия")
        #expect(n.counted(5) == "5 мероприятий")
        #expect(n.counted(11) == "11 мероприятий")
        #expect(n.counted(14) == "14 мероприятий")
        #expect(n.counted(21) == "21 мероприятие")
        #expect(n.counted(22) == "22 мероприятия")
        #expect(n.counted(111) == "111 мероприятий")
        #expect(n.counted(0) == "0 мероприятий")
    }
}

@Suite struct MeasureRulesTests {
    let today = Day(year: 2021, month: 3, day: 1)!

    @Test func overdueIsDerivedFromDeadlineStatusAndToday() {
        let yesterday = today.adding(days: -1)
        #expect(MeasureTiming.isOverdue(status: .planned, deadline: yesterday, today: today))
        #expect(MeasureTiming.isOverdue(status: .inProgress, deadline: yesterday, today: today))
        #expect(!MeasureTiming.isOverdue(status: .done, deadline: yesterday, today: today))
        #expect(!MeasureTiming.isOverdue(status: .cancelled, deadline: yesterday, today: today))
        #expect(!MeasureTiming.isOverdue(status: .planned, deadline: today, today: today))
        #expect(!MeasureTiming.isOverdue(status: .planned, deadline: nil, today: today))
        #expect(MeasureTiming.isDueSoon(status: .planned, deadline: today.adding(days: 30), today: today))
        #expect(!MeasureTiming.isDueSoon(status: .planned, deadline: today.adding(days: 31), today: today))
    }

    @Test func doneNeedsDateWhoAndEvidence() throws {
        // act
        let result = MeasureChange(status: .done).validate(current: .inProgress, hasEvidence: false, today: today)
        // check
        guard case .failure(let errors) = result else { Issue.record("accepted without evidence"); return }
        #expect(errors["completedOn"] == "Укажите дату выполнения.")
        #expect(errors["completedBy"] == "Укажите, кто выполнил мероприятие.")
        #expect(errors["evidence"] == "Приложите подтверждение: файл или ссылку.")
    }

    @Test func doneWithALinkIsAccepted() throws {
        let change = MeasureChange(status: .done, completedOn: "28.02.2021", completedBy: "Иванова А. П.",
                                   evidenceLink: "https://school.example/report")
        let valid = try change.validate(current: .planned, hasEvidence: false, today: today).get()
        #expect(valid.completedOn == Day(year: 2021, month: 2, day: 28))
        #expect(valid.evidenceLink == "https://school.example/report")
    }

    @Test func completionCannotBeInTheFutureAndLinksMustBeWeb() {
        let change = MeasureChange(status: .done, completedOn: "02.03.2021", completedBy: "Я", evidenceLink: "javascript:alert(1)")
        guard case .failure(let errors) = change.validate(current: .planned, hasEvidence: true, today: today) else {
            Issue.record("accepted"); return
        }
        #expect(errors["completedOn"] != nil)
        #expect(errors["evidenceLink"] != nil)
    }

    @Test func cancelNeedsAReasonAndTransitionsAreChecked() {
        guard case .failure(let e1) = MeasureChange(status: .cancelled).validate(current: .planned, hasEvidence: false, today: today) else {
            Issue.record("accepted"); return
        }
        #expect(e1["cancelReason"] == "Укажите причину отмены.")
        guard case .failure(let e2) = MeasureChange(status: .done).validate(current: .cancelled, hasEvidence: true, today: today) else {
            Issue.record("accepted"); return
        }
        #expect(e2["status"] != nil)
    }

    @Test func sectionProgressCountsOutCancelled() {
        let rows: [(section: Int, status: MeasureStatus, deadline: Day?)] = [
            (1, .done, nil), (1, .planned, today.adding(days: -3)), (1, .cancelled, nil), (1, .inProgress, today.adding(days: 3)),
            (2, .done, nil),
        ]
        let p = SectionProgress.tally(sections: [(1, "Первый"), (2, "Второй"), (3, "Пустой")], measures: rows, today: today)
        #expect(p[0].total == 3)
        #expect(p[0].done == 1)
        #expect(p[0].overdue == 1)
        #expect(p[0].doneShare == 1.0 / 3.0)
        #expect(p[1].doneShare == 1.0)
        #expect(p[2].doneShare == nil)
    }
}

@Suite struct EvidenceFileTypeTests {
    @Test func acceptsRealFilesByContent() {
        #expect(EvidenceFileType.detect(fileName: "отчёт.PDF", bytes: Array("%PDF-1.4\n...".utf8)) == .success(.pdf))
        #expect(EvidenceFileType.detect(fileName: "фото.jpeg", bytes: [0xFF, 0xD8, 0xFF, 0xE0, 0, 0]) == .success(.jpg))
        #expect(EvidenceFileType.detect(fileName: "a.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == .success(.png))
        let docx = [0x50, 0x4B, 0x03, 0x04] + Array("....[Content_Types].xml....word/document.xml".utf8)
        #expect(EvidenceFileType.detect(fileName: "план.docx", bytes: docx) == .success(.docx))
        let ods = [0x50, 0x4B, 0x03, 0x04] + Array("........mimetypeapplication/vnd.oasis.opendocument.spreadsheet".utf8)
        #expect(EvidenceFileType.detect(fileName: "t.ods", bytes: ods) == .success(.ods))
    }

    @Test func refusesFakesUnknownTypesAndEmptyFiles() {
        #expect(EvidenceFileType.detect(fileName: "report.pdf", bytes: Array("MZ\u{90}executable".utf8)) == .failure(.contentMismatch("pdf")))
        #expect(EvidenceFileType.detect(fileName: "run.exe", bytes: Array("MZ".utf8)) == .failure(.extensionNotAllowed("exe")))
        #expect(EvidenceFileType.detect(fileName: "page.html", bytes: Array("<script>".utf8)) == .failure(.extensionNotAllowed("html")))
        #expect(EvidenceFileType.detect(fileName: "a.pdf", bytes: []) == .failure(.empty))
        let docxNamedXlsx = [0x50, 0x4B, 0x03, 0x04] + Array("word/document.xml".utf8)
        #expect(EvidenceFileType.detect(fileName: "t.xlsx", bytes: docxNamedXlsx) == .failure(.contentMismatch("xlsx")))
    }
}

@Suite struct AccessTests {
    @Test func schoolUsersEditOnlyTheirOwnSchoolsPlan() {
        let school = Access(role: .school, municipalityID: "m", schoolID: "s1")
        #expect(school.canEditMeasure(ofSchool: "s1"))
        #expect(!school.canEditMeasure(ofSchool: "s2"))
        #expect(!school.canEditMeasure(ofSchool: nil))
        #expect(school.canReadSchool("s1"))
        #expect(!school.canReadSchool("s2"))
        let observer = Access(role: .observer, municipalityID: "m")
        #expect(!observer.canEditMeasure(ofSchool: nil))
        #expect(!observer.canEditMeasure(ofSchool: "s1"))
        let methodist = Access(role: .methodist, municipalityID: "m")
        #expect(methodist.canEditMeasure(ofSchool: nil) && methodist.canEditMeasure(ofSchool: "s2"))
        #expect(methodist.canRead(municipalityID: "m", regionID: nil))
        #expect(!methodist.canRead(municipalityID: "other", regionID: nil))
        let regional = Access(role: .observer, municipalityID: nil, regionID: "r")
        #expect(regional.canRead(municipalityID: "any", regionID: "r"))
        #expect(!regional.canRead(municipalityID: "any", regionID: "r2"))
    }
}
