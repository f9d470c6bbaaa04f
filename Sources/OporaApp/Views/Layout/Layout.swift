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
                // On a phone the menu folds behind one button, without a script: a checkbox and its label.
                VoidEl("input", [("type", "checkbox"), ("id", "menu-open"), ("class", "menu-open")])
                El("label", [("for", "menu-open"), ("class", "menu-button")]) { Tx("Меню") }
                El("nav", [("aria-label", "Разделы")]) {
                    El("ul", [("class", "groups")]) {
                        for group in navigation(for: user) {
                            El("li") {
                                El("span", [("class", "group")]) { Tx(group.title) }
                                El("ul") {
                                    for item in group.items {
                                        El("li") {
                                            El("a", [("href", item.url.path), ("aria-current", ctx.path == item.url.path ? "page" : nil)]) { Tx(item.title) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                El("div", [("class", "who")]) {
                    El("a", [("href", HelpLinks.of(path: ctx.path, user: user))]) { Tx("Справка") }
                    Tx(" · ")
                    El("a", [("href", SiteURL.account.path), ("aria-current", ctx.path == SiteURL.account.path ? "page" : nil)]) { Tx(user.fullName) }
                    Tx(" · ")
                    El("span") { Tx(user.access.russianTitle + ((ctx.regionName ?? ctx.municipalityName).map { " · \($0)" } ?? "")) }
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
                        El("li") { El("a", [("href", SiteURL.help(nil).path), ("aria-current", ctx.path == SiteURL.help(nil).path ? "page" : nil)]) { Tx("Справка") } }
                    }
                }
            }
        }
    }

    struct NavItem {
        var title: String
        var url: SiteURL
    }

    /// A part of the menu named for the work it serves.
    struct NavGroup {
        var title: String
        var items: [NavItem]
    }

    /// The menu by the work each role does: a school coordinator starts with the school's own plan,
    /// methodists and admins get the municipality's work grouped, a region's users the region first.
    /// Groups a role has nothing in are left out.
    static func navigation(for user: CurrentUser) -> [NavGroup] {
        let access = user.access
        var groups: [NavGroup] = []
        if access.isRegional {
            var region = [NavItem(title: "Муниципалитеты", url: .region), NavItem(title: "Школы региона", url: .regionMonitoring),
                          NavItem(title: "Отчёт региона", url: .regionReport)]
            if access.canImportForRegion(schoolRegistry: false) { region.append(NavItem(title: "Загрузка по региону", url: .regionImport)) }
            groups.append(NavGroup(title: "Регион", items: region))
        }
        var programme: [NavItem] = []
        if let school = user.ownSchoolID, access.isConfinedToSchool { programme.append(NavItem(title: "План школы", url: .schoolPlan(.value(school)))) }
        programme += [NavItem(title: "Главная", url: .home), NavItem(title: "Мероприятия", url: .measures), NavItem(title: "План работы", url: .plan),
                      NavItem(title: "Паспорт программы", url: .passport), NavItem(title: "Программы", url: .programmes)]
        groups.append(NavGroup(title: "Программа", items: programme))
        var schools = [NavItem(title: "Школы", url: .schools)]
        if access.readsWholeMunicipality {
            schools += [NavItem(title: "Мониторинг", url: .monitoring), NavItem(title: "Управленческий цикл", url: .cycle)]
        }
        schools.append(NavItem(title: "Индикаторы", url: .indicators))
        groups.append(NavGroup(title: "Школы и мониторинг", items: schools))
        groups.append(NavGroup(title: "Кадры", items: [NavItem(title: "Кадры и обучающиеся", url: .people)]))
        groups.append(NavGroup(title: "Сеть и открытость", items: [NavItem(title: "Практики", url: .practices),
                                                                   NavItem(title: "Партнёрства", url: .partnerships),
                                                                   NavItem(title: "События", url: .events)]))
        if access.readsWholeMunicipality { groups.append(NavGroup(title: "Отчёты", items: [NavItem(title: "Отчёт", url: .report)])) }
        var admin: [NavItem] = []
        if access.isMunicipalStaff { admin.append(NavItem(title: "Загрузка данных", url: .imports)) }
        if access.canAdminister || access.canAdministerRegion { admin.append(NavItem(title: "Пользователи", url: .users)) }
        if access.canAdminister { admin.append(NavItem(title: "Журнал изменений", url: .audit)) }
        if access.canAdminister || access.canAdministerRegion { admin.append(NavItem(title: "Токены API", url: .tokens)) }
        if !admin.isEmpty { groups.append(NavGroup(title: "Администрирование", items: admin)) }
        return groups
    }
}
