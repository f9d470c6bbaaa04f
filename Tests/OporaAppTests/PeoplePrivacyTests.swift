import Fluent
import Foundation
import NIOCore
@testable import OporaApp
import OporaDomain
import SQLKit
import Testing
import Vapor
import VaporTesting
import ZIPFoundation

/// Whose people a user may see: another school's are closed, an observer's counts are masked, and no table
/// holds a student's name.
extension PeopleTests {
    @Suite struct PrivacyTests {
        @Test func aSchoolUserCannotReadAnotherSchoolsPeopleByPageAPIOrExport() async throws {
            try await withDemoApp(today: Launcher.demoToday) { app in
                // setup: Биритская's coordinator; Кумарейская's data
                let own = try await Fixtures.school("bal-03", app)
                let other = try await Fixtures.school("bal-04", app)
                let otherTeacher = try await TeacherRecord.query(on: app.db).filter(\.$school.$id == other.id!).filter(\.$pedagogical == true).first()!
                let otherStep = try await DevelopmentStep.query(on: app.db).join(DevelopmentPlan.self, on: \DevelopmentStep.$plan.$id == \DevelopmentPlan.$id)
                    .filter(DevelopmentPlan.self, \.$school.$id == other.id!).first()!
                let plansBefore = try await SupportPlan.query(on: app.db).filter(\.$school.$id == other.id!).count()
                #expect(plansBefore > 0)
                var client = WebClient(app)
                try await client.login("biritskaya")
                let id = other.id!.uuidString
                // act and check: pages and the export
                for path in ["/schools/\(id)/people", "/schools/\(id)/support", "/schools/\(id)/support.xlsx?year=2022",
                             "/teachers/\(otherTeacher.id!.uuidString)/plan"] {
                    let page = try await client.get(path)
                    #expect(page.status == .forbidden, "\(path)")
                    #expect(!page.body.contains("7А-"), "\(path)")
                }
                // forms
                let plan = try await client.post("/schools/\(id)/support/plan", form: [("participant_code", "9Б-001"), ("goal", "x"), ("measures", "y"),
                                                                                         ("specialist_role", "тьютор"), ("review_dates", "01.12.2022")])
                #expect(plan.status == .forbidden)
                let step = try await client.post("/plan-steps/\(otherStep.id!.uuidString)/complete", form: [("completed_on", "01.09.2022"), ("evidence", "x")])
                #expect(step.status == .forbidden)
                #expect(try await SupportPlan.query(on: app.db).filter(\.$school.$id == other.id!).count() == plansBefore)
                #expect(try await DevelopmentStep.find(otherStep.id, on: app.db)!.completedOn == nil)
                // the own school works
                #expect(try await client.get("/schools/\(own.id!.uuidString)/support").status == .ok)
                #expect(try await client.get("/schools/\(own.id!.uuidString)/people").status == .ok)
                // the API
                let token = try await Fixtures.apiToken(for: "biritskaya", app)
                var headers = HTTPHeaders()
                headers.bearerAuthorization = .init(token: token)
                for path in ["deficits", "development-plans", "mentorships", "student-support", "support-plans"] {
                    let r = try await app.testing().sendRequest(.GET, "/api/v1/schools/\(id)/\(path)", headers: headers)
                    #expect(r.status == .forbidden, "\(path)")
                    let mine = try await app.testing().sendRequest(.GET, "/api/v1/schools/\(own.id!.uuidString)/\(path)", headers: headers)
                    #expect(mine.status == .ok, "\(path)")
                }
                headers.contentType = .json
                let post = try await app.testing().sendRequest(.POST, "/api/v1/schools/\(id)/support-plans", headers: headers,
                                                               body: ByteBuffer(string: #"{"participantCode":"9Б-001","goal":"x","measures":"y","specialistRole":"тьютор","reviewDates":["01.12.2022"]}"#))
                #expect(post.status == .forbidden)
                let complete = try await app.testing().sendRequest(.POST, "/api/v1/development-steps/\(otherStep.id!.uuidString)/complete", headers: headers,
                                                                   body: ByteBuffer(string: #"{"completedOn":"01.09.2022","evidence":"x"}"#))
                #expect(complete.status == .forbidden)
                #expect(try await SupportPlan.query(on: app.db).filter(\.$school.$id == other.id!).count() == plansBefore)
                let pairsBefore = try await Mentorship.query(on: app.db).filter(\.$school.$id == other.id!).count()
                let mentor = try await TeacherRecord.query(on: app.db).filter(\.$school.$id == own.id!).first()!
                let pair = try await app.testing().sendRequest(.POST, "/api/v1/schools/\(id)/mentorships", headers: headers, body: ByteBuffer(string:
                    #"{"mentorID":"\#(mentor.id!.uuidString)","menteeID":"\#(otherTeacher.id!.uuidString)","youngSpecialist":true,"startsOn":"2022-09-01","plan":"x"}"#))
                #expect(pair.status == .forbidden)
                #expect(try await Mentorship.query(on: app.db).filter(\.$school.$id == other.id!).count() == pairsBefore)
                let families = try await app.testing().sendRequest(.PUT, "/api/v1/schools/\(id)/at-risk-families", headers: headers, body: ByteBuffer(string: #"{"year":2022,"families":0}"#))
                #expect(families.status == .forbidden)
                let consultation = try await app.testing().sendRequest(.POST, "/api/v1/consultations", headers: headers, body: ByteBuffer(string:
                    #"{"pointName":"x","schoolID":"\#(own.id!.uuidString)","date":"2022-09-01","topic":"x"}"#))
                #expect(consultation.status == .forbidden)
            }
        }

        @Test func anObserverSeesCountsOnlyMaskedUnderFive() async throws {
            try await withDemoApp(today: Launcher.demoToday) { app in
                let school = try await Fixtures.school("bal-01", app)
                // setup: 3 families at risk in bal-01 in 2022
                let families = try await AtRiskFamiliesRecord.query(on: app.db).filter(\.$school.$id == school.id!).filter(\.$year == 2022).first()!
                families.families = 3
                try await families.save(on: app.db)
                var observer = WebClient(app)
                try await observer.login("observer")
                // act
                let page = try await observer.get("/people?year=2022")
                // check: the count is «<5», no teacher is named, no support plan is shown, no link to school pages
                #expect(page.status == .ok)
                let row = try #require(WebClient.firstMatch(in: page.body, #"(<tr><th scope="row">Балаганская СОШ № 1</th>.*?</tr>)"#))
                #expect(WebClient.firstMatch(in: row, #"<td class="num"[^>]*>(&lt;5)</td></tr>$"#) != nil, "\(row)")
                #expect(!page.body.contains("(демо), учитель"))
                #expect(!page.body.contains("href=\"/schools/"))
                for path in ["/schools/\(school.id!.uuidString)/support", "/schools/\(school.id!.uuidString)/people"] {
                    #expect(try await observer.get(path).status == .forbidden, "\(path)")
                }
                let token = try await Fixtures.apiToken(for: "observer", app)
                var headers = HTTPHeaders()
                headers.bearerAuthorization = .init(token: token)
                #expect(try await app.testing().sendRequest(.GET, "/api/v1/schools/\(school.id!.uuidString)/support-plans", headers: headers).status == .forbidden)
                // the methodist sees the exact figure
                var methodist = WebClient(app)
                try await methodist.login("metodist")
                let exact = try await methodist.get("/people?year=2022")
                let exactRow = try #require(WebClient.firstMatch(in: exact.body, #"(<tr><th scope="row"><a href="[^"]+">Балаганская СОШ № 1</a>.*?</tr>)"#))
                #expect(WebClient.firstMatch(in: exactRow, #"<td class="num"[^>]*>(3)</td></tr>$"#) != nil, "\(exactRow)")
            }
        }

        struct Column: Sendable {
            var table: String
            var column: String
        }

        /// Every column of every table of the test's database.
        static func columns(_ sql: any SQLDatabase) async throws -> [Column] {
            var columns: [Column] = []
            if isPostgres {
                let rows = try await sql.raw("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()").all()
                for row in rows {
                    columns.append(Column(table: try row.decode(column: "table_name", as: String.self), column: try row.decode(column: "column_name", as: String.self)))
                }
            } else {
                let tables = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table'").all()
                for t in tables {
                    let name = try t.decode(column: "name", as: String.self)
                    for row in try await sql.raw("SELECT name FROM pragma_table_info(\(bind: name))").all() {
                        columns.append(Column(table: name, column: try row.decode(column: "name", as: String.self)))
                    }
                }
            }
            return columns
        }

        /// Columns that would hold a person's name, birth date or address: anywhere a birth date, an
        /// address or a part of a name; in the tables about students, any name at all (teachers and users
        /// are adults and named).
        static func personalColumns(_ columns: [Column]) -> [String] {
            let forbidden = ["birth", "address", "surname", "first_name", "last_name", "middle_name", "patronymic", "snils", "passport_number"]
            let studentTables: Set<String> = ["support_plans", "student_support", "at_risk_families", "results"]
            var found: [String] = []
            for c in columns {
                let name = c.column.lowercased()
                if forbidden.contains(where: { name.contains($0) }) || (studentTables.contains(c.table) && name.contains("name")) {
                    found.append("\(c.table).\(c.column)")
                }
            }
            return found
        }

        @Test func noTableHoldsAStudentsNameBirthDateOrAddress() async throws {
            try await withDemoApp { app in
                let columns = try await Self.columns(app.db as! any SQLDatabase)
                let hasCodes = columns.contains { $0.table == "support_plans" && $0.column == "participant_code" }
                #expect(hasCodes)
                #expect(columns.count > 100)
                let found = Self.personalColumns(columns)
                #expect(found.isEmpty, "\(found)")
                // the check itself finds such a column
                #expect(Self.personalColumns([Column(table: "support_plans", column: "student_name"), Column(table: "teachers", column: "birth_date")]).count == 2)
            }
        }

        @Test func aSupportPlanWithANameInsteadOfACodeIsRefusedAndKeepsWhatWasTyped() async throws {
            try await withDemoApp(today: Launcher.demoToday) { app in
                let school = try await Fixtures.school("bal-03", app)
                let before = try await SupportPlan.query(on: app.db).count()
                var client = WebClient(app)
                try await client.login("biritskaya")
                _ = try await client.get("/schools/\(school.id!.uuidString)/support")
                // act
                let page = try await client.post("/schools/\(school.id!.uuidString)/support/plan", form: [
                    ("participant_code", "Иванов Петя"), ("grade", "6"), ("goal", "Догнать программу по русскому языку"), ("measures", "Занятия"),
                    ("specialist_role", "учитель-логопед"), ("review_dates", "20.12.2022"),
                ])
                // check
                #expect(page.status == .unprocessableEntity)
                #expect(page.body.contains("Догнать программу по русскому языку"))
                #expect(try await SupportPlan.query(on: app.db).count() == before)
                // with a code it is saved, audited, and shown
                let ok = try await client.post("/schools/\(school.id!.uuidString)/support/plan", form: [
                    ("participant_code", "6Б-044"), ("grade", "6"), ("goal", "Догнать программу по русскому языку"), ("measures", "Занятия"),
                    ("specialist_role", "учитель-логопед"), ("review_dates", "20.12.2022, 20.03.2023"),
                ])
                #expect(ok.status == .seeOther)
                let saved = try #require(try await SupportPlan.query(on: app.db).filter(\.$participantCode == "6Б-044").first())
                #expect(saved.reviewDates == "2022-12-20,2023-03-20")
                #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "supportPlan.save").filter(\.$entityID == saved.id!).count() == 1)
                #expect(try await client.get("/schools/\(school.id!.uuidString)/support").body.contains("6Б-044"))
            }
        }
    }
}

@Suite struct SmallCountExportTests {
    /// The text of one part of a workbook.
    static func part(_ bytes: [UInt8], _ path: String) throws -> String {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var data = Data()
        _ = try archive.extract(archive[path]!) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func theObserversReportWritesCountsOfUnderFivePeopleAsLessThanFive() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            // setup: the report with indicator 2 (teachers) counting 3 of 4, and indicator 1 (schools) 3 of 4
            let programme = try await Programme.query(on: app.db).first()!
            var report = try await ReportData.make(programme: programme, year: 2022, today: Launcher.demoToday, cache: app.monitoringCache, on: app.db)
            for i in [0, 1] {
                report.indicators[i].numerator = 3
                report.indicators[i].denominator = 4
            }
            // act
            let masked = try Self.part(try report.workbook(maskSmallCounts: true), "xl/worksheets/sheet2.xml")
            let exact = try Self.part(try report.workbook(), "xl/worksheets/sheet2.xml")
            // check: the observer's copy says «<5» twice in that row; the municipality's has the figures
            // rows 2 and 3 are indicators 1 and 2: schools are not people, teachers are
            let schools = try #require(WebClient.firstMatch(in: masked, #"(<row r="2".*?</row>)"#))
            #expect(!schools.contains("&lt;5"))
            let row = try #require(WebClient.firstMatch(in: masked, #"(<row r="3".*?</row>)"#))
            #expect(row.components(separatedBy: "&lt;5").count - 1 == 2)
            let exactRow = try #require(WebClient.firstMatch(in: exact, #"(<row r="3".*?</row>)"#))
            #expect(!exactRow.contains("&lt;5"))
            #expect(exactRow.contains("<v>3</v>") && exactRow.contains("<v>4</v>"))
        }
    }
}
