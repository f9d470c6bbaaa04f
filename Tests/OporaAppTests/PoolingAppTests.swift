import Fluent
import Foundation
@testable import OporaApp
import OporaDomain
import Testing
import Vapor
import VaporTesting

/// Rule 1a on the pages: a school of small groups is judged and its page says which rows were pooled;
/// the admin switches pooling off as a new version of the methodology, and the page follows.
@Suite struct PoolingAppTests {
    @Test func aSmallSchoolsPoolIsExplainedAndTheAdminCanSwitchPoolingOff() async throws {
        try await withDemoApp { app in
            let school = try await Fixtures.school("bal-08", app)
            let municipalityID = school.$municipality.id
            // bal-08's two procedures of 2022 become groups of 3 and 4: 2 «2» each.
            let csv = """
                year,kind,grade,subject,school_code,participants,fails
                2022,vpr,4,математика,bal-08,3,2
                2022,vpr,4,русский язык,bal-08,4,2
                """
            let imported = try await ImportService.run(kind: .results, fileName: "small.csv", bytes: Array(csv.utf8), municipalityID: municipalityID,
                                                       user: nil, write: true, today: app.opora.today(), on: app.db)
            #expect(try imported.get().replaced.count == 2)

            var admin = WebClient(app)
            try await admin.login("admin")
            let pooled = try await admin.get("/schools/\(school.id!.uuidString)?year=2022")
            #expect(pooled.body.contains("ВПР, 2022: малые группы учтены вместе — 4 класс, математика (3 участника, «2» у 2);"
                + " 4 класс, русский язык (4 участника, «2» у 2); вместе 7 участников, «2» у 4;"), "\(pooled.body)")
            #expect(pooled.body.contains("ВПР, малые группы, 2022: «2» у 4 из 7 (57,1 %, 90-процентный интервал от 28,9 до 81,4 %) — не ниже порога 30 %, это низкий результат, но на границе: интервал заходит ниже порога, так что низкий результат мог выйти случайно"))
            let methodology = try await admin.get("/methodology")
            #expect(methodology.body.contains("Малые группы (меньше минимума участников) объединяются по виду процедуры в году"))

            // A value that is neither «да» nor «нет» is refused and saves nothing.
            var form = Methodology.formValues(.defaults).filter { $0.key != "poolSmallGroups" }.map { ($0.key, $0.value) }
            form.append(("comment", "Решение методического совета"))
            let refused = try await admin.post("/methodology", form: form + [("poolSmallGroups", "maybe")])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Выберите «да» или «нет»."))
            #expect(try await Methodology.current(municipalityID: municipalityID, on: app.db).number == 1)
            #expect(try await admin.post("/methodology", form: form + [("poolSmallGroups", "off")]).status == .seeOther)
            let version = try await Methodology.current(municipalityID: municipalityID, on: app.db)
            #expect(version.number == 2 && !version.parameters.poolSmallGroups)

            let unpooled = try await admin.get("/schools/\(school.id!.uuidString)?year=2022")
            #expect(!unpooled.body.contains("малые группы учтены вместе"))
            #expect(unpooled.body.contains("Не учтены из-за малого числа участников (меньше 5): ВПР, 4 класс, математика, 2022; ВПР, 4 класс, русский язык, 2022."))
        }
    }
}
