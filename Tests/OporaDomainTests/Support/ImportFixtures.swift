import Foundation
@testable import OporaDomain

/// The import rules of issue 3, one test per rule, checked against hand-written tables: every problem
/// is named by its line (as a spreadsheet program shows it, header = 1) and column.
enum ImportFixture {
    /// A table from comma-separated lines without quoting; the first line is the header.
    static func table(_ lines: [String]) -> ImportTable {
        ImportTable(header: lines[0].components(separatedBy: ","),
                    rows: lines.dropFirst().enumerated().map { ImportTable.Row(line: $0.offset + 2, cells: $0.element.components(separatedBy: ",")) })
    }

    /// A table from cells, for headers and values that contain commas.
    static func table(_ header: [String], _ rows: [[String]]) -> ImportTable {
        ImportTable(header: header, rows: rows.enumerated().map { ImportTable.Row(line: $0.offset + 2, cells: $0.element) })
    }

    static func problems<T>(_ result: Result<T, ImportProblems>) -> [ImportProblem] {
        if case .failure(let p) = result { return p.problems }
        return []
    }

    /// «7:participants» for each problem, in the order reported; «file:fails» for a file-level one.
    static func places<T>(_ result: Result<T, ImportProblems>) -> [String] {
        problems(result).map { "\($0.line.map(String.init) ?? "file"):\($0.column ?? "-")" }
    }

    static let known: Set<String> = ["s1", "s2"]
    static let resultsHeader = "year,kind,grade,subject,school_code,participants,fails,marks3,marks4,marks5,mean_score"
    static let studentHeader = "year,kind,grade,subject,school_code,participant_code,score,mark"

    static func results(_ rows: [String]) -> Result<[ResultRow], ImportProblems> {
        ResultsFile.parse(table([resultsHeader] + rows), knownSchoolCodes: known)
    }

    static func maths5() -> Procedure { Procedure(kind: .vpr, grade: 5, subject: "математика") }
}
