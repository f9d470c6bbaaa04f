import Fluent
import Foundation
import OporaDomain
import Vapor

/// Sections, directions, tasks, indicators and measures through the API: a JSON body becomes the
/// same form the web page sends, and the answer is the saved part as the read operations give it.
extension ProgrammeAPIController {
    /// Adds a part (`POST /programmes/{id}/…`) or changes one (`PATCH /…/{partID}`).
    func save<M: ProgrammePart>(_ type: M.Type, _ req: Request) async throws -> Response {
        let user = try req.currentUser()
        var existing: M?
        let programme: Programme
        if req.parameters.get("programmeID") != nil {
            programme = try editable(try await self.programme(req), user)
        } else {
            let (item, owner) = try await part(type, req)
            (existing, programme) = (item, owner)
        }
        var form: [String: String] = ["id": existing?.id?.uuidString ?? ""]
        let db = req.db
        let result: Result<UUID, FieldErrors>
        switch type {
        case is ProgrammeSection.Type:
            let b = try req.content.decode(Components.Schemas.SectionInput.self)
            form["title"] = b.title
            form["expected_result"] = b.expectedResult ?? (existing as? ProgrammeSection)?.expectedResult ?? ""
            result = try await ProgrammeEditing.saveSection(programme, form, user: user, on: db)
        case is Direction.Type:
            let b = try req.content.decode(Components.Schemas.DirectionInput.self)
            form["title"] = b.title
            form["section_id"] = b.sectionID
            result = try await ProgrammeEditing.saveDirection(programme, form, user: user, on: db)
        case is YearTask.Type:
            let b = try req.content.decode(Components.Schemas.TaskInput.self)
            form["direction_id"] = b.directionID ?? ""
            form["text"] = b.text
            form["first_year"] = String(b.firstYear)
            form["last_year"] = String(b.lastYear)
            result = try await ProgrammeEditing.saveTask(programme, form, user: user, on: db)
        default:
            let b = try req.content.decode(Components.Schemas.IndicatorInput.self)
            form["title"] = b.title
            form["unit"] = b.unit
            form["baseline_year"] = String(b.baselineYear)
            form["baseline"] = b.baseline.map(ProgrammeEditing.plain) ?? ""
            form["formula"] = b.formula.rawValue
            form["source"] = b.source ?? ""
            var errors = FieldErrors()
            for (key, value) in b.targets?.additionalProperties ?? [:] {
                guard let year = Int(key), programme.years.contains(year) else {
                    errors.add("targets", "Цель задаётся на годы программы \(programme.startYear)–\(programme.endYear), а не на «\(key)».")
                    continue
                }
                form[IndicatorDraft.targetField(year)] = ProgrammeEditing.plain(value)
            }
            if !errors.isEmpty { return try Self.refused(errors) }
            result = try await ProgrammeEditing.saveIndicator(programme, form, user: user, on: db)
        }
        switch result {
        case .success(let id): return try json(try await answer(type, id, programme, on: db), existing == nil ? .created : .ok)
        case .failure(let errors): return try Self.refused(errors)
        }
    }

    /// The saved part as the read operations show it.
    func answer<M: ProgrammePart>(_ type: M.Type, _ id: UUID, _ programme: Programme, on db: any Database) async throws -> AnyEncodable {
        let plan = try await ProgrammePlan.fetch(programme, on: db)
        for s in plan.sections {
            if s.id == id { return AnyEncodable(Components.Schemas.Section(id: s.id.uuidString, number: s.number, title: s.title, expectedResult: s.expectedResult)) }
            for d in s.directions {
                if d.id == id { return AnyEncodable(Components.Schemas.Direction(id: d.id.uuidString, sectionNumber: s.number, code: d.code, title: d.title)) }
                if let t = d.tasks.first(where: { $0.id == id }) {
                    return AnyEncodable(Components.Schemas.Task(id: t.id.uuidString, directionCode: t.directionCode, text: t.text, years: t.years))
                }
            }
        }
        guard let i = plan.indicators.first(where: { $0.id == id }) else { throw Abort(.notFound, reason: "Такой части программы нет.") }
        return AnyEncodable(Components.Schemas.Indicator(i))
    }

    /// Deletes an empty section, direction or task, an indicator without values entered by hand, or a
    /// measure nothing was recorded on.
    func delete<M: ProgrammePart>(_ type: M.Type, _ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let (item, programme) = try await part(type, req)
        let id = try item.requireID().uuidString
        let db = req.db
        let result: Result<Void, FieldErrors>
        switch item {
        case is ProgrammeSection: result = try await ProgrammeEditing.deleteSection(programme, id: id, user: user, on: db)
        case is Direction: result = try await ProgrammeEditing.deleteDirection(programme, id: id, user: user, on: db)
        case is YearTask: result = try await ProgrammeEditing.deleteTask(programme, id: id, user: user, on: db)
        case is Indicator: result = try await ProgrammeEditing.deleteIndicator(programme, id: id, user: user, on: db)
        case let measure as Measure: result = try await ProgrammeEditing.deleteMeasure(measure, user: user, on: db)
        default: throw Abort(.notFound)
        }
        switch result {
        case .success: return Response(status: .noContent)
        case .failure(let errors): return try Self.refused(errors)
        }
    }

    func addMeasure(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let programme = try editable(try await self.programme(req), user)
        let b = try req.content.decode(Components.Schemas.MeasureInput.self)
        let form = ["task_id": b.taskID, "name": b.name, "deadline": b.deadline ?? "", "responsible": b.responsible ?? "",
                    "product": b.product ?? "", "level": b.level.rawValue]
        switch try await ProgrammeEditing.addMeasure(programme, form, user: user, on: req.db) {
        case .success(let added):
            let row = try await MeasureList.row(of: try await Scope.measure(added.id, for: user, on: req.db), today: req.today, on: req.db)
            return try json(Components.Schemas.MeasureCreated(measure: .init(row), warning: added.warning), .created)
        case .failure(let errors): return try Self.refused(errors)
        }
    }

    func describeMeasure(_ req: Request) async throws -> Response {
        let user = try req.currentUser()
        let (measure, _) = try await part(Measure.self, req)
        let b = try req.content.decode(Components.Schemas.MeasureDescription.self)
        let form = ["name": b.name, "product": b.product ?? "", "level": b.level.rawValue]
        switch try await ProgrammeEditing.describeMeasure(measure, form, user: user, on: req.db) {
        case .success: return try json(try await APIController().measure(req))
        case .failure(let errors): return try Self.refused(errors)
        }
    }
}

/// Any encodable answer, so one handler can answer a section, a direction, a task or an indicator.
struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
