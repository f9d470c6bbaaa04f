import Foundation
@testable import OporaDomain
import Testing

/// Rule 5 with each `ReferenceScope`: which rows a reference is pooled over, computed by hand.
@Suite struct ReferenceScopeTests {
    // Two schools of the municipality and the imported regional row:
    // municipality pool 1 − 4/20 = 0.8; regional row 1 − 300/1000 = 0.7.
    let rows = [row("S1", 2019, math5, n: 10, fails: 4), row("S2", 2019, math5, n: 10, fails: 0),
                region(2019, math5, n: 1000, fails: 300)]

    @Test func theMunicipalityScopeReadsNoRegionRow() throws {
        // S1: d = 10·(0.6 − 0.8)/20 = −0.1; S2: d = 10·(1.0 − 0.8)/20 = 0.1
        let result = identify(rows, schools: [school("S1"), school("S2")], parameters: MethodologyParameters(referenceScope: .municipality))
        let reference = try #require(result.reference(of: math5, in: 2019))
        #expect(reference.source == .pooled)
        #expect(reference.participants == 20 && reference.fails == 4)
        #expect(close(result.assessment(of: "S1")?.composite, -0.1))
        #expect(close(result.assessment(of: "S2")?.composite, 0.1))
    }

    @Test func theRegionScopeReadsThePoolOfEveryMunicipality() throws {
        // The region: S1 and S2 here, S9 of another municipality with 20 participants and 12 fails,
        // a school of 3 participants left out by rule 1: 1 − (4 + 0 + 12)/40 = 0.6.
        // S1: success 0.6, d = 0; S2: d = 10·(1.0 − 0.6)/20 = 0.2
        var pool = ReferencePool()
        pool.add(procedure: math5, year: 2019, participants: 20, fails: 4)
        pool.add(procedure: math5, year: 2019, participants: 20, fails: 12)
        let result = identify(rows, schools: [school("S1"), school("S2")], parameters: MethodologyParameters(referenceScope: .region), pool: pool)
        let reference = try #require(result.reference(of: math5, in: 2019))
        #expect(reference.source == .regionPooled)
        #expect(reference.participants == 40 && reference.fails == 16)
        #expect(close(reference.value, 0.6))
        #expect(close(result.assessment(of: "S1")?.composite, 0))
        #expect(close(result.assessment(of: "S2")?.composite, 0.2))
        // S1's row is low (4 of 10 ≥ 30 %): its sentence names the reference
        let s1 = try #require(result.assessment(of: "S1"))
        #expect(s1.explanation.contains { $0.contains("успеваемость по школам региона 60") })
    }

    @Test func theImportedScopeIsTheDefaultAndOfEveryOlderVersion() throws {
        let older = try JSONDecoder().decode(MethodologyParameters.self, from: Data(#"{"minParticipants": 5}"#.utf8))
        #expect(older.referenceScope == .imported)
        #expect(MethodologyParameters.defaults.referenceScope == .imported)
        // with the default the regional row wins: S1 d = 10·(0.6 − 0.7)/20 = −0.05
        let result = identify(rows, schools: [school("S1"), school("S2")])
        #expect(result.reference(of: math5, in: 2019)?.source == .regional)
        #expect(close(result.assessment(of: "S1")?.composite, -0.05))
    }

    @Test func everyScopeIsDescribedInRussian() {
        let described = MethodologyParameters(referenceScope: .region).described
        #expect(described.last?.key == "referenceScope")
        #expect(described.last?.value == "все школы региона (всех его муниципалитетов)")
    }
}
