import Foundation
import OporaDomain

/// Invented results and social context of the eight demo schools, from three years before the programme to its last, consistent with the
/// seed: the four schools it names as stably low (Биритская, Кумарейская, Шарагайская,
/// Коноваловская) are НРО the year before the programme and its first year under the default parameters, and improve after.
enum DemoResults {
    static let years = DemoCalendar.year(-3)...DemoCalendar.year(2)

    struct Profile {
        var code: String
        /// Pupils per grade.
        var cohort: Int
        /// Fail share in an ordinary year.
        var baseFail: Double
        /// Fail share in the years it is low.
        var lowFail: Double
        var lowYears: ClosedRange<Int>?
        var hasGIA11: Bool
        var hasGIA9: Bool
        var distanceKm: Double
        var context: (lowIncome: Double, incomplete: Double, noHigher: Double, nonNative: Double, preventive: Double)
    }

    static let profiles: [Profile] = [
        Profile(code: "bal-01", cohort: 48, baseFail: 0.08, lowFail: 0, lowYears: nil, hasGIA11: true, hasGIA9: true, distanceKm: 0,
                context: (0.18, 0.22, 0.45, 0.02, 0.02)),
        Profile(code: "bal-02", cohort: 36, baseFail: 0.11, lowFail: 0, lowYears: nil, hasGIA11: true, hasGIA9: true, distanceKm: 2,
                context: (0.21, 0.25, 0.52, 0.03, 0.03)),
        Profile(code: "bal-03", cohort: 16, baseFail: 0.18, lowFail: 0.38, lowYears: DemoCalendar.year(-2)...DemoCalendar.year(0), hasGIA11: true, hasGIA9: true, distanceKm: 28,
                context: (0.27, 0.31, 0.66, 0.04, 0.04)),
        Profile(code: "bal-04", cohort: 12, baseFail: 0.2, lowFail: 0.42, lowYears: DemoCalendar.year(-2)...DemoCalendar.year(0), hasGIA11: true, hasGIA9: true, distanceKm: 63,
                context: (0.41, 0.38, 0.78, 0.06, 0.07)),
        Profile(code: "bal-05", cohort: 11, baseFail: 0.19, lowFail: 0.4, lowYears: DemoCalendar.year(-2)...DemoCalendar.year(0), hasGIA11: true, hasGIA9: true, distanceKm: 74,
                context: (0.36, 0.33, 0.74, 0.21, 0.04)),
        Profile(code: "bal-06", cohort: 13, baseFail: 0.17, lowFail: 0.36, lowYears: DemoCalendar.year(-2)...DemoCalendar.year(0), hasGIA11: true, hasGIA9: true, distanceKm: 41,
                context: (0.29, 0.3, 0.62, 0.03, 0.05)),
        Profile(code: "bal-07", cohort: 8, baseFail: 0.09, lowFail: 0, lowYears: nil, hasGIA11: false, hasGIA9: true, distanceKm: 57,
                context: (0.39, 0.41, 0.76, 0.05, 0.03)),
        Profile(code: "bal-08", cohort: 6, baseFail: 0.12, lowFail: 0, lowYears: nil, hasGIA11: false, hasGIA9: false, distanceKm: 33,
                context: (0.24, 0.28, 0.58, 0.02, 0.01)),
    ]

    static func procedures(_ p: Profile, hasGrades5to9: Bool) -> [Procedure] {
        var list = [Procedure(kind: .vpr, grade: 4, subject: "русский язык"), Procedure(kind: .vpr, grade: 4, subject: "математика")]
        if hasGrades5to9 {
            list += [Procedure(kind: .vpr, grade: 5, subject: "русский язык"), Procedure(kind: .vpr, grade: 5, subject: "математика"),
                     Procedure(kind: .vpr, grade: 6, subject: "математика"), Procedure(kind: .vpr, grade: 7, subject: "математика"),
                     Procedure(kind: .vpr, grade: 8, subject: "русский язык")]
        }
        if p.hasGIA9 { list += [Procedure(kind: .oge, grade: 9, subject: "русский язык"), Procedure(kind: .oge, grade: 9, subject: "математика")] }
        if p.hasGIA11 { list += [Procedure(kind: .ege, grade: 11, subject: "русский язык"), Procedure(kind: .ege, grade: 11, subject: "математика")] }
        return list
    }

    /// A repeatable number in 0..<1 from a text: the same demo every time.
    static func noise(_ key: String) -> Double {
        var h: UInt64 = 1469598103934665603
        for b in key.utf8 { h = (h ^ UInt64(b)) &* 1099511628211 }
        return Double(h % 10_000) / 10_000
    }

    static func rows() -> [ResultRow] {
        var rows: [ResultRow] = []
        for p in profiles {
            for year in years {
                for (i, procedure) in procedures(p, hasGrades5to9: p.code != "bal-08").enumerated() {
                    let key = "\(p.code)|\(year)|\(procedure.russian)"
                    let n = max(5, Int((Double(p.cohort) * (0.8 + 0.4 * noise(key + "n"))).rounded()) - (procedure.kind == .ege ? p.cohort / 3 : 0))
                    var share = p.baseFail * (0.7 + 0.6 * noise(key + "f"))
                    // In its low years a school fails in most procedures, well above the threshold.
                    if let low = p.lowYears, low.contains(year), i % 4 != 3 { share = p.lowFail * (0.9 + 0.25 * noise(key + "l")) }
                    if year == DemoCalendar.year(1), p.lowYears != nil { share *= 0.55 }
                    if year == DemoCalendar.year(2), p.lowYears != nil { share *= 0.4 + 0.3 * noise(p.code) }
                    let fails = min(n, Int((Double(n) * share).rounded()))
                    let rest = n - fails
                    let m5 = Int((Double(rest) * (0.12 + 0.1 * noise(key + "5"))).rounded())
                    let m4 = Int((Double(rest - m5) * (0.45 + 0.1 * noise(key + "4"))).rounded())
                    let m3 = rest - m5 - m4
                    let mean = procedure.kind.isFinalAttestation ? (40 + 30 * (1 - share) + 5 * noise(key + "m")).rounded() / 1 : nil
                    rows.append(ResultRow(year: year, procedure: procedure, schoolCode: p.code, participants: n, fails: fails,
                                          marks3: procedure.kind == .ege ? nil : m3, marks4: procedure.kind == .ege ? nil : m4,
                                          marks5: procedure.kind == .ege ? nil : m5, meanScore: mean))
                }
            }
        }
        return rows
    }

    static func contexts() -> [SocialContext] {
        profiles.flatMap { p in
            years.map { year in
                let drift = 1 + 0.04 * (noise("\(p.code)\(year)") - 0.5)
                return SocialContext(year: year, schoolCode: p.code, students: p.cohort * 9,
                                     lowIncomeShare: round2(p.context.lowIncome * drift), incompleteFamilyShare: round2(p.context.incomplete * drift),
                                     noHigherEducationShare: round2(p.context.noHigher * drift), nonNativeShare: round2(p.context.nonNative),
                                     preventiveRegisterShare: round2(p.context.preventive))
            }
        }
    }

    static func round2(_ v: Double) -> Double { (v * 100).rounded() / 100 }
}
