import Fluent
import Foundation
@testable import OporaApp
import OporaDomain
import Testing
import Vapor

/// The scope module alone, without HTTP: every role × every kind of thing, in the own school,
/// another school of the municipality and another municipality. ok, 403 or 404, and nothing else.
@Suite struct ScopeTests {
    enum Outcome: Equatable, CustomStringConvertible {
        case ok, forbidden, notFound
        var description: String { self == .ok ? "ok" : self == .forbidden ? "403" : "404" }
    }

    static func outcome(_ load: () async throws -> Void) async -> Outcome {
        do {
            try await load()
            return .ok
        } catch let abort as any AbortError {
            return abort.status == .forbidden ? .forbidden : abort.status == .notFound ? .notFound : .ok
        } catch {
            return .notFound
        }
    }

    /// Things of the own school (bal-03, Биритская), of another school (bal-04) and of another municipality.
    struct Things {
        var ownSchool: UUID, otherSchool: UUID, foreignSchool: UUID
        var ownTeacher: UUID, otherTeacher: UUID, foreignTeacher: UUID
        var municipalMeasure: UUID, ownMeasure: UUID, otherMeasure: UUID
        var programme: UUID
    }

    static func things(_ app: Application) async throws -> Things {
        let own = try await Fixtures.school("bal-03", app)
        let other = try await Fixtures.school("bal-04", app)
        let region = try #require(try await Region.query(on: app.db).first())
        let municipality = Municipality(regionID: try region.requireID(), name: "Чужой район (тест)", isDemo: false)
        try await municipality.create(on: app.db)
        let foreign = School(municipalityID: try municipality.requireID(), code: "foreign-1", name: "Чужая школа", shortName: "Чужая",
                             settlement: nil, type: "СОШ", distanceKm: nil, isDemo: false)
        try await foreign.create(on: app.db)
        let foreignTeacher = TeacherRecord()
        foreignTeacher.$municipality.id = try municipality.requireID()
        foreignTeacher.$school.id = try foreign.requireID()
        foreignTeacher.teacherCode = "t1"
        foreignTeacher.name = "Чужой Педагог"
        foreignTeacher.position = "учитель"
        foreignTeacher.pedagogical = true
        try await foreignTeacher.create(on: app.db)
        func teacher(_ school: School) async throws -> UUID {
            try #require(try await TeacherRecord.query(on: app.db).filter(\.$school.$id == school.id!).first()?.id)
        }
        return Things(ownSchool: own.id!, otherSchool: other.id!, foreignSchool: foreign.id!,
                      ownTeacher: try await teacher(own), otherTeacher: try await teacher(other), foreignTeacher: foreignTeacher.id!,
                      municipalMeasure: try await Fixtures.municipalMeasure(app).id!, ownMeasure: try await Fixtures.schoolMeasure("bal-03", app).id!,
                      otherMeasure: try await Fixtures.schoolMeasure("bal-04", app).id!,
                      programme: try #require(try await Programme.query(on: app.db).first()?.id))
    }

    @Test func everyRoleAgainstEveryKindOfThing() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            let t = try await Self.things(app)
            let db = app.db
            // login → expected outcomes, in the order of `checks` below.
            let expected: [String: [Outcome]] = [
                //            school: own other foreign | people: own other | measure: municipal own other | teacher: own other foreign | programme | whole municipality
                "admin":       [.ok, .ok, .notFound, .ok, .ok, .ok, .ok, .ok, .ok, .ok, .notFound, .ok, .ok],
                "metodist":    [.ok, .ok, .notFound, .ok, .ok, .ok, .ok, .ok, .ok, .ok, .notFound, .ok, .ok],
                "biritskaya":  [.ok, .forbidden, .notFound, .ok, .forbidden, .ok, .ok, .forbidden, .ok, .forbidden, .notFound, .ok, .forbidden],
                "observer":    [.ok, .ok, .notFound, .forbidden, .forbidden, .ok, .ok, .ok, .forbidden, .forbidden, .notFound, .ok, .ok],
                // the region's admin: the other municipality is of the same region
                "region":      [.ok, .ok, .ok, .forbidden, .forbidden, .ok, .ok, .ok, .forbidden, .forbidden, .forbidden, .ok, .ok],
            ]
            for (login, outcomes) in expected {
                let user = try CurrentUser(try await Fixtures.user(login, app))
                let checks: [() async throws -> Void] = [
                    { _ = try await Scope.school(t.ownSchool, for: user, on: db) },
                    { _ = try await Scope.school(t.otherSchool, for: user, on: db) },
                    { _ = try await Scope.school(t.foreignSchool, for: user, on: db) },
                    { _ = try await Scope.peopleSchool(t.ownSchool, for: user, on: db) },
                    { _ = try await Scope.peopleSchool(t.otherSchool, for: user, on: db) },
                    { _ = try await Scope.measure(t.municipalMeasure, for: user, on: db) },
                    { _ = try await Scope.measure(t.ownMeasure, for: user, on: db) },
                    { _ = try await Scope.measure(t.otherMeasure, for: user, on: db) },
                    { _ = try await Scope.teacher(t.ownTeacher, for: user, on: db) },
                    { _ = try await Scope.teacher(t.otherTeacher, for: user, on: db) },
                    { _ = try await Scope.teacher(t.foreignTeacher, for: user, on: db) },
                    { _ = try await Scope.programme(t.programme, for: user, on: db) },
                    { _ = try await Scope.wholeMunicipality(for: user, on: db) },
                ]
                var got: [Outcome] = []
                for check in checks { got.append(await Self.outcome(check)) }
                #expect(got == outcomes, "\(login): \(got)")
            }
        }
    }

    @Test func aUserOfAnotherRegionReadsNothingOfThisOne() async throws {
        try await withDemoApp(today: Launcher.demoToday) { app in
            let t = try await Self.things(app)
            let elsewhere = Region(name: "Другая область (тест)")
            try await elsewhere.create(on: app.db)
            // A municipality of its own, so that a refusal is not only the emptiness of its region.
            try await Municipality(regionID: elsewhere.id!, name: "Район другой области", isDemo: false).create(on: app.db)
            let demo = try #require(try await Municipality.query(on: app.db).filter(\.$isDemo == true).first())
            let stranger = User(login: "stranger", passwordHash: "x", fullName: "Чужой регион", role: .observer,
                                regionID: elsewhere.id, municipalityID: nil, schoolID: nil)
            try await stranger.create(on: app.db)
            // It asks for the demo's municipality: not of its region, so never shown.
            let user = try CurrentUser(stranger, chosenMunicipalityID: demo.id)
            #expect(try await Scope.shownMunicipalityID(for: user, on: app.db) != demo.id)
            #expect(await Self.outcome { _ = try await Scope.school(t.ownSchool, for: user, on: app.db) } == .notFound)
            #expect(await Self.outcome { _ = try await Scope.measure(t.municipalMeasure, for: user, on: app.db) } == .notFound)
            #expect(await Self.outcome { _ = try await Scope.programme(t.programme, for: user, on: app.db) } == .notFound)
            #expect(try await Scope.wholeMunicipality(for: user, on: app.db).name == "Район другой области")
            #expect(try await Scope.municipalityIDs(for: user, on: app.db).count == 1)
        }
    }

    @Test func theRulesOfRegionalUsers() {
        let region = UUID().uuidString, m = UUID().uuidString, school = UUID().uuidString
        for role in [Role.admin, .methodist, .observer] {
            let a = Access(role: role, municipalityID: nil, regionID: region)
            #expect(a.isRegional && a.canRead(municipalityID: m, regionID: region) && !a.canRead(municipalityID: m, regionID: UUID().uuidString))
            // Reads every municipality of the region; changes nothing in them.
            #expect(!a.isMunicipalStaff && !a.canAdminister && !a.canWrite && !a.canManagePeopleWork, "\(role)")
            #expect(!a.canEditMeasure(ofSchool: nil) && !a.canEditMeasure(ofSchool: school) && !a.canEditSchoolData(school) && !a.canEditPeople(ofSchool: school))
            #expect(!a.canImport(schoolRegistry: true) && !a.canImport(schoolRegistry: false))
            #expect(a.readsWholeMunicipality && a.canAdministerRegion == (role == .admin))
            #expect(a.canImportForRegion(schoolRegistry: false) == (role != .observer) && a.canImportForRegion(schoolRegistry: true) == (role == .admin))
            // Like an observer: no names of people, counts of people only.
            #expect(!a.canReadPeople(ofSchool: school) && !a.seesNames && a.seesCountsOnly && !a.canSeeMentor(ofSchool: school, listed: true))
        }
        #expect(Access(role: .admin, municipalityID: nil, regionID: region).russianTitle == "Администратор региона")
        // A municipal user with a region noted is not regional; one with neither reads nothing.
        #expect(!Access(role: .admin, municipalityID: m, regionID: region).isRegional)
        #expect(!Access(role: .observer, municipalityID: nil, regionID: nil).canRead(municipalityID: m, regionID: region))
    }

    @Test func aSchoolUserWithoutASchoolIsConfinedToNone() throws {
        let access = Access(role: .school, municipalityID: UUID().uuidString, schoolID: nil)
        #expect(access.ownSchool == "")
        #expect(!access.canEditSchoolData(UUID().uuidString))
        #expect(!access.canReadPeople(ofSchool: UUID().uuidString))
        #expect(!access.readsWholeMunicipality)
    }

    @Test func theNamedRulesOfEveryRole() {
        let m = UUID().uuidString, own = UUID().uuidString, other = UUID().uuidString
        func access(_ role: Role) -> Access { Access(role: role, municipalityID: m, schoolID: role == .school ? own : nil) }
        // role: staff, admin, whole municipality, names, writes, counts only, registry import, other import, edit own, edit other
        let table: [(Role, [Bool])] = [
            (.admin, [true, true, true, true, true, false, true, true, true, true]),
            (.methodist, [true, false, true, true, true, false, false, true, true, true]),
            (.school, [false, false, false, true, true, false, false, false, true, false]),
            (.observer, [false, false, true, false, false, true, false, false, false, false]),
        ]
        for (role, row) in table {
            let a = access(role)
            let got = [a.isMunicipalStaff, a.canAdminister, a.readsWholeMunicipality, a.seesNames, a.canWrite, a.seesCountsOnly,
                       a.canImport(schoolRegistry: true), a.canImport(schoolRegistry: false), a.canEditSchoolData(own), a.canEditSchoolData(other)]
            #expect(got == row, "\(role)")
            #expect(a.canSeeMentor(ofSchool: other, listed: true) == (role != .observer), "\(role)")
            #expect(a.canSeeMentor(ofSchool: other, listed: false) == a.isMunicipalStaff, "\(role)")
        }
    }
}
