@testable import OporaDomain

// Fixtures: a few procedures, rows built in one line, the default parameters unless a test says otherwise.

let math5 = Procedure(kind: .vpr, grade: 5, subject: "Математика")
let russian5 = Procedure(kind: .vpr, grade: 5, subject: "Русский язык")
let math6 = Procedure(kind: .vpr, grade: 6, subject: "математика")
let ogeMath = Procedure(kind: .oge, grade: 9, subject: "математика")

func row(_ school: String, _ year: Int, _ procedure: Procedure, n: Int, fails: Int) -> ResultRow {
    ResultRow(year: year, procedure: procedure, schoolCode: school, participants: n, fails: fails)
}

func region(_ year: Int, _ procedure: Procedure, n: Int, fails: Int) -> ResultRow {
    row(ResultRow.regionCode, year, procedure, n: n, fails: fails)
}

func school(_ code: String, km: Double? = nil) -> SchoolFacts {
    SchoolFacts(code: code, name: "Школа \(code)", distanceKm: km)
}

/// Two low procedures (5/10 and 4/10 «2») in one year: a low year.
func lowYear(_ school: String, _ year: Int) -> [ResultRow] {
    [row(school, year, math5, n: 10, fails: 5), row(school, year, russian5, n: 10, fails: 4)]
}

/// Three criteria met: 0.40 ≥ 0.30, 0.40 ≥ 0.35, 0.80 ≥ 0.70.
func adverseContext(_ school: String, year: Int = 2019) -> SocialContext {
    SocialContext(year: year, schoolCode: school, lowIncomeShare: 0.40, incompleteFamilyShare: 0.40,
                  noHigherEducationShare: 0.80)
}

func identify(_ rows: [ResultRow], schools: [SchoolFacts], contexts: [SocialContext] = [],
              parameters: MethodologyParameters = .defaults, year: Int = 2019, pool: ReferencePool? = nil) -> IdentificationResult {
    Identification.run(rows: rows, contexts: contexts, schools: schools, parameters: parameters, year: year, pool: pool)
}
