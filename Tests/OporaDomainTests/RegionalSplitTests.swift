import OporaDomain
import Testing

/// A region's file split into its municipalities' parts: by the registry's column, or by school code.
@Suite struct RegionalSplitTests {
    static let municipalities = ["Балаганский район", "Усть-Удинский район"]

    func table(_ header: [String], _ rows: [[String]]) -> ImportTable {
        ImportTable(header: header, rows: rows.enumerated().map { ImportTable.Row(line: $0.offset + 2, cells: $0.element) })
    }

    @Test func theRegistryPlacesEachSchoolByItsMunicipalityColumnWhichIsThenDropped() throws {
        let t = table(["Муниципалитет", "Код школы", "Название"], [
            ["  балаганский   район", "bal-01", "СОШ 1"], ["Усть-Удинский район", "ud-01", "СОШ 2"], ["Балаганский район", "bal-02", "СОШ 3"],
        ])
        let parts = try RegionalSplit.split(t, kind: .schools, municipalities: Self.municipalities, registry: [:]).get()
        #expect(parts.keys.sorted() == Self.municipalities)
        #expect(parts["Балаганский район"]?.header == ["Код школы", "Название"])
        #expect(parts["Балаганский район"]?.rows.map(\.line) == [2, 4])
        #expect(parts["Усть-Удинский район"]?.rows.first?.cells == ["ud-01", "СОШ 2"])
    }

    @Test func theRegistryRefusesAnUnknownMunicipalityAndACodeOfAnotherMunicipality() {
        let t = table(["municipality", "code", "name"], [
            ["Нет такого", "x-1", "А"], ["", "x-2", "Б"], ["Балаганский район", "ud-01", "В"],
            ["Балаганский район", "n-1", "Г"], ["Усть-Удинский район", "n-1", "Д"], ["Балаганский район", "bal-01", "Е"],
        ])
        guard case .failure(let p) = RegionalSplit.split(t, kind: .schools, municipalities: Self.municipalities,
                                                        registry: ["ud-01": ["Усть-Удинский район"], "bal-01": ["Балаганский район"]]) else {
            Issue.record("must be refused"); return
        }
        #expect(p.problems.map(\.line) == [2, 3, 4, 6])
        #expect(p.problems[0].reason == "В регионе нет такого муниципалитета.")
        #expect(p.problems[1].reason == "Не указан муниципалитет школы.")
        #expect(p.problems[2].reason.contains("уже есть в муниципалитете «Усть-Удинский район»"))
        #expect(p.problems[3].reason == "Этот код уже у школы муниципалитета «Балаганский район» (строка 5).")
        // A registry without the column cannot be placed at all.
        guard case .failure(let none) = RegionalSplit.split(table(["school_code", "name"], [["a", "b"]]), kind: .schools,
                                                           municipalities: Self.municipalities, registry: [:]) else { Issue.record("no column"); return }
        #expect(none.problems.count == 1 && none.problems[0].line == nil)
    }

    @Test func resultsFollowTheirSchoolAndTheReferenceGoesToEveryMunicipality() throws {
        let registry = ["bal-01": ["Балаганский район"], "ud-01": ["Усть-Удинский район"], "two": ["Балаганский район", "Усть-Удинский район"]]
        let header = ["year", "kind", "grade", "subject", "Код ОО", "participants", "fails"]
        let t = table(header, [
            ["2021", "vpr", "4", "математика", "bal-01", "20", "2"], ["2021", "vpr", "4", "математика", "REGION", "900", "90"],
            ["2021", "vpr", "4", "математика", "ud-01", "10", "1"], [],
        ])
        let parts = try RegionalSplit.split(t, kind: .results, municipalities: Self.municipalities, registry: registry).get()
        #expect(parts["Балаганский район"]?.rows.map(\.line) == [2, 3])
        #expect(parts["Усть-Удинский район"]?.rows.map(\.line) == [3, 4])
        #expect(parts["Усть-Удинский район"]?.header == header)
        // Only the municipalities the file has schools of get the reference; a file of reference rows only, every one.
        let three = Self.municipalities + ["Тулунский район"]
        let two = try RegionalSplit.split(t, kind: .results, municipalities: three, registry: registry).get()
        #expect(two.keys.sorted() == Self.municipalities)
        let onlyReference = try RegionalSplit.split(table(header, [["2021", "vpr", "4", "математика", "REGION", "900", "90"]]), kind: .results,
                                                    municipalities: three, registry: registry).get()
        #expect(onlyReference.keys.sorted() == three.sorted() && onlyReference.values.allSatisfy { $0.rows.map(\.line) == [2] })
        // Two municipalities whose names differ only in how they are written: no row is sent to the wrong one.
        guard case .failure = RegionalSplit.split(t, kind: .results, municipalities: ["Усть-Удинский район", "усть-удинский  район"], registry: registry) else {
            Issue.record("names that collide must be refused"); return
        }
        // A school of no municipality of the region (another region's), and a code registered twice.
        let bad = table(header, [["2021", "vpr", "4", "математика", "irk-99", "20", "2"], ["2021", "vpr", "4", "математика", "two", "20", "2"]])
        guard case .failure(let p) = RegionalSplit.split(bad, kind: .results, municipalities: Self.municipalities, registry: registry) else {
            Issue.record("must be refused"); return
        }
        #expect(p.problems.map(\.reason) == ["Школы с таким кодом нет в реестре региона.",
                                             "Код есть у школ нескольких муниципалитетов: Балаганский район, Усть-Удинский район."])
    }
}
