/// The roles of DESIGN.md. What each may do is decided here, in one place.
public enum Role: String, CaseIterable, Codable, Sendable {
    case admin
    case methodist
    case school
    case observer

    /// A role that works for one school: its user is created with the school.
    public var worksForOneSchool: Bool { self == .school }

    public var russian: String {
        switch self {
        case .admin: return "Администратор (управление образования)"
        case .methodist: return "Методист"
        case .school: return "Координатор школы"
        case .observer: return "Наблюдатель"
        }
    }
}

/// Where in the organisation tree a user stands, and so what the user may see and change.
public struct Access: Sendable, Equatable {
    public var role: Role
    /// The municipality a user belongs to; nil for a regional user.
    public var municipalityID: String?
    /// The school of a school user.
    public var schoolID: String?
    /// The region of a regional user (ministry, institute, federal curators).
    public var regionID: String?

    public init(role: Role, municipalityID: String?, schoolID: String? = nil, regionID: String? = nil) {
        self.role = role
        self.municipalityID = municipalityID
        self.schoolID = schoolID
        self.regionID = regionID
    }

    /// Whether the user stands over a region instead of in a municipality: an `admin`, `methodist` or
    /// `observer` of the region reads every municipality of it and changes none of their data; like an
    /// observer, it reads no names of people and counts of people only (152-ФЗ: no more than the work needs).
    public var isRegional: Bool { municipalityID == nil && regionID != nil && role != .school }

    /// Whether the user may read the data of a municipality (and of its schools unless restricted below).
    public func canRead(municipalityID m: String, regionID r: String?) -> Bool {
        if let own = municipalityID { return own == m }
        if isRegional, let region = regionID { return region == r }
        return false
    }

    /// The role as the user reads it: a regional user's says so.
    public var russianTitle: String {
        guard isRegional else { return role.russian }
        switch role {
        case .admin: return "Администратор региона"
        case .methodist: return "Методист региона"
        default: return "Наблюдатель региона"
        }
    }

    /// A region's administrator: creates the region's municipalities (with their first administrator)
    /// and the region's users.
    public var canAdministerRegion: Bool { isRegional && role == .admin }

    /// Whether the user may load a file for the whole region at once: the registry (each school with its
    /// municipality) is the region's administrator's, context and results its methodists' too.
    public func canImportForRegion(schoolRegistry: Bool) -> Bool {
        isRegional && (role == .admin || (role == .methodist && !schoolRegistry))
    }

    /// Whether the user may read school-scoped, non-public data of one school of a readable municipality.
    public func canReadSchool(_ school: String) -> Bool {
        role == .school ? schoolID == school : true
    }

    /// Whether the user may change a measure of the municipal plan (school nil) or of a school's plan.
    public func canEditMeasure(ofSchool school: String?) -> Bool {
        if isRegional { return false }
        switch role {
        case .admin, .methodist: return true
        case .school: return school != nil && school == schoolID
        case .observer: return false
        }
    }

    /// A municipality's administrator (users, schools, programmes of the own municipality).
    public var canAdminister: Bool { role == .admin && !isRegional }

    /// Whether the user works for one school only (and reads the municipal plan besides).
    public var isConfinedToSchool: Bool { role.worksForOneSchool }

    /// The school a school user is confined to (one without a school: "", which matches none); nil for everyone else.
    public var ownSchool: String? { isConfinedToSchool ? (schoolID ?? "") : nil }

    /// Municipal staff who change the programme, its data and its plans: administrators and methodists.
    public var isMunicipalStaff: Bool { (role == .admin || role == .methodist) && !isRegional }

    /// Whether the user gets reminder letters of measures: the municipality's staff (of every school
    /// and the municipal plan) and a school's coordinator (of the own school); not observers or the region.
    public var remindedOfMeasures: Bool { isMunicipalStaff || (isConfinedToSchool && municipalityID != nil) }

    /// Whether the user reads the municipality as a whole (monitoring of every school, the management
    /// cycle, decisions, the report); a school user reads its own school.
    public var readsWholeMunicipality: Bool { role != .school }

    /// Whether the user may see who wrote or took part (practice authors, teachers at consultations).
    /// Observers and regional users do not: a region reads its municipalities without their people.
    public var seesNames: Bool { role != .observer && !isRegional }

    /// Whether the user may write anything in a municipality; observers and regional users only read.
    public var canWrite: Bool { role != .observer && !isRegional }

    /// Whether the user may load a file of this kind: the school registry is the administrator's,
    /// every other kind any municipal staff member's.
    public func canImport(schoolRegistry: Bool) -> Bool { schoolRegistry ? canAdminister : isMunicipalStaff }

    /// Whether the user may change a school's own data (social context, staff, resources).
    public func canEditSchoolData(_ school: String) -> Bool { isMunicipalStaff || ownSchool == school }

    /// Whether the user sees counts of people only: a count under 5 as «<5» and no share or
    /// difference that would tell it back (SmallCount.fraction). Observers and regional users; public pages too.
    public var seesCountsOnly: Bool { role == .observer || isRegional }

    /// Whether the user may see the named people of a school: its teachers' deficits, development plans,
    /// mentoring, and its students' support plans. Observers see counts only, never names or plans.
    public func canReadPeople(ofSchool school: String) -> Bool {
        if isRegional { return false }
        switch role {
        case .admin, .methodist: return true
        case .school: return schoolID == school
        case .observer: return false
        }
    }

    /// Whether the user may change them: the same, since whoever may see a school's people works with them.
    public func canEditPeople(ofSchool school: String) -> Bool { canReadPeople(ofSchool: school) }

    /// Whether the user may see the name of a teacher of `school` as a possible mentor: a school sees
    /// its own teachers and those the municipality has put on its list of mentors, no others.
    public func canSeeMentor(ofSchool school: String, listed: Bool) -> Bool {
        if isRegional { return false }
        switch role {
        case .admin, .methodist: return true
        case .school: return schoolID == school || listed
        case .observer: return false
        }
    }

    /// Municipal work with people (the course catalogue, consultation points, the list of competences).
    public var canManagePeopleWork: Bool { isMunicipalStaff }
}
