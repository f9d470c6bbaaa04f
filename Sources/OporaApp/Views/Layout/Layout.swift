import OporaDomain
import Plot
import Vapor

/// The one page frame: header with navigation, the demo notice, the content, the footer.
enum Layout {
    static func page(_ title: String, _ ctx: PageContext, @ComponentBuilder content: @escaping () -> Component) -> Response {
        // The head is written with the escaping helpers: Plot's `.title` copies the title into meta
        // tags without escaping it, and titles carry school and measure names.
        let page = El("html", [("lang", "ru")]) {
            El("head") {
                VoidEl("meta", [("charset", "utf-8")])
                VoidEl("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
                El("title") { Tx("\(title) — Опора") }
                VoidEl("link", [("rel", "stylesheet"), ("href", SiteURL.stylesheet.path)])
                VoidEl("link", [("rel", "icon"), ("href", "data:,")])
            }
            El("body") {
                El("a", [("href", "#main"), ("class", "skip")]) { Tx("К содержанию") }
                header(ctx)
                if let region = ctx.regionName {
                    El("p", [("class", "programme-bar")]) {
                        Tx("\(region) · ")
                        if let m = ctx.municipalityName { Tx("страницы муниципалитета «\(m)» — только чтение · ") }
                        El("a", [("href", SiteURL.region.path)]) { Tx("все муниципалитеты") }
                    }
                }
                if let p = ctx.programme {
                    El("p", [("class", "programme-bar")]) {
                        Tx("Программа: \(p.name), \(p.years.lowerBound)–\(p.years.upperBound) · \(p.status.russian) · ")
                        El("a", [("href", SiteURL.programmes.path)]) { Tx("все программы") }
                    }
                }
                if ctx.isDemo {
                    El("p", [("class", "demo"), ("role", "note")]) {
                        Tx("Демонстрационные данные. Программа и её мероприятия — из настоящего документа муниципалитета; школы № 7 и № 8 вымышлены; результаты, социальные сведения, пользователи, сроки и отметки в планах школ и файлы придуманы для показа." + (ctx.demoToday.map { " Дата в демонстрации: \($0.russian)." } ?? ""))
                    }
                }
                El("main", [("id", "main")]) {
                    if let notice = ctx.notice { El("p", [("class", "notice"), ("role", "status")]) { Tx(notice) } }
                    content()
                }
                El("footer") {
                    Tx("Опора — поддержка школ с низкими результатами обучения и школ, функционирующих в неблагоприятных социальных условиях.")
                }
            }
        }
        let response = Response(status: .ok, body: .init(string: "<!DOCTYPE html>" + HTMLWriter.html(page)))
        response.headers.contentType = .html
        return response
    }

    static func header(_ ctx: PageContext) -> Component {
        El("header", [("class", "top")]) {
            El("a", [("href", SiteURL.home.path), ("class", "brand")]) {
                Tx("Опора")
            }
            if let user = ctx.user {
                El("nav", [("aria-label", "Разделы")]) {
                    El("ul") {
                        for item in navigation(for: user) {
                            El("li") {
                                El("a", [("href", item.url.path), ("aria-current", ctx.path == item.url.path ? "page" : nil)]) { Tx(item.title) }
                            }
                        }
                    }
                }
                El("div", [("class", "who")]) {
                    El("span") { Tx("\(user.fullName) · \(user.access.russianTitle)" + ((ctx.regionName ?? ctx.municipalityName).map { " · \($0)" } ?? "")) }
                    El("form", [("method", "post"), ("action", SiteURL.logout.path), ("class", "inline")]) {
                        Forms.csrf(ctx)
                        El("button", [("type", "submit"), ("class", "link")]) { Tx("Выйти") }
                    }
                }
            } else {
                El("nav", [("aria-label", "Разделы")]) {
                    El("ul") {
                        El("li") { El("a", [("href", SiteURL.publicHome.path), ("aria-current", ctx.path == SiteURL.publicHome.path ? "page" : nil)]) { Tx("Открытые сведения о программе") } }
                        El("li") { El("a", [("href", SiteURL.login.path), ("aria-current", ctx.path == SiteURL.login.path ? "page" : nil)]) { Tx("Вход") } }
                    }
                }
            }
        }
    }

    struct NavItem {
        var title: String
        var url: SiteURL
    }

    static func navigation(for user: CurrentUser) -> [NavItem] {
        var items: [NavItem] = user.access.isRegional ? [
            NavItem(title: "Муниципалитеты", url: .region),
            NavItem(title: "Школы региона", url: .regionMonitoring),
            NavItem(title: "Отчёт региона", url: .regionReport),
        ] : []
        if user.access.canImportForRegion(schoolRegistry: false) { items.append(NavItem(title: "Загрузка по региону", url: .regionImport)) }
        items += [
            NavItem(title: "Главная", url: .home),
            NavItem(title: "Программы", url: .programmes),
            NavItem(title: "Паспорт программы", url: .passport),
            NavItem(title: "План работы", url: .plan),
            NavItem(title: "Мероприятия", url: .measures),
            NavItem(title: "Школы", url: .schools),
            NavItem(title: "Индикаторы", url: .indicators),
            NavItem(title: "Кадры и обучающиеся", url: .people),
            NavItem(title: "Практики", url: .practices),
            NavItem(title: "Партнёрства", url: .partnerships),
            NavItem(title: "События", url: .events),
        ]
        if user.access.readsWholeMunicipality {
            items.append(NavItem(title: "Мониторинг", url: .monitoring))
            items.append(NavItem(title: "Управленческий цикл", url: .cycle))
            items.append(NavItem(title: "Отчёт", url: .report))
        }
        if user.access.isMunicipalStaff {
            items.append(NavItem(title: "Загрузка данных", url: .imports))
        }
        if user.access.canAdminister { items.append(NavItem(title: "Журнал изменений", url: .audit)) }
        if user.access.canAdminister || user.access.canAdministerRegion { items.append(NavItem(title: "Токены API", url: .tokens)) }
        return items
    }
}
