import Fluent
import OporaDomain
import Vapor

/// The monitoring report: methodist, admin and observer.
enum ReportController {
    static func data(_ req: Request) async throws -> (ReportData, [Int]) {
        let user = try req.currentUser()
        guard user.access.readsWholeMunicipality else {
            throw Abort(.forbidden, reason: "Отчёт по муниципалитету доступен методистам, управлению образования и наблюдателям.")
        }
        let programme = try await req.shownProgramme()
        let years = Array(programme.startYear...programme.endYear)
        let requested = try req.queryYear()
        let year = req.chosenYear(requested, in: years)
        return (try await ReportData.make(programme: programme, year: year, today: req.today, cache: req.application.monitoringCache, on: req.db), years)
    }

    static func page(_ req: Request) async throws -> Response {
        let (report, years) = try await data(req)
        return ReportView.render(try await PageContext.make(req), report, years: years)
    }

    static func xlsx(_ req: Request) async throws -> Response {
        let (report, _) = try await data(req)
        return Download.attachment(Data(try report.workbook(maskSmallCounts: try req.currentUser().access.seesCountsOnly)),
                                   contentType: XLSXWriter.contentType, fileName: "opora-report-\(report.year).xlsx")
    }
}
