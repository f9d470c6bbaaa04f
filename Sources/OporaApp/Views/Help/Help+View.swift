import Foundation
import Ink
import OporaDocs
import OporaDomain
import Plot
import Vapor

/// «Справка»: the users' guides of `docs/`, rendered from their Markdown by Ink. Each `##` heading
/// gets an id (its slug), so every page can link to the part about it; links between guides stay in
/// the app, and a path into the repository (a file of the deployment kit) is shown as text.
enum HelpView {
    static func index(_ ctx: PageContext) -> Response {
        Layout.page("Справка", ctx) {
            El("h1") { Tx("Справка") }
            El("ul") {
                for guide in OporaDocs.guides {
                    El("li") {
                        El("a", [("href", SiteURL.help(guide.name).path)]) { Tx(title(of: guide.name)) }
                        Tx(" — \(guide.audience)")
                    }
                }
            }
        }
    }

    static func guide(_ ctx: PageContext, name: String) throws -> Response {
        guard let markdown = OporaDocs.markdown(name) else { throw Abort(.notFound, reason: "Такого раздела справки нет.") }
        let html = render(markdown)
        return Layout.page(title(of: name), ctx) {
            El("p") { El("a", [("href", SiteURL.help(nil).path)]) { Tx("← Вся справка") } }
            El("article", [("class", "guide")]) { Node<Any>.raw(html) }
        }
    }

    /// The guide's `# ` title.
    static func title(of name: String) -> String {
        let line = OporaDocs.markdown(name)?.split(separator: "\n").first { $0.hasPrefix("# ") }
        return line.map { String($0.dropFirst(2)).trimmingCharacters(in: .whitespaces) } ?? name
    }

    /// A heading's id: lower case, spaces as «-», only letters, digits and «-» kept — as GitHub makes them.
    static func slug(_ heading: String) -> String {
        heading.lowercased().map { $0 == " " ? "-" : $0 }.filter { $0.isLetter || $0.isNumber || $0 == "-" }.reduce(into: "") { $0.append($1) }
    }

    static func render(_ markdown: String) -> String {
        var parser = MarkdownParser()
        parser.addModifier(Modifier(target: .headings) { html, markdown in
            let text = markdown.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            guard let close = html.firstIndex(of: ">") else { return html }
            return String(html[..<close]) + " id=\"\(HTMLEscape.attribute(slug(text)))\"" + String(html[close...])
        })
        parser.addModifier(Modifier(target: .links) { html, _ in link(html) })
        return parser.html(from: joiningCodeLines(markdown))
    }

    /// Ink starts a new paragraph at a line that begins with inline code; such a line continues the
    /// line before it (outside code blocks), as GitHub reads it.
    static func joiningCodeLines(_ markdown: String) -> String {
        var out: [String] = []
        var inFence = false
        for line in markdown.components(separatedBy: "\n") {
            if line.hasPrefix("```") { inFence.toggle() }
            if !inFence, line.hasPrefix("`"), !line.hasPrefix("```"), let last = out.last,
               !last.trimmingCharacters(in: .whitespaces).isEmpty, !last.hasPrefix("```"), !last.hasPrefix("#") {
                out[out.count - 1] = last + " " + line
            } else {
                out.append(line)
            }
        }
        return out.joined(separator: "\n")
    }

    /// `guide.md#part` → `/help/guide#part`; an absolute address stays; any other path is text.
    static func link(_ html: String) -> String {
        guard let hrefStart = html.range(of: "href=\""), let hrefEnd = html[hrefStart.upperBound...].firstIndex(of: "\""),
              let textStart = html.firstIndex(of: ">"), let textEnd = html.range(of: "</a>", options: .backwards) else { return html }
        let href = String(html[hrefStart.upperBound..<hrefEnd])
        let text = String(html[html.index(after: textStart)..<textEnd.lowerBound])
        if href.hasPrefix("https://") || href.hasPrefix("http://") || href.hasPrefix("#") { return html }
        let parts = href.split(separator: "#", maxSplits: 1).map(String.init)
        if let file = parts.first, file.hasSuffix(".md"), !file.contains("/") {
            let name = String(file.dropLast(3))
            guard OporaDocs.markdown(name) != nil else { return text }
            return "<a href=\"\(SiteURL.help(name).path)\(parts.count == 2 ? "#" + parts[1] : "")\">\(text)</a>"
        }
        if href.hasPrefix("/") { return html }
        return text
    }
}

/// Which part of the guides a page's «Справка» opens.
enum HelpLinks {
    static func of(path: String, user: CurrentUser?) -> String {
        let school = user?.access.isConfinedToSchool == true
        let admin = user?.access.canAdminister == true || user?.access.canAdministerRegion == true
        func at(_ guide: String, _ heading: String) -> String { SiteURL.help(guide).path + "#" + HelpView.slug(heading) }
        let parts = path.split(separator: "/").map(String.init)
        switch parts.first ?? "" {
        case "": return school ? at("coordinator", "План школы") : at("methodist", "Год работы методиста")
        case "account": return school ? at("coordinator", "Вход и пароль") : at("administrator", "Пользователи и доступ")
        case "admin" where parts.dropFirst().first == "users": return at("administrator", "Пользователи и доступ")
        case "admin", "audit": return at("administrator", "Журнал изменений и токены API")
        case "imports": return at("methodist", "Загрузка данных")
        case "methodology": return SiteURL.help("metodika").path
        case "monitoring", "cycle": return at("methodist", "Школы и мониторинг")
        case "schools" where parts.count >= 3:
            switch parts[2] {
            case "plan": return at("coordinator", "План школы")
            case "people", "support": return school ? at("coordinator", "Кадры и обучающиеся школы") : at("methodist", "Кадры и обучающиеся")
            default: return school ? at("coordinator", "Данные школы") : at("methodist", "Школы и мониторинг")
            }
        case "schools": return school ? at("coordinator", "Данные школы") : at("methodist", "Школы и мониторинг")
        case "measures", "plan", "passport": return school ? at("coordinator", "Отметка о выполнении мероприятия") : at("methodist", "Программа и её мероприятия")
        case "programmes" where parts.last == "effect": return at("methodist", "Эффект программы")
        case "programmes", "programme": return admin || !school ? at("methodist", "Программа и её мероприятия") : at("coordinator", "План школы")
        case "people", "teachers", "mentorships", "consultations", "plan-steps":
            return school ? at("coordinator", "Кадры и обучающиеся школы") : at("methodist", "Кадры и обучающиеся")
        case "practices", "partnerships", "events", "decisions": return at("methodist", "Сеть и открытость")
        case "indicators", "report": return at("methodist", "Индикаторы и отчёты")
        default: return SiteURL.help(nil).path
        }
    }
}
