import Fluent
import Foundation
import OporaDomain

/// Invented network work of the demo: published resources of the participating schools, two
/// practices (one public), a partnership, two events, one recommendation linked to a measure, and
/// a decision. Everything is marked as demo.
enum DemoNetwork {
    static func seed(municipalityID: UUID, schoolIDs: [String: UUID], participating: [String], on db: any Database) async throws {
        _ = try await RiskFactorList.load(municipalityID: municipalityID, on: db)
        let items = try await ChecklistItems.titles(municipalityID: municipalityID, on: db)
        for code in participating {
            guard let schoolID = schoolIDs[code] else { continue }
            let entries = try await ChecklistEntryRecord.query(on: db).filter(\.$school.$id == schoolID).filter(\.$year == DemoCalendar.year(2)).all()
            for item in items + ResourceInventory.extraItems {
                let r = ResourceItem()
                r.$municipality.id = municipalityID
                r.$school.id = schoolID
                r.year = DemoCalendar.year(2)
                r.item = item
                r.available = entries.first { $0.item == item }?.available ?? (item == ResourceInventory.extraItems[0])
                r.note = item == items.first ? "10 Мбит/с (демо)" : ""
                r.isPublic = true
                try await r.create(on: db)
            }
        }
        let practices = [
            ("Стажировки учителей математики на базе Балаганской СОШ № 1 (демо)", "bal-01", "Учителя математики Балаганской СОШ № 1 (демо)",
             "Учителя школ с низкими результатами проходят стажировку: посещают уроки, вместе разбирают задания ВПР, готовят уроки по формирующему оцениванию.",
             "Доля невыполнения ВПР по математике в 5 классе у участников стажировки снизилась на 8 процентных пунктов за год.", ["1.2", "2.3", "4.4"],
             ["competence", "professionalDevelopment"], EvidenceLevel.moderate, true),
            ("Клуб «Учимся вместе» для повышения учебной мотивации (демо)", "bal-03", "Педагог-психолог и классные руководители Биритской СОШ (демо)",
             "Еженедельные занятия в малых группах: проектные задания, игры, разбор трудных тем, встречи с выпускниками.",
             "Доля обучающихся с низкой мотивацией в 5–7 классах уменьшилась по итогам повторной диагностики.", ["2.4", "3.2"], ["motivation", "studentsAtRisk"],
             EvidenceLevel.promising, false),
        ]
        for (title, code, authors, description, results, directions, factors, level, isPublic) in practices {
            let p = Practice()
            p.$municipality.id = municipalityID
            p.$school.id = schoolIDs[code]
            p.title = title
            p.authors = authors
            p.directions = directions.joined(separator: ",")
            p.factors = factors.joined(separator: ",")
            p.description = description
            p.results = results
            p.evidence = "Сравнение результатов ВПР \(DemoCalendar.year(1)) и \(DemoCalendar.year(2)) годов (демо)"
            p.evidenceLevel = level.rawValue
            p.isPublic = isPublic
            p.searchIndex = SearchIndex.document([title, authors, description, results, p.evidence].joined(separator: " "))
            p.updatedOn = DemoCalendar.day(2, 6, 15).iso
            try await p.create(on: db)
        }
        if let a = schoolIDs["bal-01"], let b = schoolIDs["bal-03"] {
            let p = Partnership()
            p.$municipality.id = municipalityID
            p.$school.id = b
            p.$partnerSchool.id = a
            p.partnerKind = PartnerKind.school.rawValue
            p.agreementNumber = "12/\(DemoCalendar.year(1))"
            p.agreementDate = DemoCalendar.day(1, 9, 1).iso
            p.term = "до \(DemoCalendar.day(3, 8, 31).russian)"
            p.subject = "Стажировки учителей, совместные методические объединения, подготовка к ВПР (демо)"
            try await p.create(on: db)
        }
        for (kind, title, date, participants) in [(EventKind.internship, "Стажировка учителей математики (демо)", DemoCalendar.day(2, 3, 24).iso, 14),
                                                  (EventKind.parentMeeting, "Родительское собрание «Как помочь ребёнку учиться» (демо)", DemoCalendar.day(2, 9, 20).iso, 3)] {
            let e = NetworkEvent()
            e.$municipality.id = municipalityID
            e.$school.id = schoolIDs["bal-01"]
            e.kind = kind.rawValue
            e.title = title
            e.date = date
            e.organiser = "МКУ «ЦРО» (демо)"
            e.audience = kind == .internship ? "учителя математики школ с НРО" : "родители обучающихся 5–7 классов"
            e.participants = participants
            e.materials = ""
            e.isPublic = true
            try await e.create(on: db)
        }
        if let school = schoolIDs["bal-03"],
           let measure = try await Measure.query(on: db).filter(\.$school.$id == school).filter(\.$sectionNumber == 2).sort(\.$ordinal).first() {
            let r = Recommendation()
            r.$municipality.id = municipalityID
            r.$school.id = school
            r.year = DemoCalendar.year(2)
            r.factor = "motivation"
            r.text = "Организовать занятия по повышению учебной мотивации в 5–7 классах и повторную диагностику мотивации в мае (демо)."
            r.status = RecommendationStatus.inProgress.rawValue
            r.createdBy = "Петрова Мария Ивановна (демо)"
            r.createdOn = DemoCalendar.day(2, 9, 5).iso
            try await r.create(on: db)
            try await r.$measures.attach(measure, on: db)
            let d = Decision()
            d.$municipality.id = municipalityID
            d.date = DemoCalendar.day(2, 9, 12).iso
            d.body = "Приказ управления образования № 112 (демо)"
            d.decision = "Утвердить адресные рекомендации школам с НРО и закрепить школу-партнёра за Биритской СОШ (демо)."
            d.basis = "Анализ результатов ВПР \(DemoCalendar.year(2)) года и профилей рисков школ (демо)"
            d.$school.id = school
            d.$measure.id = measure.id
            d.createdBy = "Иванова Анна Петровна (демо)"
            try await d.create(on: db)
            for (factor, level, comment) in [("motivation", RiskLevel.high, "Подтверждено повторной диагностикой мотивации (демо)"),
                                             ("competence", RiskLevel.high, "")] {
                let a = RiskAssessment()
                a.$municipality.id = municipalityID
                a.$school.id = school
                a.year = DemoCalendar.year(2)
                a.factor = factor
                a.level = level.rawValue
                a.suggestedLevel = nil
                a.comment = comment
                a.assessedBy = "Петрова Мария Ивановна (демо)"
                a.assessedOn = DemoCalendar.day(2, 9, 1).iso
                try await a.create(on: db)
            }
        }
    }
}
