import Fluent
import Foundation
import OporaDomain
import Vapor

/// The demo municipality: the seed's district with its six named schools and two invented ones,
/// the built-in programme, school plans with invented progress, and one demo user per role.
public enum DemoData {
    public static let password = "opora-demo"

    public struct Login: Sendable {
        public var login: String
        public var role: Role
        public var description: String
        /// A user of the region instead of the municipality.
        public var regional = false
    }

    public static let logins: [Login] = [
        Login(login: "admin", role: .admin, description: "управление образования"),
        Login(login: "metodist", role: .methodist, description: "методический центр"),
        Login(login: "biritskaya", role: .school, description: "координатор МБОУ Биритская СОШ"),
        Login(login: "kumareyskaya", role: .school, description: "координатор МБОУ Кумарейская СОШ"),
        Login(login: "observer", role: .observer, description: "наблюдатель министерства"),
        Login(login: "region", role: .admin, description: "администратор региона: все муниципалитеты области, только чтение", regional: true),
    ]

    struct SchoolSeed {
        var code: String
        var name: String
        var shortName: String
        var settlement: String
        var participating: Bool
    }

    static let schools: [SchoolSeed] = [
        .init(code: "bal-01", name: "МБОУ Балаганская СОШ № 1", shortName: "Балаганская СОШ № 1", settlement: "п. Балаганск", participating: false),
        .init(code: "bal-02", name: "МБОУ Балаганская СОШ № 2", shortName: "Балаганская СОШ № 2", settlement: "п. Балаганск", participating: false),
        .init(code: "bal-03", name: "МБОУ Биритская СОШ", shortName: "Биритская СОШ", settlement: "с. Бирит", participating: true),
        .init(code: "bal-04", name: "МБОУ Кумарейская СОШ", shortName: "Кумарейская СОШ", settlement: "с. Кумарейка", participating: true),
        .init(code: "bal-05", name: "МБОУ Шарагайская СОШ", shortName: "Шарагайская СОШ", settlement: "с. Шарагай", participating: true),
        .init(code: "bal-06", name: "МБОУ Коноваловская СОШ", shortName: "Коноваловская СОШ", settlement: "с. Коновалово", participating: true),
        .init(code: "bal-07", name: "МБОУ Примерная ООШ № 7 (вымышленная, демо)", shortName: "Примерная ООШ № 7 (демо)", settlement: "д. Примерная (демо)", participating: false),
        .init(code: "bal-08", name: "МБОУ Условная НОШ № 8 (вымышленная, демо)", shortName: "Условная НОШ № 8 (демо)", settlement: "д. Условная (демо)", participating: false),
    ]

    /// Fills an empty, migrated database. With `successor`, the built-in programme's successor for
    /// the three years after it follows as a draft made from it, two unfinished measures carried over:
    /// how the next programme starts.
    public static func seed(_ app: Application, successor: Bool = false) async throws {
        let db = app.db
        let today = app.opora.today()
        let region = Region(name: "Иркутская область")
        try await region.create(on: db)
        let municipality = Municipality(regionID: try region.requireID(), name: "Балаганский район", isDemo: true, publicPage: true)
        try await municipality.create(on: db)
        let municipalityID = try municipality.requireID()
        var schoolIDs: [String: UUID] = [:]
        for s in schools {
            let school = School(municipalityID: municipalityID, code: s.code, name: s.name, shortName: s.shortName,
                                settlement: s.settlement, type: s.code == "bal-07" ? "ООШ" : s.code == "bal-08" ? "НОШ" : "СОШ",
                                distanceKm: DemoResults.profiles.first { $0.code == s.code }?.distanceKm,
                                isDemo: true)
            try await school.create(on: db)
            schoolIDs[s.code] = try school.requireID()
        }
        try await MonitoringStamp.bump(municipalityID: municipalityID, on: db)
        try await seedMonitoring(municipalityID: municipalityID, schoolIDs: schoolIDs, on: db)
        try await seedStaff(municipalityID: municipalityID, schoolIDs: schoolIDs, on: db)
        let programmeID = try await ProgrammeInstaller.install(try ProgrammeTemplate.balagansky(), municipalityID: municipalityID, on: db)
        guard let programme = try await Programme.find(programmeID, on: db) else { return }

        let hash = try await app.password.async.hash(password)
        var users: [String: User] = [:]
        for login in logins {
            let school: UUID? = login.login == "biritskaya" ? schoolIDs["bal-03"] : login.login == "kumareyskaya" ? schoolIDs["bal-04"] : nil
            let name: String
            switch login.role {
            case .admin where login.regional: name = "Смирнова Елена Васильевна (демо)"
            case .admin: name = "Иванова Анна Петровна (демо)"
            case .methodist: name = "Петрова Мария Ивановна (демо)"
            case .school: name = login.login == "biritskaya" ? "Сидоров Олег Николаевич (демо)" : "Кузнецова Ольга Викторовна (демо)"
            case .observer: name = "Наблюдатель министерства (демо)"
            }
            let user = User(login: login.login, passwordHash: hash, fullName: name, role: login.role,
                            regionID: login.regional ? region.id : nil, municipalityID: login.regional ? nil : municipalityID, schoolID: school)
            // Addresses of a reserved domain (RFC 2606): a demo's reminders reach nobody.
            if [.admin, .methodist].contains(login.role) && !login.regional || login.login == "biritskaya" { user.email = "\(login.login)@example.org" }
            try await user.create(on: db)
            users[login.login] = user
        }

        try await DemoPeople.seed(municipalityID: municipalityID, schoolIDs: schoolIDs, participating: schools.filter(\.participating).map(\.code), on: db)
        for s in schools where s.participating {
            let schoolID = schoolIDs[s.code]!
            try await Participation.set(schoolID, in: programme, to: true, on: db)
            try await invent(progressFor: schoolID, programmeID: programmeID, today: today,
                             coordinator: users[s.code == "bal-03" ? "biritskaya" : "metodist"]!, on: db)
        }
        try await DemoNetwork.seed(municipalityID: municipalityID, schoolIDs: schoolIDs, participating: schools.filter(\.participating).map(\.code), on: db)
        if successor { try await seedSuccessor(of: programmeID, on: db) }
    }

    static func seedSuccessor(of programmeID: UUID, on db: any Database) async throws {
        guard let programme = try await Programme.find(programmeID, on: db) else { return }
        let carried = Set(try await Programmes.unfinished(programme, on: db).prefix(2).compactMap(\.id))
        let years = (programme.endYear + 1)...(programme.endYear + programme.years.count)
        var next = ProgrammeTemplate.successor(of: try await Programmes.storedPlan(programme, carrying: carried, on: db), years: years)
        next.analysis.paragraphs = ["Черновик следующей программы (демо): паспорт, разделы, направления, задачи и индикаторы перенесены из программы \(programme.years.lowerBound)–\(programme.years.upperBound) годов, целевые значения её последнего года стали исходными, два невыполненных мероприятия перенесены. Анализ ситуации пишется заново."]
        try await ProgrammeInstaller.install(next, municipalityID: programme.$municipality.id, status: .draft, on: db)
    }

    static func seedMonitoring(municipalityID: UUID, schoolIDs: [String: UUID], on db: any Database) async throws {
        let results = DemoResults.rows().map { r -> ResultRecord in
            let rec = ResultRecord()
            rec.$municipality.id = municipalityID
            rec.set(r)
            return rec
        }
        for start in stride(from: 0, to: results.count, by: 200) {
            try await Array(results[start..<min(start + 200, results.count)]).create(on: db)
        }
        for c in DemoResults.contexts() {
            let rec = SocialContextRecord()
            rec.$municipality.id = municipalityID
            rec.$school.id = schoolIDs[c.schoolCode]!
            rec.year = c.year
            rec.set(c)
            try await rec.create(on: db)
        }
        _ = try await Methodology.current(municipalityID: municipalityID, on: db)
    }

    static func seedStaff(municipalityID: UUID, schoolIDs: [String: UUID], on db: any Database) async throws {
        let items = try await ChecklistItems.titles(municipalityID: municipalityID, on: db)
        for (n, p) in DemoResults.profiles.enumerated() {
            let schoolID = schoolIDs[p.code]!
            let size = max(6, p.cohort / 2 + 6)
            let teachers = DemoStaff.teachers(p.code, size: size)
            var idByKey: [String: UUID] = [:]
            for t in teachers {
                let r = TeacherRecord()
                r.$municipality.id = municipalityID
                r.$school.id = schoolID
                r.set(t)
                try await r.create(on: db)
                idByKey[t.id] = r.id
            }
            for t in DemoStaff.trainings(teachers, progress: p.lowYears == nil ? 0.9 : 0.75) {
                let r = TrainingRecord()
                r.$municipality.id = municipalityID
                r.$teacher.id = idByKey[t.teacherID]!
                r.set(t)
                try await r.create(on: db)
            }
            for year in DemoStaff.years {
                for f in DemoStaff.positions(p.code, year: year, size: size) {
                    let r = StaffPositionRecord()
                    r.$municipality.id = municipalityID
                    r.$school.id = schoolID
                    r.set(f)
                    try await r.create(on: db)
                }
                for f in DemoStaff.checklist(p.code, year: year, items: items, school: n) {
                    let r = ChecklistEntryRecord()
                    r.$municipality.id = municipalityID
                    r.$school.id = schoolID
                    r.year = f.year
                    r.item = f.item
                    r.available = f.available
                    try await r.create(on: db)
                }
                if p.hasGIA9 {
                    let g = DemoStaff.gia(p.code, year: year, cohort: p.cohort, low: p.lowYears != nil)
                    let r = GIAOutcomeRecord()
                    r.$municipality.id = municipalityID
                    r.$school.id = schoolID
                    r.year = g.year
                    r.participants = g.participants
                    r.passed = g.passed
                    try await r.create(on: db)
                }
            }
        }
    }

    /// Deadlines around today and some measures done with a small PDF, so that the home page,
    /// the overdue list and the evidence have something to show. All of it is marked as demo.
    static func invent(progressFor schoolID: UUID, programmeID: UUID, today: Day, coordinator: User, on db: any Database) async throws {
        let measures = try await Measure.query(on: db).filter(\.$school.$id == schoolID).sort(\.$sectionNumber).sort(\.$ordinal).all()
        let offset = Int(schoolID.uuidString.unicodeScalars.first!.value % 5)
        for (i, m) in measures.enumerated() {
            let k = (i + offset) % 10
            m.deadline = today.adding(days: (i % 12) * 10 - 60).iso
            m.deadlineText = nil
            m.responsible = "Координатор школы (демо)"
            switch k {
            case 0, 1, 2:
                m.status = .done
                m.completedOn = min(today, Day(m.deadline!)!).iso
                m.completedBy = coordinator.fullName
                m.completionComment = "Демонстрационная отметка."
                m.$markedBy.id = coordinator.id
                try await m.save(on: db)
                try await MeasureUpdate.storeEvidence(.init(fileName: "подтверждение-демо.pdf", bytes: demoPDF()), type: .pdf,
                                                      measureID: try m.requireID(), user: try CurrentUser(coordinator), on: db)
                continue
            case 3, 4:
                m.status = .inProgress
            default:
                m.status = .planned
            }
            try await m.save(on: db)
        }
    }

    /// A minimal valid PDF with one line of text.
    static func demoPDF() -> [UInt8] {
        let text = "Opora demo evidence"
        let stream = "BT /F1 18 Tf 72 720 Td (\(text)) Tj ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, o) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(i + 1) 0 obj\n\(o)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { pdf += String(format: "%010d 00000 n \n", o) }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(pdf.utf8)
    }
}
