import Foundation
@testable import OporaDomain
import Testing

@Suite struct CSVTextTests {
    func parse(_ text: String) throws -> ImportTable {
        try CSVText.parse(Array(text.utf8)).get()
    }

    @Test func quotedCellsKeepDelimitersQuotesAndLineBreaksAndRowsKeepTheirFileLine() throws {
        let t = try parse("code;name;note\r\nbal-01;\"Школа \"\"Родник\"\"; филиал\";\"две\r\nстроки\"\r\n\r\nbal-02;Вторая;\r\n")
        #expect(t.header == ["code", "name", "note"])
        #expect(t.rows.count == 2)
        #expect(t.rows[0] == ImportTable.Row(line: 2, cells: ["bal-01", "Школа \"Родник\"; филиал", "две\nстроки"]))
        // The quoted break makes row 1 span lines 2–3; line 4 is blank; the next row is line 5.
        #expect(t.rows[1] == ImportTable.Row(line: 5, cells: ["bal-02", "Вторая", ""]))
    }

    @Test func theLinesChooseTheDelimiter() throws {
        // Title lines above the table, one with a comma; percentages with a decimal comma in a «;» file.
        let export = "Всероссийские проверочные работы\nМатематика, 5 класс\n\nЛогин ОО;Участников;% 2;% 3\nsch1;23;21,74;78,26\nsch2;25;8;92\n"
        #expect(CSVText.delimiter(of: Array(export.utf8)) == UInt8(ascii: ";"))
        #expect(CSVText.delimiter(of: Array("a;b;c\n1,5;2;3".utf8)) == UInt8(ascii: ";"))
        #expect(CSVText.delimiter(of: Array("a,b,c\n1;2;3".utf8)) == UInt8(ascii: ","))
        #expect(CSVText.delimiter(of: Array("a\tb\n1\t2".utf8)) == UInt8(ascii: "\t"))
        // A delimiter inside a quoted header cell does not count.
        #expect(CSVText.delimiter(of: Array("\"a;b;c\",d,e\n".utf8)) == UInt8(ascii: ","))
        #expect(try parse("a,b\n1,\"2,5\"\n").rows[0].cells == ["1", "2,5"])
    }

    @Test func lineEndingsOfEveryKindAndNoneAtTheEnd() throws {
        #expect(try parse("a,b\r1,2\r3,4").rows.map(\.cells) == [["1", "2"], ["3", "4"]])
        #expect(try parse("a,b\n1,2\n3,4\n").rows.map(\.line) == [2, 3])
        #expect(try parse("a,b\n1,").rows[0].cells == ["1", ""])
    }

    @Test func anUnclosedQuoteIsNamedWithTheLineItOpensOn() {
        #expect(CSVText.parse(Array("a,b\n1,2\n3,\"open\n4,5\n".utf8)) == .failure(.unclosedQuote(line: 3)))
    }

    @Test func oneSubjectWrittenInComposedOrDecomposedLettersIsOneProcedure() {
        // «й» as one letter and as «и» with a combining breve: equal as text, so one procedure and one hash.
        let composed = Procedure(kind: .vpr, grade: 5, subject: "Русский язык")
        let decomposed = Procedure(kind: .vpr, grade: 5, subject: "Русски\u{0438}\u{0306} язык")
        #expect(composed == decomposed)
        #expect(composed.hashValue == decomposed.hashValue)
        #expect(Set([composed, decomposed]).count == 1)
        #expect(Procedure(kind: .vpr, grade: 5, subject: "биология") < Procedure(kind: .vpr, grade: 5, subject: "история"))
        #expect(Procedure(kind: .ege, grade: 4, subject: "а") > Procedure(kind: .oge, grade: 11, subject: "я"))
    }
}
