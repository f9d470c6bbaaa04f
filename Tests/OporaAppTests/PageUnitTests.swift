import Fluent
import Foundation
@testable import OporaApp
import OporaDomain
import Plot
import Testing
import Vapor

/// The monitoring page and the measure page as units: their queries run on a database without a
/// request, their views render values without a database.
@Suite struct PageUnitTests {
    @Test func theMonitoringQueryChoosesTheYearAndKeepsTheFilters() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            // setup
            let municipality = try #require(try await Municipality.query(on: app.db).first())
            // act
            let asked = try #require(try await MonitoringView.query(municipality, .init(year: 2021, category: .lowResults, page: 2),
                                                                    cache: app.monitoringCache, on: app.db))
            let missing = try #require(try await MonitoringView.query(municipality, .init(year: 2001), cache: app.monitoringCache, on: app.db))
            // check
            #expect(asked.year == 2021)
            #expect(asked.category == .lowResults && asked.page == 1)
            #expect(asked.result.schools.count == 8)
            #expect(asked.years == [2017, 2018, 2019, 2020, 2021, 2022])
            #expect(missing.year == 2022)
            #expect(missing.version.number == 1)
        }
    }

    @Test func theMonitoringQueryHasNoModelBeforeResults() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            let municipality = try #require(try await Municipality.query(on: app.db).first())
            try await ResultRecord.query(on: app.db).delete()
            try await MonitoringStamp.bump(municipalityID: municipality.id!, on: app.db)
            #expect(try await MonitoringView.query(municipality, .init(), cache: app.monitoringCache, on: app.db) == nil)
            let empty = MonitoringView.empty(canImport: true).render()
            #expect(empty.contains("Результатов оценочных процедур пока нет.") && empty.contains("Загрузите файл с результатами."))
            #expect(!MonitoringView.empty(canImport: false).render().contains("Загрузите файл"))
        }
    }

    @Test func theMonitoringViewRendersAModelWithoutADatabase() async throws {
        var model: MonitoringView.Model?
        try await withDemoApp(today: Launcher.demoToday) { app in
            let municipality = try #require(try await Municipality.query(on: app.db).first())
            model = try await MonitoringView.query(municipality, .init(year: 2020), cache: app.monitoringCache, on: app.db)
        }
        // The app and its database are gone: the view needs only the values.
        let m = try #require(model)
        let html = MonitoringView.content(m).render()
        #expect(html.contains("Мониторинг результатов: 2020 год"))
        #expect(html.contains("Методика: версия 1"))
        for a in m.result.schools { #expect(html.contains(m.schools[a.schoolCode]?.shortName ?? a.schoolCode)) }
    }

    @Test func theMeasureQueryAnswersByScopeAndSaysWhoMayEdit() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            // setup
            let own = try await Fixtures.schoolMeasure("bal-03", app)
            let other = try await Fixtures.schoolMeasure("bal-04", app)
            let school = try CurrentUser(try await Fixtures.user("biritskaya", app))
            let observer = try CurrentUser(try await Fixtures.user("observer", app))
            // act and check
            let mine = try await MeasureShowModel.fetch(own.id!, user: school, today: Launcher.demoToday, on: app.db)
            #expect(mine.row.name == own.name && mine.canEdit)
            let seen = try await MeasureShowModel.fetch(own.id!, user: observer, today: Launcher.demoToday, on: app.db)
            #expect(!seen.canEdit)
            await #expect(throws: (any Error).self) {
                _ = try await MeasureShowModel.fetch(other.id!, user: school, today: Launcher.demoToday, on: app.db)
            }
        }
    }

    @Test func theMeasureViewShowsTheFormOnlyToWhoMayEdit() async throws {
        var editable: MeasureShowModel?
        try await withDemoApp(today: Launcher.demoToday) { app in
            let measure = try await Fixtures.schoolMeasure("bal-03", app)
            editable = try await MeasureShowModel.fetch(measure.id!, user: try CurrentUser(try await Fixtures.user("metodist", app)),
                                                        today: Launcher.demoToday, on: app.db)
        }
        var model = try #require(editable)
        let ctx = PageContext(user: nil, csrf: "token", municipalityName: nil, isDemo: false, path: "/")
        let html = MeasureShowView.content(ctx, model, failed: nil).render()
        #expect(html.contains(model.row.name.replacingOccurrences(of: "\"", with: "&quot;")) || html.contains(model.row.name))
        #expect(html.contains("id=\"h-edit\""))
        model.canEdit = false
        #expect(!MeasureShowView.content(ctx, model, failed: nil).render().contains("id=\"h-edit\""))
    }
}
