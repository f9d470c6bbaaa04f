import Fluent
import OporaDomain
import Foundation

final class Region: Model, @unchecked Sendable {
    static let schema = "regions"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String

    init() {}
    init(name: String) { self.name = name }
}

final class Municipality: Model, @unchecked Sendable {
    static let schema = "municipalities"
    @ID(key: .id) var id: UUID?
    @Parent(key: "region_id") var region: Region
    @Field(key: "name") var name: String
    /// Demo data says so on every page.
    @Field(key: "is_demo") var isDemo: Bool
    /// Whether parents see the municipality's public page; off until the admin switches it on.
    @Field(key: "public_page") var publicPage: Bool
    /// The municipality's own time zone (an identifier such as Asia/Yakutsk), when the region spans
    /// several; nil: the deployment's `OPORA_TIME_ZONE`.
    @OptionalField(key: "time_zone") var timeZone: String?

    init() {}
    init(regionID: UUID, name: String, isDemo: Bool, publicPage: Bool = false) {
        self.$region.id = regionID
        self.name = name
        self.isDemo = isDemo
        self.publicPage = publicPage
    }
}

final class School: Model, @unchecked Sendable {
    static let schema = "schools"
    @ID(key: .id) var id: UUID?
    @Parent(key: "municipality_id") var municipality: Municipality
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "short_name") var shortName: String
    @OptionalField(key: "settlement") var settlement: String?
    /// One of `SchoolType.all`.
    @OptionalField(key: "type") var type: String?
    @OptionalField(key: "distance_km") var distanceKm: Double?
    /// The school's login in ФИС ОКО; result files that name schools by it are read through it.
    @OptionalField(key: "login") var login: String?
    @OptionalField(key: "okpo") var okpo: String?
    @OptionalField(key: "inn") var inn: String?
    /// A branch's (филиал) parent school, by code.
    @OptionalField(key: "parent_code") var parentCode: String?
    @Field(key: "is_demo") var isDemo: Bool

    init() {}
    init(municipalityID: UUID, code: String, name: String, shortName: String, settlement: String?,
         type: String?, distanceKm: Double?, isDemo: Bool) {
        self.$municipality.id = municipalityID
        self.code = code
        self.name = name
        self.shortName = shortName
        self.settlement = settlement
        self.type = type
        self.distanceKm = distanceKm
        self.isDemo = isDemo
    }

    /// The same from the registry's form.
    func setRegistry(_ f: SchoolEditView.Form) {
        login = f.login.isEmpty ? nil : f.login
        okpo = f.okpo.isEmpty ? nil : f.okpo
        inn = f.inn.isEmpty ? nil : f.inn
        parentCode = f.parentCode.isEmpty ? nil : f.parentCode
    }

    /// The registry's fields besides names, type and distance.
    func set(registry r: SchoolRecord) {
        login = r.login
        okpo = r.okpo
        inn = r.inn
        parentCode = r.parentCode
    }
}
