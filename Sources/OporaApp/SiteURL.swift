import Foundation
import Vapor

/// Every web address of Opora: routes are registered from it and links are built from it,
/// so no path is ever a loose string.
enum SiteURL {
    /// An id in a path: `.key` when registering the route, `.value` when building a link.
    enum ID {
        case key
        case value(UUID)

        func segment(_ name: String) -> String {
            switch self {
            case .key: return ":\(name)"
            case .value(let id): return id.uuidString
            }
        }
    }

    case home
    case login
    case logout
    case passport
    case plan
    case measures
    case measure(ID)
    case evidenceFile(ID)
    case evidenceDelete(ID)
    case schools
    case school(ID)
    case schoolContext(ID)
    case schoolEdit(ID)
    case schoolData(ID)
    case schoolDataSave(ID, String?)
    case schoolNew
    case participatingByMonitoring
    case schoolPlan(ID)
    case monitoring
    case imports
    case importConfirm(ID)
    case importTemplate(String)
    case importExport(String)
    case methodology
    case programmes
    case programmeNew
    case programmeChoose(ID)
    case programmeActivate(ID)
    case programmeClose(ID)
    case programmeDelete(ID)
    case programmesPublicPage
    case programmeFinalReport(ID)
    case programmeFinalReportXLSX(ID)
    case programmeEffect(ID)
    /// A programme started from files: the upload (preview), its confirmation, the workbook template
    case programmeImport
    case programmeImportConfirm(ID)
    case programmeImportTemplate
    /// The shown programme's editor, and one of its changes (`passport`, `section`, `direction-delete` …; nil registers the route)
    case programmeEdit
    case programmeEditSave(String?)
    case measureDescribe(ID)
    case measureDelete(ID)
    case indicators
    /// number and year; `nil` registers the route
    case indicator(Int?, Int?)
    case indicatorManual(Int?, Int?)
    case report
    case reportXLSX
    case people
    case peopleCatalogue
    case peopleCatalogueSave(String?)
    case schoolPeople(ID)
    case schoolPeopleSave(ID, String?)
    case mentoringMeetings(ID)
    case teacherPlan(ID)
    case teacherPlanSave(ID, String?)
    case stepComplete(ID)
    case stepRemove(ID)
    case consultations
    case consultationsSave(String?)
    case schoolSupport(ID)
    case schoolSupportSave(ID, String?)
    case schoolSupportXLSX(ID)
    case schoolRisks(ID)
    case schoolRecommendations(ID)
    case recommendationStatus(ID)
    case schoolResources(ID)
    case decisions
    case riskFactors
    case cycle
    case practices
    case practiceNew
    case practice(ID)
    case practiceFile(ID)
    case partnerships
    case partnershipFile(ID)
    case events
    case publicHome
    case publicPractice(ID)
    case publicPracticeFile(ID)
    case audit
    case tokens
    case account
    case help(String?)
    case accountSave(String?)
    case users
    case user(ID)
    case userAction(ID, String?)
    case stylesheet
    /// A regional user's pages: the region's municipalities side by side, a municipality opened for
    /// reading, a municipality or a regional user added, every school of the region, the region's report
    case region
    case regionOpen(ID)
    case regionMunicipalityNew
    case regionUserNew
    case regionMonitoring
    case regionReport
    case regionReportXLSX
    case regionImport
    case regionImportConfirm(ID)

    var path: String {
        switch self {
        case .home: return "/"
        case .login: return "/login"
        case .logout: return "/logout"
        case .passport: return "/programme"
        case .plan: return "/plan"
        case .measures: return "/measures"
        case .measure(let id): return "/measures/\(id.segment("measureID"))"
        case .evidenceFile(let id): return "/evidence/\(id.segment("evidenceID"))"
        case .evidenceDelete(let id): return "/evidence/\(id.segment("evidenceID"))/delete"
        case .schools: return "/schools"
        case .school(let id): return "/schools/\(id.segment("schoolID"))"
        case .schoolContext(let id): return "/schools/\(id.segment("schoolID"))/context"
        case .schoolEdit(let id): return "/schools/\(id.segment("schoolID"))/edit"
        case .schoolData(let id): return "/schools/\(id.segment("schoolID"))/data"
        case .schoolDataSave(let id, let kind): return "/schools/\(id.segment("schoolID"))/data/\(kind ?? ":kind")"
        case .schoolNew: return "/schools/new"
        case .participatingByMonitoring: return "/schools/participating"
        case .schoolPlan(let id): return "/schools/\(id.segment("schoolID"))/plan"
        case .monitoring: return "/monitoring"
        case .imports: return "/imports"
        case .importConfirm(let id): return "/imports/\(id.segment("importID"))/confirm"
        case .importTemplate(let kind): return "/imports/templates/\(kind)"
        case .importExport(let kind): return "/imports/export/\(kind)"
        case .methodology: return "/methodology"
        case .programmes: return "/programmes"
        case .programmeNew: return "/programmes/new"
        case .programmesPublicPage: return "/programmes/public-page"
        case .programmeFinalReport(let id): return "/programmes/\(id.segment("programmeID"))/final-report"
        case .programmeFinalReportXLSX(let id): return "/programmes/\(id.segment("programmeID"))/final-report.xlsx"
        case .programmeEffect(let id): return "/programmes/\(id.segment("programmeID"))/effect"
        case .programmeImport: return "/programmes/import"
        case .programmeImportConfirm(let id): return "/programmes/import/\(id.segment("importID"))/confirm"
        case .programmeImportTemplate: return "/programmes/import-template.xlsx"
        case .programmeEdit: return "/programme/edit"
        case .programmeEditSave(let part): return "/programme/edit/\(part ?? ":part")"
        case .measureDescribe(let id): return "/measures/\(id.segment("measureID"))/describe"
        case .measureDelete(let id): return "/measures/\(id.segment("measureID"))/delete"
        case .programmeChoose(let id): return "/programmes/\(id.segment("programmeID"))/choose"
        case .programmeActivate(let id): return "/programmes/\(id.segment("programmeID"))/activate"
        case .programmeClose(let id): return "/programmes/\(id.segment("programmeID"))/close"
        case .programmeDelete(let id): return "/programmes/\(id.segment("programmeID"))/delete"
        case .indicators: return "/indicators"
        case .indicator(let n, let y): return "/indicators/\(n.map(String.init) ?? ":number")/\(y.map(String.init) ?? ":year")"
        case .indicatorManual(let n, let y): return SiteURL.indicator(n, y).path + "/manual"
        case .report: return "/report"
        case .reportXLSX: return "/report.xlsx"
        case .people: return "/people"
        case .peopleCatalogue: return "/people/catalogue"
        case .peopleCatalogueSave(let form): return "/people/catalogue/\(form ?? ":form")"
        case .schoolPeople(let id): return "/schools/\(id.segment("schoolID"))/people"
        case .schoolPeopleSave(let id, let form): return "/schools/\(id.segment("schoolID"))/people/\(form ?? ":form")"
        case .mentoringMeetings(let id): return "/mentorships/\(id.segment("mentorshipID"))/meetings"
        case .teacherPlan(let id): return "/teachers/\(id.segment("teacherID"))/plan"
        case .teacherPlanSave(let id, let form): return "/teachers/\(id.segment("teacherID"))/plan/\(form ?? ":form")"
        case .stepComplete(let id): return "/plan-steps/\(id.segment("stepID"))/complete"
        case .stepRemove(let id): return "/plan-steps/\(id.segment("stepID"))/remove"
        case .consultations: return "/consultations"
        case .consultationsSave(let form): return "/consultations/\(form ?? ":form")"
        case .schoolSupport(let id): return "/schools/\(id.segment("schoolID"))/support"
        case .schoolSupportSave(let id, let form): return "/schools/\(id.segment("schoolID"))/support/\(form ?? ":form")"
        case .schoolSupportXLSX(let id): return "/schools/\(id.segment("schoolID"))/support.xlsx"
        case .schoolRisks(let id): return "/schools/\(id.segment("schoolID"))/risks"
        case .schoolRecommendations(let id): return "/schools/\(id.segment("schoolID"))/recommendations"
        case .recommendationStatus(let id): return "/recommendations/\(id.segment("recommendationID"))/status"
        case .schoolResources(let id): return "/schools/\(id.segment("schoolID"))/resources"
        case .decisions: return "/decisions"
        case .riskFactors: return "/admin/risk-factors"
        case .cycle: return "/cycle"
        case .practices: return "/practices"
        case .practiceNew: return "/practices/new"
        case .practice(let id): return "/practices/\(id.segment("practiceID"))"
        case .practiceFile(let id): return "/practice-files/\(id.segment("fileID"))"
        case .partnerships: return "/partnerships"
        case .partnershipFile(let id): return "/partnerships/\(id.segment("partnershipID"))/file"
        case .events: return "/events"
        case .publicHome: return "/public"
        case .publicPractice(let id): return "/public/practices/\(id.segment("practiceID"))"
        case .publicPracticeFile(let id): return "/public/practice-files/\(id.segment("fileID"))"
        case .audit: return "/audit"
        case .tokens: return "/admin/tokens"
        case .account: return "/account"
        case .help(let guide): return "/help" + (guide.map { "/\($0)" } ?? "")
        case .accountSave(let form): return "/account/\(form ?? ":form")"
        case .users: return "/admin/users"
        case .user(let id): return "/admin/users/\(id.segment("userID"))"
        case .userAction(let id, let action): return "/admin/users/\(id.segment("userID"))/\(action ?? ":action")"
        case .stylesheet: return "/styles.css"
        case .region: return "/region"
        case .regionOpen(let id): return "/region/municipalities/\(id.segment("municipalityID"))/open"
        case .regionMunicipalityNew: return "/region/municipalities"
        case .regionUserNew: return "/region/users"
        case .regionMonitoring: return "/region/monitoring"
        case .regionReport: return "/region/report"
        case .regionReportXLSX: return "/region/report.xlsx"
        case .regionImport: return "/region/imports"
        case .regionImportConfirm(let id): return "/region/imports/\(id.segment("importID"))/confirm"
        }
    }

    var pathComponents: [PathComponent] { path == "/" ? [] : path.pathComponents }

    /// This address with a query string, values percent-encoded.
    func with(_ query: [(String, String)]) -> String {
        let q = query.filter { !$0.1.isEmpty }
        guard !q.isEmpty else { return path }
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return path + "?" + q.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    }
}

extension Request {
    /// The year a page shows: the one asked for when the programme has it, otherwise this year,
    /// kept within the programme's years.
    func chosenYear(_ requested: Int?, in years: [Int]) -> Int {
        if let requested, years.contains(requested) { return requested }
        return min(max(today.year, years.first!), years.last!)
    }

    func uuidParameter(_ name: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else {
            throw Abort(.notFound, reason: "Такой страницы нет.")
        }
        return id
    }
}
