@testable import OporaDomain
import Testing

// MARK: - Search

extension NetworkTests {
    @Suite struct SearchIndexTests {
        @Test func theFormsOfAWordShareOneStem() {
            // act
            let groups = [["стажировка", "стажировки", "стажировкой", "стажировку"], ["мотивация", "мотивации", "мотивацию"],
                          ["школа", "школы", "школе"], ["наставничество", "наставничества"]]
                .map { Set($0.map(RussianStemmer.stem)) }
            // check
            #expect(groups == [["стажировк"], ["мотивац"], ["школ"], ["наставничеств"]])
        }

        @Test func theStemmerFollowsSnowballOnGerundsAdjectivalsVerbsAndSuffixes() {
            // setup: stems as the reference Snowball implementation gives them
            let cases = ["учащихся": "уча", "прочитавшись": "прочита", "красивейшая": "красив", "открытость": "открыт",
                         "повышение": "повышен", "занимаются": "занима", "бронированный": "бронирова", "конь": "кон", "я": "я"]
            // act, check
            for (word, stem) in cases { #expect(RussianStemmer.stem(word) == stem, "\(word)") }
        }

        @Test func termsAreLowerCasedStemmedAndUnique() {
            // act
            let terms = SearchIndex.terms("Ёлка, ёлки и Excel-2010: стажировка в школе № 5")
            // check: «и», «в» dropped; Latin words and numbers as they are
            #expect(terms == ["елк", "excel", "2010", "стажировк", "школ", "5"])
            #expect(SearchIndex.document("Ёлка, ёлки и Excel-2010: стажировка в школе № 5") == " елк excel 2010 стажировк школ 5 ")
            #expect(SearchIndex.document("") == "  ")
        }

        @Test func aQueryMatchesWholeTermsInAnyForm() {
            // setup
            let document = SearchIndex.document("Повышение мотивация учащихся")
            // act, check
            #expect(SearchIndex.matches(query: "мотивации учащихся", document: document))
            #expect(SearchIndex.matches(query: "МОТИВАЦИЮ", document: document))
            #expect(!SearchIndex.matches(query: "мотивации учащихся", document: SearchIndex.document("Повышение мотивации педагогов")))
            #expect(!SearchIndex.matches(query: "школа", document: SearchIndex.document("Школьный двор")))
            #expect(SearchIndex.matches(query: " , ", document: document))
        }
    }
}
