import Fluent
import Foundation
import OporaDomain
import Vapor

/// The fourth way to start a programme: from the municipality's own files, an XLSX workbook of four
/// sheets or the DOCX of the programme with its Приложение 1 and 2. Read, previewed, then written as
/// a draft exactly as `Programmes.create` writes one; a file with any problem writes nothing.
enum ProgrammeImport {
    /// The `kind` of a programme file waiting in `PendingImports`.
    static let pendingKind = "programme"
    static let basis = "из файла"

    /// The form's period and name checked, and the file read: the form's refusal, or what the file gives.
    /// The fields are `first_year`, `last_year`, `name`.
    static func read(_ form: [String: String], fileName: String, bytes: [UInt8], municipalityID: UUID,
                     on db: any Database) async throws -> Result<ProgrammeFile.Reading, FieldErrors> {
        var errors = FieldErrors()
        let first = Int((form["first_year"] ?? "").trimmingCharacters(in: .whitespaces))
        let last = Int((form["last_year"] ?? "").trimmingCharacters(in: .whitespaces))
        for (field, message) in ProgrammePeriod.problems(first: first, last: last, others: try await Programmes.others(of: municipalityID, except: nil, on: db)) {
            errors.add(field, message)
        }
        let name = (form["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.count > 500 { errors.add("name", "Название — не длиннее 500 знаков.") }
        var tables: Result<FileTables, ImportProblems>?
        if bytes.isEmpty {
            errors.add("file", "Выберите файл программы: книгу Excel (.xlsx) или документ Word (.docx).")
        } else {
            tables = read(fileName: fileName, bytes: bytes)
            if case .failure(let problems) = tables { errors.add("file", problems.problems.map(\.reason).joined(separator: " ")) }
        }
        guard errors.isEmpty, let first, let last, case .success(let read)? = tables else { return .failure(errors) }
        switch read {
        case .workbook(let sheets): return .success(ProgrammeFile.readWorkbook(sheets, name: name, years: first...last))
        case .document(let tables): return .success(ProgrammeFile.readDocument(tables, name: name, years: first...last))
        }
    }

    enum FileTables {
        case workbook([String: [[String]]])
        case document([ProgrammeFile.Table])
    }

    /// The file's tables: a workbook's sheets or a document's tables, told apart by what the package holds.
    static func read(fileName: String, bytes: [UInt8]) -> Result<FileTables, ImportProblems> {
        func fail(_ reason: String) -> Result<FileTables, ImportProblems> {
            .failure(ImportProblems([ImportProblem(line: nil, column: nil, value: nil, reason: reason)]))
        }
        guard bytes.count <= TableReader.maxBytes else { return fail("Файл больше \(TableReader.maxBytes / 1024 / 1024) МБ.") }
        let lower = fileName.lowercased()
        if lower.hasSuffix(".doc") || lower.hasSuffix(".xls") {
            return fail("Старые форматы .doc и .xls не читаются: сохраните файл как .docx или .xlsx.")
        }
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), let package = try? OfficePackage(bytes, maxUnpackedBytes: TableReader.maxUnpackedBytes) else {
            return fail("Это не книга Excel (.xlsx) и не документ Word (.docx).")
        }
        if package.has("word/document.xml") { return DocxReader.tables(bytes).map(FileTables.document) }
        if package.has("xl/workbook.xml") { return TableReader.readSheets(bytes).map(FileTables.workbook) }
        return fail("Это не книга Excel (.xlsx) и не документ Word (.docx).")
    }

    /// Writes the draft the reading gives, in one transaction with its audit entry.
    static func create(_ reading: ProgrammeFile.Reading, municipalityID: UUID, user: CurrentUser, on db: any Database) async throws -> UUID {
        precondition(reading.problems.isEmpty, "a file with problems is never written")
        return try await Programmes.installDraft(reading.template, basis: basis, municipalityID: municipalityID, user: user, on: db)
    }

    /// The downloadable workbook: the four sheets with their Russian headers and, as an example, the
    /// built-in template's first direction with its tasks and measures, its first indicator, one row
    /// of each passport field, all for `years`.
    static func templateWorkbook(municipality: String, years: ClosedRange<Int>) throws -> [UInt8] {
        var example = try ProgrammeTemplate.balagansky().adapted(to: municipality, years: years)
        example.sections = Array(example.sections.prefix(1))
        example.sections[0].directions = Array(example.sections[0].directions.prefix(1))
        example.indicators = Array(example.indicators.prefix(1))
        let p = example.passport
        example.passport.basis = Array(p.basis.prefix(1))
        example.passport.terms = Array(p.terms.prefix(1))
        example.passport.tasks = Array(p.tasks.prefix(1))
        example.passport.indicators = Array(p.indicators.prefix(1))
        example.passport.expectedResults = Array(p.expectedResults.prefix(1))
        example.analysis.paragraphs = ["Анализ состояния качества образования в школах муниципалитета: по абзацу в строке."]
        let sheets = ProgrammeFile.workbookSheets(of: example).map { sheet, rows in
            XLSXSheet(name: sheet.rawValue,
                      columns: rows[0].map { XLSXColumn(title: $0, width: $0.count > 12 || sheet == .passport ? 40 : 12) },
                      rows: rows.dropFirst().map { $0.map { XLSXCell.text($0) } })
        }
        return try XLSXWriter.workbook(sheets)
    }
}

extension ProgrammeImport {
    /// A programme file read and, when it has no problem and `write` is set, written as a draft in one
    /// go (the command line and the API; the web page previews first): the form's refusal and every
    /// problem of the file by field, or what was read and the new draft's id.
    static func run(_ form: [String: String], fileName: String, bytes: [UInt8], municipalityID: UUID, user: CurrentUser?, write: Bool,
                    on db: any Database) async throws -> Result<(reading: ProgrammeFile.Reading, id: UUID?), FieldErrors> {
        switch try await read(form, fileName: fileName, bytes: bytes, municipalityID: municipalityID, on: db) {
        case .failure(let errors): return .failure(errors)
        case .success(let reading):
            guard reading.problems.isEmpty else {
                var errors = FieldErrors()
                for (n, p) in reading.problems.prefix(1000).enumerated() { errors.add(String(format: "%04d", n + 1), p.description) }
                return .failure(errors)
            }
            guard write else { return .success((reading, nil)) }
            let id = try await Programmes.installDraft(reading.template, basis: basis, municipalityID: municipalityID, user: user, on: db)
            return .success((reading, id))
        }
    }
}
