import Foundation
@testable import OporaApp
import OporaDocs
import OporaDomain
import Testing
import Vapor
import VaporTesting

/// «Справка»: the guides of docs/ served at /help, every page's link landing on a heading that exists.
@Suite struct HelpTests {
    static let paths = ["/", "/account", "/admin/users", "/admin/tokens", "/audit", "/imports", "/methodology", "/monitoring", "/cycle",
                        "/schools", "/schools/x", "/schools/x/plan", "/schools/x/people", "/schools/x/data", "/measures", "/measures/x", "/plan",
                        "/passport", "/programmes", "/programmes/x/effect", "/programme/edit", "/people", "/teachers/x/plan", "/consultations",
                        "/practices", "/partnerships", "/events", "/decisions", "/indicators", "/report", "/region", "/public"]

    @Test func everyPagesHelpLinkLandsOnAHeadingOfItsGuide() async throws {
        try await withDemoApp { app in
            var rendered: [String: String] = [:]
            for login in ["admin", "metodist", "biritskaya", "observer", "region"] {
                let user = try CurrentUser(try await Fixtures.user(login, app))
                for path in Self.paths {
                    let target = HelpLinks.of(path: path, user: user)
                    let parts = target.split(separator: "#", maxSplits: 1).map(String.init)
                    if rendered[parts[0]] == nil {
                        let page = try await app.testing().sendRequest(.GET, parts[0])
                        #expect(page.status == .ok, "\(parts[0])")
                        rendered[parts[0]] = page.body.string
                    }
                    if parts.count == 2 {
                        #expect(rendered[parts[0]]?.contains("id=\"\(parts[1])\"") == true, "\(login) \(path) → \(target)")
                    }
                }
            }
        }
    }

    @Test func theGuidesAreServedWithoutALoginAndTheirLinksStayInTheApp() async throws {
        try await withDemoApp { app in
            let index = try await app.testing().sendRequest(.GET, "/help")
            #expect(index.status == .ok)
            for guide in OporaDocs.guides {
                #expect(index.body.string.contains("href=\"/help/\(guide.name)\""))
                let page = try await app.testing().sendRequest(.GET, "/help/\(guide.name)")
                #expect(page.status == .ok)
                let body = page.body.string
                #expect(body.contains("<h1 id="), "\(guide.name) has its title")
                // Links between guides go to /help; none points to a .md file or a repository path.
                let hrefs = WebClient.allMatches(in: body, #"href="([^"]+)""#)
                #expect(!hrefs.contains { $0.contains(".md") }, "\(guide.name): \(hrefs.filter { $0.contains(".md") })")
                #expect(hrefs.allSatisfy { $0.hasPrefix("/") || $0.hasPrefix("#") || $0.hasPrefix("http") || $0.hasPrefix("data:") }, "\(guide.name)")
            }
            #expect(try await app.testing().sendRequest(.GET, "/help/nothing").status == .notFound)
            #expect(try await app.testing().sendRequest(.GET, "/help/..%2FPackage").status == .notFound)
            // The methodology page links to its guide.
            var methodist = WebClient(app)
            try await methodist.login("metodist")
            #expect(try await methodist.get("/methodology").body.contains("href=\"/help/metodika\""))
            #expect(try await methodist.get("/").body.contains(">Справка</a>"))
        }
    }

    @Test func headingsGetTheSlugGitHubGivesThem() {
        #expect(HelpView.slug("Журнал изменений и токены API") == "журнал-изменений-и-токены-api")
        #expect(HelpView.slug("Программа и её мероприятия") == "программа-и-её-мероприятия")
        #expect(HelpView.link(#"<a href="methodist.md#загрузка-данных">загрузка</a>"#) == #"<a href="/help/methodist#загрузка-данных">загрузка</a>"#)
        #expect(HelpView.link(#"<a href="../deploy/opora.service">служба</a>"#) == "служба")
        #expect(HelpView.link(#"<a href="https://example.org">сайт</a>"#) == #"<a href="https://example.org">сайт</a>"#)
    }
}

extension HelpTests {
    @Test func aLineStartingWithCodeContinuesItsParagraph() {
        let html = HelpView.render("Файлы лежат в каталоге\n`deploy/`.\n\n```\n`не трогать`\n```\n")
        #expect(html.contains("<p>Файлы лежат в каталоге <code>deploy/</code>.</p>"))
        #expect(html.contains("`не трогать`"))
    }
}
