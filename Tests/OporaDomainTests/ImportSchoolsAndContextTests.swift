import Foundation
@testable import OporaDomain
import Testing

private typealias F = ImportFixture

// MARK: - Schools

@Suite struct ImportSchoolsTests {
    @Test func canonicalSchoolsWithDefaultsAreRead() throws {
        // setup
        let t = F.table(["code,name,short_name,settlement,type,distance_km",
                         "s1,МОУ Балаганская СОШ №1,,п. Балаганск,СОШ,0",
                         "s2,МОУ Коненовская ООШ,Коненовская,д. Коновалово,ооШ,62.5",
                         "s3,МОУ Тарнопольская НОШ,,,,"])
        // act
        let schools = try SchoolsFile.parse(t).get()
        // check
        #expect(schools.map(\.shortName) == ["МОУ Балаганская СОШ №1", "Коненовская", "МОУ Тарнопольская НОШ"])
        #expect(schools.map(\.type) == ["СОШ", "ООШ", nil])
        #expect(schools.map(\.distanceKm) == [0, 62.5, nil])
        #expect(schools[2].settlement == nil)
    }

    @Test func aBadTypeANegativeDistanceAndAMissingNameAreNamed() {
        // setup
        let t = F.table(["Код,Наименование,Тип,км",
                         "s1,Первая,Детсад,5",       // line 2: unknown type
                         "s2,Вторая,СОШ,-3",         // line 3: negative distance
                         "s3,,НОШ,12а",              // line 4: no name, distance not a number
                         "s4,Четвёртая,НОШ,12,5"])   // line 5: «12,5» km (the extra cell is ignored)
        // act
        let p = F.problems(SchoolsFile.parse(t))
        // check
        #expect(p.map { "\($0.line!):\($0.column!)" } == ["2:type", "3:distance_km", "4:distance_km", "4:name"])
        #expect(p[0].reason.contains("СОШ, ООШ, НОШ, лицей, гимназия"))
        #expect(p[1].reason.contains("не может быть отрицательным"))
    }
}

// MARK: - Social context

@Suite struct ImportContextTests {
    let header = "year,school_code,students,low_income_share,incomplete_family_share,no_higher_education_share,non_native_share,preventive_register_share"

    @Test func sharesAcceptDotCommaAndPercent() throws {
        // setup
        let t = F.table(header.components(separatedBy: ","), [["2021", "s1", "120", "0.3", "0,35", "70%", "12,5 %", ""]])
        // act
        let c = try ContextFile.parse(t, knownSchoolCodes: F.known).get()
        // check
        #expect(c.count == 1)
        #expect(c[0].students == 120)
        #expect(c[0].lowIncomeShare == 0.3)
        #expect(c[0].incompleteFamilyShare == 0.35)
        #expect(c[0].noHigherEducationShare == 0.7)
        #expect(c[0].nonNativeShare == 0.125)
        #expect(c[0].preventiveRegisterShare == nil)
    }

    @Test func russianHeadersAreAccepted() throws {
        // setup
        let t = F.table(["Год", "Код школы", "Число обучающихся", "Доля малоимущих", "Доля неполных семей",
                         "Доля без высшего образования родителей", "Доля неродной русский", "Доля на профилактическом учёте"],
                        [["2020", "s2", "80", "0,1", "0,2", "0,3", "0,4", "0,05"]])
        // act
        let c = try ContextFile.parse(t, knownSchoolCodes: F.known).get()
        // check
        #expect(c == [SocialContext(year: 2020, schoolCode: "s2", students: 80, lowIncomeShare: 0.1, incompleteFamilyShare: 0.2,
                                    noHigherEducationShare: 0.3, nonNativeShare: 0.4, preventiveRegisterShare: 0.05)])
    }

    @Test func aShareOutsideZeroToOneIsAnError() {
        // setup
        let t = F.table(header.components(separatedBy: ","), [["2021", "s1", "", "1,5", "120%", "-0.1", "много", "1"]])
        // act
        let places = F.places(ContextFile.parse(t, knownSchoolCodes: F.known))
        // check
        #expect(places == ["2:incomplete_family_share", "2:low_income_share", "2:no_higher_education_share", "2:non_native_share"])
    }

    @Test func countsBecomeSharesOfStudents() throws {
        // setup: 30 of 120 = 0,25; 42 of 120 = 0,35; 6 of 120 = 0,05
        let t = F.table(["Год", "Код школы", "Обучающихся", "Число малоимущих", "incomplete_family_count", "preventive_register_count"],
                        [["2021", "s1", "120", "30", "42", "6"]])
        // act
        let c = try ContextFile.parse(t, knownSchoolCodes: F.known).get()
        // check
        #expect(c == [SocialContext(year: 2021, schoolCode: "s1", students: 120, lowIncomeShare: 0.25, incompleteFamilyShare: 0.35,
                                    preventiveRegisterShare: 0.05)])
    }

    @Test func aCountAboveStudentsOrWithoutStudentsIsAnError() {
        // setup
        let t = F.table(["year,school_code,students,low_income_count,non_native_count",
                         "2021,s1,100,150,10",   // line 2: 150 of 100
                         "2020,s1,,10,",         // line 3: no students to divide by
                         "2019,s1,100,-1,x"])    // line 4: negative and non-numeric counts
        // act
        let p = F.problems(ContextFile.parse(t, knownSchoolCodes: F.known))
        // check
        #expect(p.map { "\($0.line!):\($0.column!)" } == ["2:low_income_count", "3:low_income_count", "4:low_income_count", "4:non_native_count"])
        #expect(p[0].reason.contains("больше числа обучающихся"))
        #expect(p[1].reason.contains("Число обучающихся"))
    }

    @Test func anUnknownSchoolAndABadYearAreNamed() {
        // setup
        let t = F.table([header, "2021,s9,100,0.1,,,,", "1999,s1,100,0.1,,,,"])
        // act
        let p = F.problems(ContextFile.parse(t, knownSchoolCodes: F.known))
        // check
        #expect(p.map { "\($0.line!):\($0.column!)" } == ["2:school_code", "3:year"])
        #expect(p[0].reason.contains("неизвестная школа"))
    }
}
