@testable import OporaDomain
import Foundation
import Testing

/// Rule 1a: a school's small groups pooled per year and kind, so a school whose classes are all small is judged.
@Suite struct IdentificationPoolingTests {
    static let math4 = Procedure(kind: .vpr, grade: 4, subject: "математика")
    static let history7 = Procedure(kind: .vpr, grade: 7, subject: "история")

    /// S1 has only small ВПР groups in 2019: 4th-grade maths 3 (1 «2»), 5th-grade maths 2 (1), 6th-grade maths 4 (2),
    /// 7th-grade history 3 (3, no school has a valid row of it: no reference) and an ОГЭ group of 3 (1), alone in its kind.
    /// S2's valid rows make the references: 4th-grade maths 1 − 2/20 = 0.9, 5th 1 − 2/10 = 0.8, 6th 1 − 5/25 = 0.8, ОГЭ 0.9.
    static let rows = [
        row("S1", 2019, math4, n: 3, fails: 1), row("S1", 2019, math5, n: 2, fails: 1), row("S1", 2019, math6, n: 4, fails: 2),
        row("S1", 2019, history7, n: 3, fails: 3), row("S1", 2019, ogeMath, n: 3, fails: 1),
        row("S2", 2019, math4, n: 20, fails: 2), row("S2", 2019, math5, n: 10, fails: 2), row("S2", 2019, math6, n: 25, fails: 5),
        row("S2", 2019, ogeMath, n: 10, fails: 1),
    ]
    static let schools = [school("S1"), school("S2")]

    @Test func smallGroupsOfAKindArePooledWithTheirReferencesWeightedByParticipants() throws {
        // Pool: n = 3 + 2 + 4 = 9, «2» = 1 + 1 + 2 = 4 (history left out: no reference), share 4/9 = 0.444 ≥ 0.30: low.
        // Reference (3·0.9 + 2·0.8 + 4·0.8) / 9 = 7.5/9 = 0.8333…; d = 9·(5/9 − 7.5/9) / (9 + 10) = −2.5/19.
        let s1 = try #require(identify(Self.rows, schools: Self.schools).assessment(of: "S1"))
        let pooled = s1.rows.filter { $0.pooledFrom != nil }
        #expect(pooled.count == 1, "the ОГЭ pool of 3, with its reference, stays below 5 and is not a row")
        let pool = try #require(pooled.first)
        #expect(pool.row.procedure == Procedure(kind: .vpr, grade: 0, subject: "малые группы"))
        #expect(pool.row.participants == 9 && pool.row.fails == 4)
        #expect(pool.valid && pool.low)
        #expect(pool.pooledFrom?.map(\.procedure) == [Self.math4, math5, math6])
        #expect(close(pool.reference, 7.5 / 9))
        #expect(pool.referenceSource == .smallGroups)
        #expect(close(pool.d, -2.5 / 19))
        // The pool is S1's only valid row: its composite, and 2019 a year with data (2018, also in the window, has none).
        #expect(close(s1.composite, -2.5 / 19))
        #expect(s1.yearChecks.map(\.hasValidRows) == [false, true])
    }

    @Test func aPooledLowRowCountsAsAProcedureOfItsOwn() throws {
        // With one low procedure a year enough (minProcedures 1) and one year (years 1), the pool alone makes S1 НРО.
        let parameters = MethodologyParameters(minProcedures: 1, years: 1)
        let s1 = try #require(identify(Self.rows, schools: Self.schools, parameters: parameters).assessment(of: "S1"))
        #expect(s1.yearChecks.map(\.lowProcedures) == [[Procedure(kind: .vpr, grade: 0, subject: "малые группы")]])
        #expect(s1.category == .lowResults)
    }

    @Test func poolsNeverEnterAReferenceAndLeaveOtherSchoolsAsTheyWere() throws {
        let on = identify(Self.rows, schools: Self.schools)
        let off = identify(Self.rows, schools: Self.schools, parameters: MethodologyParameters(poolSmallGroups: false))
        #expect(on.references == off.references)
        #expect(!on.references.contains { $0.procedure.grade == 0 })
        #expect(on.assessment(of: "S2") == off.assessment(of: "S2"))
    }

    @Test func switchedOffASchoolOfSmallGroupsHasNoData() throws {
        let s1 = try #require(identify(Self.rows, schools: Self.schools, parameters: MethodologyParameters(poolSmallGroups: false)).assessment(of: "S1"))
        #expect(s1.rows.allSatisfy { $0.pooledFrom == nil && !$0.valid })
        #expect(s1.category == .insufficientData)
    }

    @Test func theExplanationListsThePoolsRowsAndNamesTheOnesLeftOut() throws {
        let s1 = try #require(identify(Self.rows, schools: Self.schools).assessment(of: "S1"))
        let text = s1.explanation.joined(separator: "\n")
        #expect(text.contains("ВПР, 2019: малые группы учтены вместе — 4 класс, математика (3 участника, «2» у 1);"
            + " 5 класс, математика (2 участника, «2» у 1); 6 класс, математика (4 участника, «2» у 2); вместе 9 участников, «2» у 4;"
            + " эталон — средняя успеваемость по этим процедурам с весами по числу участников, 83,3 %."), "\(text)")
        #expect(text.contains("ВПР, малые группы, 2019: «2» у 4 из 9 (44,4 %, 90-процентный интервал от 21,8 до 69,7 %) — не ниже порога 30 %,"
            + " это низкий результат, но на границе: интервал заходит ниже порога, так что низкий результат мог выйти случайно; успеваемость малых групп по их процедурам (средняя, с весами по числу участников) 83,3 %."))
        #expect(text.contains("Не учтены из-за малого числа участников (меньше 5): ВПР, 7 класс, история, 2019; ОГЭ, 9 класс, математика, 2019."))
        // Masked for observers and the public: the pool's procedures, without counts and without the pool's reference,
        // which with the procedures' own references (0.9, 0.8, 0.8) and the total would give the groups' sizes back.
        let masked = Identification.explanation(of: s1, parameters: .defaults, masked: true).joined(separator: "\n")
        #expect(masked.contains("ВПР, 2019: малые группы учтены вместе — 4 класс, математика; 5 класс, математика; 6 класс, математика."), "\(masked)")
        #expect(!masked.contains("3 участника") && !masked.contains("9 участников") && !masked.contains("83,3"), "\(masked)")
    }

    @Test func aPoolWithNoFailsSaysSo() throws {
        let rows = [row("S1", 2019, Self.math4, n: 3, fails: 0), row("S1", 2019, math5, n: 3, fails: 0),
                    row("S2", 2019, Self.math4, n: 20, fails: 2), row("S2", 2019, math5, n: 10, fails: 2)]
        let text = try #require(identify(rows, schools: Self.schools).assessment(of: "S1")).explanation.joined(separator: "\n")
        #expect(text.contains("4 класс, математика (3 участника, без «2»); 5 класс, математика (3 участника, без «2»); вместе 6 участников, без «2»;"), "\(text)")
    }

    /// Rule 9b compares composites year on year: its change of a school with pools in both years is the difference
    /// of the two composites the pages show. S1: 2018 pool 3 + 3 (2 + 1 «2»), 2019 pool 4 + 2 (0 + 0), with a valid row each year.
    @Test func theCompositeJumpSeesThePoolsAsTheCompositeDoes() throws {
        var rows: [ResultRow] = []
        for year in [2018, 2019] {
            rows += [row("S2", year, Self.math4, n: 20, fails: 2), row("S2", year, math5, n: 10, fails: 2), row("S2", year, math6, n: 25, fails: 5)]
        }
        rows += [row("S1", 2018, Self.math4, n: 3, fails: 2), row("S1", 2018, math5, n: 3, fails: 1), row("S1", 2018, math6, n: 8, fails: 2),
                 row("S1", 2019, math5, n: 2, fails: 0), row("S1", 2019, Self.math4, n: 4, fails: 0), row("S1", 2019, math6, n: 6, fails: 3)]
        let parameters = MethodologyParameters.defaults
        let c2019 = try #require(identify(rows, schools: Self.schools, year: 2019).assessment(of: "S1")?.composite)
        let c2018 = try #require(identify(rows, schools: Self.schools, year: 2018).assessment(of: "S1")?.composite)
        let read = IdentificationRows(rows, years: [2018, 2019])
        let (starts, positions) = read.bySchool()
        let references = ReferenceTable(rows: read, years: 2018...2019, parameters: parameters, pool: nil)
        let changes = Identification.compositeChanges(rows: read, starts: starts, positions: positions, references: references,
                                                      parameters: parameters, year: 2019)
        #expect(close(changes.change(of: "S1"), c2019 - c2018))
        // Without the pools the change would be the 6th-grade rows' alone: a different figure.
        let unpooled = MethodologyParameters(poolSmallGroups: false)
        let without = Identification.compositeChanges(rows: read, starts: starts, positions: positions,
                                                      references: ReferenceTable(rows: read, years: 2018...2019, parameters: unpooled, pool: nil),
                                                      parameters: unpooled, year: 2019)
        let unpooledChange = try #require(without.change(of: "S1"))
        #expect(abs(unpooledChange - (c2019 - c2018)) > 0.001)
    }

    @Test func aVersionStoredBeforePoolingReadsAsNotPooling() throws {
        let stored = #"{"minParticipants": 5, "failThreshold": 0.3}"#
        let parameters = try JSONDecoder().decode(MethodologyParameters.self, from: Data(stored.utf8))
        #expect(!parameters.poolSmallGroups)
        #expect(MethodologyParameters.defaults.poolSmallGroups)
    }
}
