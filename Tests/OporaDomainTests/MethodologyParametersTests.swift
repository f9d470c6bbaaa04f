import Foundation
@testable import OporaDomain
import Testing

@Suite struct MethodologyParametersTests {
    @Test func defaultsAreThoseOfTheDesign() {
        // setup
        let p = MethodologyParameters.defaults
        // check
        #expect(p.minParticipants == 5 && p.failThreshold == 0.30 && p.minProcedures == 2 && p.years == 2)
        #expect(p.priorStrength == 10 && p.minCriteria == 3 && p.vprSuccessMargin == 0.15 && p.jumpSigmas == 3)
        #expect(p.lowIncome == 0.30 && p.incompleteFamily == 0.35 && p.noHigherEducation == 0.70)
        #expect(p.nonNative == 0.15 && p.preventiveRegister == 0.05 && p.distanceKm == 50)
        #expect(p.problems().isEmpty)
    }

    @Test func problemsNameEveryInvalidField() {
        // setup
        let p = MethodologyParameters(minParticipants: 0, failThreshold: 1.2, minProcedures: 0, years: 0,
                                      priorStrength: -1, lowIncome: 0, incompleteFamily: 1.5, noHigherEducation: -0.1,
                                      nonNative: .nan, preventiveRegister: 2, distanceKm: -5, minCriteria: 7,
                                      vprSuccessMargin: -0.1, jumpSigmas: 0)
        // act
        let problems = p.problems()
        // check
        #expect(Set(problems.keys) == ["minParticipants", "failThreshold", "minProcedures", "years", "priorStrength",
                                       "lowIncome", "incompleteFamily", "noHigherEducation", "nonNative",
                                       "preventiveRegister", "distanceKm", "minCriteria", "vprSuccessMargin", "jumpSigmas"])
        #expect(problems["minCriteria"] == "Число критериев НСУ — от 1 до 6.")
        #expect(MethodologyParameters(minCriteria: 6, vprSuccessMargin: 0).problems().isEmpty)
    }

    @Test func describedListsEveryParameterRussianStyle() {
        // act
        let described = MethodologyParameters.defaults.described
        // check
        #expect(described.count == 16)
        #expect(Set(described.map(\.key)).count == 16)
        let values = Dictionary(uniqueKeysWithValues: described.map { ($0.key, $0.value) })
        #expect(values["poolSmallGroups"] == "да")
        #expect(values["failThreshold"] == "0,30")
        #expect(values["noHigherEducation"] == "0,70")
        #expect(values["preventiveRegister"] == "0,05")
        #expect(values["distanceKm"] == "50")
        #expect(values["priorStrength"] == "10")
        #expect(values["minParticipants"] == "5")
        #expect(described.allSatisfy { !$0.label.isEmpty })
    }

    @Test func anOlderStoredVersionReadsMissingFieldsAsDefaults() throws {
        // setup: a version stored before the bias parameters existed
        let json = Data(#"{"minParticipants": 7, "failThreshold": 0.25}"#.utf8)
        // act
        let p = try JSONDecoder().decode(MethodologyParameters.self, from: json)
        let roundTrip = try JSONDecoder().decode(MethodologyParameters.self, from: JSONEncoder().encode(p))
        // check
        #expect(p.minParticipants == 7 && p.failThreshold == 0.25)
        #expect(p.vprSuccessMargin == 0.15 && p.jumpSigmas == 3 && p.years == 2)
        #expect(roundTrip == p)
    }
}
