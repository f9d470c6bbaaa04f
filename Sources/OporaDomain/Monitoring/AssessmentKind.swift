import Foundation

/// The kind of an assessment procedure.
public enum AssessmentKind: String, CaseIterable, Codable, Sendable, Comparable {
    case vpr
    case oge
    case ege
    case regional
    case municipal

    /// ВПР, ОГЭ, ЕГЭ, РДР, МДР
    public var russian: String {
        switch self {
        case .vpr: return "ВПР"
        case .oge: return "ОГЭ"
        case .ege: return "ЕГЭ"
        case .regional: return "РДР"
        case .municipal: return "МДР"
        }
    }

    /// ОГЭ and ЕГЭ make up the state final attestation (ГИА); a fail there is a score below the minimum.
    public var isFinalAttestation: Bool { self == .oge || self == .ege }

    /// Reads the code (`vpr`) or the Russian name (`ВПР`), in any case, with surrounding spaces.
    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let k = AssessmentKind(rawValue: t) { self = k; return }
        guard let k = AssessmentKind.allCases.first(where: { $0.russian.lowercased() == t }) else { return nil }
        self = k
    }

    /// The order of `allCases`: ВПР, ОГЭ, ЕГЭ, РДР, МДР.
    private var order: Int {
        switch self {
        case .vpr: return 0
        case .oge: return 1
        case .ege: return 2
        case .regional: return 3
        case .municipal: return 4
        }
    }

    public static func < (a: AssessmentKind, b: AssessmentKind) -> Bool { a.order < b.order }
}

/// An assessment procedure: kind, grade and subject. Results are compared within a procedure.
public struct Procedure: Hashable, Codable, Sendable, Comparable {
    public var kind: AssessmentKind
    public var grade: Int
    /// Lower-cased, spaces collapsed: «Русский язык» and «русский  язык» are one subject.
    public var subject: String

    public init(kind: AssessmentKind, grade: Int, subject: String) {
        self.kind = kind
        self.grade = grade
        self.subject = Procedure.normalise(subject)
    }

    /// For a subject that is normalised already, e.g. read back from the database.
    init(kind: AssessmentKind, grade: Int, normalisedSubject subject: String) {
        self.kind = kind
        self.grade = grade
        self.subject = subject
    }

    /// Lower-cased, spaces collapsed, in Unicode's composed form (NFC), so that equal subjects have equal bytes.
    public static func normalise(_ subject: String) -> String {
        subject.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").precomposedStringWithCanonicalMapping
    }

    // Subjects are normalised to NFC, so comparing their UTF-8 bytes gives what String's comparison gives,
    // without its Unicode normalisation on every hash and comparison: identification of the country
    // compares and hashes procedures hundreds of millions of times.
    public static func == (a: Procedure, b: Procedure) -> Bool {
        a.kind == b.kind && a.grade == b.grade && a.subject.utf8.elementsEqual(b.subject.utf8)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(grade)
        if subject.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            Array(subject.utf8).withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    /// «ВПР, 5 класс, математика»; a pool of small groups (grade 0, rule 1a): «ВПР, малые группы».
    public var russian: String { grade == 0 ? "\(kind.russian), \(subject)" : "\(kind.russian), \(grade) класс, \(subject)" }

    public static func < (a: Procedure, b: Procedure) -> Bool {
        if a.kind != b.kind { return a.kind < b.kind }
        if a.grade != b.grade { return a.grade < b.grade }
        return a.subject.utf8.lexicographicallyPrecedes(b.subject.utf8)
    }
}

/// School-level results of one procedure in one year. `schoolCode` is `REGION` for the regional reference.
public struct ResultRow: Hashable, Codable, Sendable {
    public static let regionCode = "REGION"

    public var year: Int
    public var procedure: Procedure
    public var schoolCode: String
    public var participants: Int
    /// Marks «2», or participants below the minimum score for ОГЭ/ЕГЭ.
    public var fails: Int
    public var marks3: Int?
    public var marks4: Int?
    public var marks5: Int?
    public var meanScore: Double?

    public init(year: Int, procedure: Procedure, schoolCode: String, participants: Int, fails: Int,
                marks3: Int? = nil, marks4: Int? = nil, marks5: Int? = nil, meanScore: Double? = nil) {
        self.year = year
        self.procedure = procedure
        self.schoolCode = schoolCode
        self.participants = participants
        self.fails = fails
        self.marks3 = marks3
        self.marks4 = marks4
        self.marks5 = marks5
        self.meanScore = meanScore
    }

    public var isRegionalReference: Bool { schoolCode == ResultRow.regionCode }

    /// The identity of a row: one school, one year, one procedure.
    public struct Key: Hashable, Sendable, Codable {
        public var year: Int
        public var procedure: Procedure
        public var schoolCode: String

        public init(year: Int, procedure: Procedure, schoolCode: String) {
            self.year = year
            self.procedure = procedure
            self.schoolCode = schoolCode
        }
    }

    public var key: Key { Key(year: year, procedure: procedure, schoolCode: schoolCode) }
}

/// The social context of a school in a year: shares 0…1, nil where unknown.
public struct SocialContext: Hashable, Codable, Sendable {
    public var year: Int
    public var schoolCode: String
    public var students: Int?
    public var lowIncomeShare: Double?
    public var incompleteFamilyShare: Double?
    public var noHigherEducationShare: Double?
    public var nonNativeShare: Double?
    public var preventiveRegisterShare: Double?

    public init(year: Int, schoolCode: String, students: Int? = nil, lowIncomeShare: Double? = nil,
                incompleteFamilyShare: Double? = nil, noHigherEducationShare: Double? = nil,
                nonNativeShare: Double? = nil, preventiveRegisterShare: Double? = nil) {
        self.year = year
        self.schoolCode = schoolCode
        self.students = students
        self.lowIncomeShare = lowIncomeShare
        self.incompleteFamilyShare = incompleteFamilyShare
        self.noHigherEducationShare = noHigherEducationShare
        self.nonNativeShare = nonNativeShare
        self.preventiveRegisterShare = preventiveRegisterShare
    }
}

/// What the methodology needs to know about a school beyond its results and context.
public struct SchoolFacts: Hashable, Codable, Sendable {
    public var code: String
    public var name: String
    public var distanceKm: Double?

    public init(code: String, name: String, distanceKm: Double?) {
        self.code = code
        self.name = name
        self.distanceKm = distanceKm
    }
}

/// A school of the registry as an import file gives it.
public struct SchoolRecord: Hashable, Codable, Sendable {
    public var code: String
    public var name: String
    public var shortName: String
    public var settlement: String?
    /// One of `SchoolType.all`: СОШ, ООШ, НОШ, лицей, гимназия, …
    public var type: String?
    public var distanceKm: Double?
    /// The school's login in ФИС ОКО, by which its federal result files name it.
    public var login: String?
    public var okpo: String?
    public var inn: String?
    /// A branch's (филиал) parent school.
    public var parentCode: String?

    public init(code: String, name: String, shortName: String, settlement: String?, type: String?, distanceKm: Double?,
                login: String? = nil, okpo: String? = nil, inn: String? = nil, parentCode: String? = nil) {
        self.code = code
        self.name = name
        self.shortName = shortName
        self.settlement = settlement
        self.type = type
        self.distanceKm = distanceKm
        self.login = login
        self.okpo = okpo
        self.inn = inn
        self.parentCode = parentCode
    }
}

/// The types of general education schools as registries write them.
public enum SchoolType {
    public static let all = ["СОШ", "ООШ", "НОШ", "лицей", "гимназия", "школа-интернат", "вечерняя школа", "центр образования", "филиал"]
    public static let branch = "филиал"

    /// The type a registry's text means: «СОШ», «средняя общеобразовательная школа», «Лицей», «В(С)ОШ»…
    public static func canonical(_ text: String) -> String? {
        let t = ColumnSet.normalise(text).replacingOccurrences(of: "-", with: " ")
        let words: [(String, [String])] = [
            ("СОШ", ["сош", "средняя общеобразовательная школа", "средняя школа"]),
            ("ООШ", ["оош", "основная общеобразовательная школа", "основная школа"]),
            ("НОШ", ["нош", "начальная общеобразовательная школа", "начальная школа", "начальная школа детский сад"]),
            ("лицей", ["лицей"]), ("гимназия", ["гимназия"]),
            ("школа-интернат", ["школа интернат", "интернат"]),
            ("вечерняя школа", ["вечерняя школа", "в(с)ош", "всош", "вечерняя (сменная) общеобразовательная школа", "вечерняя сменная школа"]),
            ("центр образования", ["центр образования", "цо"]),
            ("филиал", ["филиал"]),
        ]
        return words.first { $0.1.contains(t) }?.0
    }

    /// «СОШ, ООШ, НОШ, лицей, …» for messages.
    public static var russianList: String { all.joined(separator: ", ") }
}
