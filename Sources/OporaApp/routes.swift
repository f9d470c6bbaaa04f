import Fluent
import OporaDomain
import Vapor

func routes(_ app: Application) throws {
    // MARK: - Public: stylesheet and login
    app.get(SiteURL.stylesheet.pathComponents, use: PagesController.stylesheet)
    // For an operator's tools: no session, no CSRF, no data.
    app.get("health", use: OperationsController.health)
    app.get("metrics", use: OperationsController.metrics)

    let web = app.grouped(SessionUserAuthenticator(), CSRFMiddleware())
    web.get(SiteURL.login.pathComponents, use: AuthController.show)
    web.post(SiteURL.login.pathComponents, limit: BodyLimit.signIn, use: AuthController.login)
    web.post(SiteURL.logout.pathComponents, use: AuthController.logout)

    // MARK: - Public pages: no login, nothing personal
    web.get(SiteURL.publicHome.pathComponents, use: PublicController.index)
    web.get(SiteURL.publicPractice(.key).pathComponents, use: PublicController.practice)
    web.get(SiteURL.publicPracticeFile(.key).pathComponents, use: PracticesController.file)
    // The users' guides: nothing in them is anyone's data.
    web.get(SiteURL.help(nil).pathComponents) { req in HelpView.index(try await PageContext.make(req)) }
    web.get(SiteURL.help(":guide").pathComponents) { req in
        try HelpView.guide(try await PageContext.make(req), name: req.parameters.get("guide") ?? "")
    }

    // MARK: - Signed in: programme, plan, measures, school plans
    let signedIn = web.grouped(LoginRequired())
    signedIn.get(SiteURL.home.pathComponents, use: PagesController.home)
    signedIn.get(SiteURL.passport.pathComponents, use: PagesController.passport)
    signedIn.get(SiteURL.plan.pathComponents, use: PagesController.plan)
    signedIn.get(SiteURL.measures.pathComponents, use: MeasuresController.index)
    signedIn.get(SiteURL.measure(.key).pathComponents, use: MeasuresController.show)
    signedIn.post(SiteURL.measure(.key).pathComponents, limit: BodyLimit.upload, use: MeasuresController.update)
    signedIn.get(SiteURL.evidenceFile(.key).pathComponents, use: MeasuresController.evidenceFile)
    signedIn.post(SiteURL.evidenceDelete(.key).pathComponents, use: MeasuresController.deleteEvidence)
    signedIn.get(SiteURL.schoolPlan(.key).pathComponents, use: SchoolPlansController.show)
    signedIn.get(SiteURL.programmes.pathComponents, use: ProgrammesController.index)
    signedIn.post(SiteURL.programmeChoose(.key).pathComponents, use: ProgrammesController.choose).allowingRegionalUsers()
    signedIn.get(SiteURL.programmeFinalReport(.key).pathComponents, use: ProgrammesController.finalReport)
    signedIn.get(SiteURL.programmeFinalReportXLSX(.key).pathComponents, use: ProgrammesController.finalReportXLSX)
    signedIn.get(SiteURL.programmeEffect(.key).pathComponents, use: ProgrammesController.effect)
    let programmeAdmin = signedIn.grouped(AccessGuard.administrator)
    programmeAdmin.post(SiteURL.programmeNew.pathComponents, use: ProgrammesController.create)
    programmeAdmin.post(SiteURL.programmeActivate(.key).pathComponents, use: ProgrammesController.activate)
    programmeAdmin.post(SiteURL.programmeClose(.key).pathComponents, use: ProgrammesController.close)
    programmeAdmin.post(SiteURL.programmeDelete(.key).pathComponents, use: ProgrammesController.delete)
    programmeAdmin.post(SiteURL.programmesPublicPage.pathComponents, use: ProgrammesController.publicPage)
    programmeAdmin.post(SiteURL.programmeImport.pathComponents, limit: BodyLimit.importFile, use: ProgrammeImportController.upload)
    programmeAdmin.post(SiteURL.programmeImportConfirm(.key).pathComponents, use: ProgrammeImportController.confirm)
    programmeAdmin.get(SiteURL.programmeImportTemplate.pathComponents, use: ProgrammeImportController.template)
    let programmeEditors = signedIn.grouped(AccessGuard.municipalStaff)
    programmeEditors.get(SiteURL.programmeEdit.pathComponents, use: ProgrammeEditController.show)
    programmeEditors.post(SiteURL.programmeEditSave(nil).pathComponents, limit: BodyLimit.programmeText, use: ProgrammeEditController.save)
    programmeEditors.post(SiteURL.measureDescribe(.key).pathComponents, use: ProgrammeEditController.describeMeasure)
    programmeEditors.post(SiteURL.measureDelete(.key).pathComponents, use: ProgrammeEditController.deleteMeasure)

    // MARK: - The region: its municipalities side by side, read-only
    let regional = signedIn.grouped(AccessGuard { $0.isRegional })
    regional.get(SiteURL.region.pathComponents, use: RegionController.index)
    regional.post(SiteURL.regionOpen(.key).pathComponents, use: RegionController.open).allowingRegionalUsers()
    regional.get(SiteURL.regionMonitoring.pathComponents, use: RegionController.monitoring)
    regional.get(SiteURL.regionReport.pathComponents, use: RegionController.report)
    regional.get(SiteURL.regionReportXLSX.pathComponents, use: RegionController.reportXLSX)
    let regionAdmin = signedIn.grouped(AccessGuard { $0.canAdministerRegion })
    regionAdmin.post(SiteURL.regionMunicipalityNew.pathComponents, use: RegionController.createMunicipality).allowingRegionalUsers()
    regionAdmin.post(SiteURL.regionUserNew.pathComponents, use: RegionController.createUser).allowingRegionalUsers()
    let regionImporters = signedIn.grouped(AccessGuard { $0.canImportForRegion(schoolRegistry: false) })
    regionImporters.get(SiteURL.regionImport.pathComponents, use: RegionImportController.index)
    regionImporters.post(SiteURL.regionImport.pathComponents, limit: BodyLimit.importFile, use: RegionImportController.upload).allowingRegionalUsers()
    regionImporters.post(SiteURL.regionImportConfirm(.key).pathComponents, use: RegionImportController.confirm).allowingRegionalUsers()

    // MARK: - Schools and monitoring
    signedIn.get(SiteURL.schools.pathComponents, use: SchoolsController.index)
    let schoolAdmin = signedIn.grouped(AccessGuard.administrator)
    schoolAdmin.get(SiteURL.schoolNew.pathComponents, use: SchoolEditController.new)
    schoolAdmin.post(SiteURL.schoolNew.pathComponents, use: SchoolEditController.create)
    schoolAdmin.get(SiteURL.schoolEdit(.key).pathComponents, use: SchoolEditController.edit)
    schoolAdmin.post(SiteURL.schoolEdit(.key).pathComponents, use: SchoolEditController.update)
    schoolAdmin.post(SiteURL.participatingByMonitoring.pathComponents, use: SchoolEditController.participatingByMonitoring)
    signedIn.get(SiteURL.school(.key).pathComponents, use: SchoolsController.show)
    signedIn.post(SiteURL.schoolContext(.key).pathComponents, use: SchoolsController.saveContext)
    signedIn.get(SiteURL.schoolData(.key).pathComponents, use: SchoolDataController.show)
    signedIn.post(SiteURL.schoolDataSave(.key, nil).pathComponents, use: SchoolDataController.save)
    signedIn.get(SiteURL.monitoring.pathComponents, use: MonitoringController.index)
    signedIn.get(SiteURL.methodology.pathComponents, use: MethodologyController.show)
    signedIn.grouped(AccessGuard.administrator).post(SiteURL.methodology.pathComponents, use: MethodologyController.save)

    // MARK: - People: teachers' deficits and plans, mentoring, consultations, student support
    signedIn.get(SiteURL.people.pathComponents, use: PeopleOverviewController.index)
    signedIn.get(SiteURL.peopleCatalogue.pathComponents, use: PeopleCatalogueController.show)
    signedIn.post(SiteURL.peopleCatalogueSave(nil).pathComponents, use: PeopleCatalogueController.save)
    signedIn.get(SiteURL.schoolPeople(.key).pathComponents, use: PeopleController.show)
    signedIn.post(SiteURL.schoolPeopleSave(.key, nil).pathComponents, use: PeopleController.save)
    signedIn.post(SiteURL.mentoringMeetings(.key).pathComponents, use: PeopleController.meeting)
    signedIn.get(SiteURL.teacherPlan(.key).pathComponents, use: TeacherPlanController.show)
    signedIn.post(SiteURL.teacherPlanSave(.key, nil).pathComponents, use: TeacherPlanController.save)
    signedIn.post(SiteURL.stepComplete(.key).pathComponents, use: TeacherPlanController.complete)
    signedIn.post(SiteURL.stepRemove(.key).pathComponents, use: TeacherPlanController.remove)
    signedIn.get(SiteURL.consultations.pathComponents, use: ConsultationsController.index)
    signedIn.grouped(AccessGuard.municipalStaff).post(SiteURL.consultationsSave(nil).pathComponents, use: ConsultationsController.save)
    signedIn.get(SiteURL.schoolSupport(.key).pathComponents, use: StudentSupportController.show)
    signedIn.post(SiteURL.schoolSupportSave(.key, nil).pathComponents, use: StudentSupportController.save)
    signedIn.get(SiteURL.schoolSupportXLSX(.key).pathComponents, use: StudentSupportController.xlsx)

    // MARK: - Network: risks, recommendations, decisions, the cycle, practices, partnerships, resources, events
    let managers = signedIn.grouped(AccessGuard.municipalStaff)
    signedIn.get(SiteURL.schoolRisks(.key).pathComponents, use: RisksController.show)
    managers.post(SiteURL.schoolRisks(.key).pathComponents, use: RisksController.assess)
    managers.post(SiteURL.schoolRecommendations(.key).pathComponents, use: RisksController.recommend)
    managers.post(SiteURL.recommendationStatus(.key).pathComponents, use: RisksController.status)
    signedIn.get(SiteURL.decisions.pathComponents, use: DecisionsController.index)
    signedIn.grouped(AccessGuard.administrator).get(SiteURL.riskFactors.pathComponents, use: RiskFactorsController.show)
    signedIn.grouped(AccessGuard.administrator).post(SiteURL.riskFactors.pathComponents, use: RiskFactorsController.save)
    managers.post(SiteURL.decisions.pathComponents, use: DecisionsController.create)
    signedIn.get(SiteURL.cycle.pathComponents, use: CycleController.index)
    signedIn.get(SiteURL.practices.pathComponents, use: PracticesController.index)
    signedIn.get(SiteURL.practiceNew.pathComponents, use: PracticesController.new)
    signedIn.post(SiteURL.practiceNew.pathComponents, limit: BodyLimit.upload, use: PracticesController.save)
    signedIn.get(SiteURL.practice(.key).pathComponents, use: PracticesController.show)
    signedIn.post(SiteURL.practice(.key).pathComponents, limit: BodyLimit.upload, use: PracticesController.save)
    signedIn.get(SiteURL.practiceFile(.key).pathComponents, use: PracticesController.file)
    signedIn.get(SiteURL.partnerships.pathComponents, use: NetworkController.partnerships)
    managers.post(SiteURL.partnerships.pathComponents, limit: BodyLimit.upload, use: NetworkController.addPartnership)
    signedIn.get(SiteURL.partnershipFile(.key).pathComponents, use: NetworkController.partnershipFile)
    signedIn.get(SiteURL.events.pathComponents, use: NetworkController.events)
    managers.post(SiteURL.events.pathComponents, use: NetworkController.addEvent)
    signedIn.get(SiteURL.schoolResources(.key).pathComponents, use: NetworkController.resources)
    signedIn.post(SiteURL.schoolResources(.key).pathComponents, use: NetworkController.saveResources)

    // MARK: - Indicators and the report
    signedIn.get(SiteURL.indicators.pathComponents, use: IndicatorsController.index)
    signedIn.get(SiteURL.indicator(nil, nil).pathComponents, use: IndicatorsController.show)
    signedIn.grouped(AccessGuard.municipalStaff).post(SiteURL.indicatorManual(nil, nil).pathComponents, use: IndicatorsController.saveManual)
    signedIn.get(SiteURL.report.pathComponents, use: ReportController.page)
    signedIn.get(SiteURL.reportXLSX.pathComponents, use: ReportController.xlsx)

    // MARK: - Imports: admin and methodist
    let importers = signedIn.grouped(AccessGuard.municipalStaff)
    importers.get(SiteURL.imports.pathComponents, use: ImportsController.index)
    importers.post(SiteURL.imports.pathComponents, limit: BodyLimit.importFile, use: ImportsController.upload)
    importers.post(SiteURL.importConfirm(.key).pathComponents, use: ImportsController.confirm)
    importers.get(SiteURL.imports.pathComponents + ["templates", ":kind"], use: ImportsController.template)
    importers.get(SiteURL.imports.pathComponents + ["export", ":kind"], use: ImportsController.export)

    // MARK: - Every user's own profile; an administrator's users
    signedIn.get(SiteURL.account.pathComponents, use: AccountController.show)
    signedIn.post(SiteURL.accountSave(nil).pathComponents, use: AccountController.save).allowingRegionalUsers()
    let userAdmin = signedIn.grouped(AccessGuard { $0.canAdminister || $0.canAdministerRegion })
    userAdmin.get(SiteURL.users.pathComponents, use: UsersController.index)
    userAdmin.post(SiteURL.users.pathComponents, use: UsersController.create).allowingRegionalUsers()
    userAdmin.get(SiteURL.user(.key).pathComponents, use: UsersController.show)
    userAdmin.post(SiteURL.userAction(.key, nil).pathComponents, use: UsersController.act).allowingRegionalUsers()

    // MARK: - Admin: audit log and API tokens
    let admin = signedIn.grouped(AccessGuard.administrator)
    admin.get(SiteURL.audit.pathComponents, use: AdminController.audit)
    let tokenAdmin = signedIn.grouped(AccessGuard { $0.canAdminister || $0.canAdministerRegion })
    tokenAdmin.get(SiteURL.tokens.pathComponents, use: AdminController.tokens)
    tokenAdmin.post(SiteURL.tokens.pathComponents, use: AdminController.createToken).allowingRegionalUsers()
    tokenAdmin.post(SiteURL.tokens.pathComponents + [":tokenID", "revoke"], use: AdminController.revokeToken).allowingRegionalUsers()

    // MARK: - API
    try app.register(collection: APIController())
    try app.register(collection: ProgrammeAPIController())
    try app.register(collection: MonitoringAPIController())
    try app.register(collection: PeopleAPIController())
    try app.register(collection: NetworkAPIController())
    try app.register(collection: RegionAPIController())
}
